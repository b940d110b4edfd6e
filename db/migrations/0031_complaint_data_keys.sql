-- Crypto-shredding (issue 14): every complaint's personal data is encrypted with a data key of its
-- own, held here wrapped (AES-256-GCM) by a master key (PAYLOAD_ENCRYPTION_KEYS; the id of the one
-- used is kept, so master keys can rotate). Erasing a complaint destroys its key: the wrapped key
-- becomes NULL, and every copy of its data sealed under it (Temporal histories, outbox rows,
-- attachments) can no longer be read by anyone. Temporal histories are append-only; this is how
-- they are "erased" while staying valid for replay.
-- No foreign key to complaints: the key is made before the complaint's row and its workflow, so
-- the intake can seal the workflow's input first.
CREATE TABLE complaint_data_keys (
  complaint_id      uuid PRIMARY KEY,
  master_key_id     text,
  wrapped_key       bytea,
  created_at        timestamptz NOT NULL DEFAULT now(),
  destroyed_at      timestamptz,
  destroyed_reason  text CHECK (destroyed_reason IN ('request', 'retention')),
  CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL)),
  CHECK ((wrapped_key IS NULL) = (master_key_id IS NULL)),
  CHECK ((destroyed_at IS NULL) = (destroyed_reason IS NULL))
);

-- A destroyed key stays destroyed: nothing may write a key back, and no row may be deleted (the
-- row is the record that, and when, the complaint was erased).
CREATE FUNCTION complaint_data_keys_stay_destroyed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'complaint data keys are destroyed, never deleted';
  END IF;
  IF OLD.destroyed_at IS NOT NULL THEN
    RAISE EXCEPTION 'the data key of complaint % was destroyed on %', OLD.complaint_id, OLD.destroyed_at;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER complaint_data_keys_stay_destroyed
  BEFORE UPDATE OR DELETE ON complaint_data_keys
  FOR EACH ROW EXECUTE FUNCTION complaint_data_keys_stay_destroyed();
