-- Delivery from the outbox (delivery/dispatcher.ts). A row goes pending → sending → sent
-- (→ delivered when a provider reports it), or to failed / bounced; skipped when nobody can
-- receive it. `sending` is committed before the provider is called, so a row left in `sending`
-- past its lease is known to be "maybe sent": the next claim asks the provider (SMS) or resends
-- under the same Message-ID (e-mail) instead of sending a second, different message.
ALTER TABLE outbox_messages DROP CONSTRAINT outbox_messages_status_check;
ALTER TABLE outbox_messages
  ADD CONSTRAINT outbox_messages_status_check
    CHECK (status IN ('pending', 'sending', 'sent', 'delivered', 'failed', 'bounced', 'skipped')),
  ADD COLUMN attempts            integer NOT NULL DEFAULT 0,
  ADD COLUMN next_attempt_at     timestamptz,
  ADD COLUMN sending_started_at  timestamptz,
  ADD COLUMN provider            text,
  ADD COLUMN provider_message_id text,
  ADD COLUMN last_error          text,
  -- Carried by every send (e-mail Message-ID, SMS client reference): a resend is recognisable.
  ADD COLUMN idempotency_key     uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
  ADD COLUMN delivered_at        timestamptz,
  -- Who last put a failed row back to pending (POST …/messages/{id}/retry), and when.
  ADD COLUMN retried_by          text,
  ADD COLUMN retried_at          timestamptz,
  -- A staff notice about another row's failure names that row (delivery_failed).
  ADD COLUMN about_message_id    bigint REFERENCES outbox_messages (id);

-- Claiming: due pending rows, and rows whose sending lease may have expired.
DROP INDEX outbox_pending_idx;
CREATE INDEX outbox_due_idx ON outbox_messages (coalesce(next_attempt_at, created_at)) WHERE status = 'pending';
CREATE INDEX outbox_sending_idx ON outbox_messages (sending_started_at) WHERE status = 'sending';
-- Delivery reports find the row by the provider's id.
CREATE INDEX outbox_provider_message_idx ON outbox_messages (provider, provider_message_id) WHERE provider_message_id IS NOT NULL;

-- Every change of a row's delivery that a person may ask about later: staff retries, final failures.
CREATE TABLE outbox_delivery_log (
  id          bigserial PRIMARY KEY,
  message_id  bigint NOT NULL REFERENCES outbox_messages (id),
  at          timestamptz NOT NULL DEFAULT now(),
  event       text NOT NULL CHECK (event IN ('failed', 'bounced', 'retried')),
  actor_id    text,
  actor_role  text,
  detail      text
);
CREATE INDEX outbox_delivery_log_message_idx ON outbox_delivery_log (message_id, at);

-- Wakes dispatchers as soon as a transition commits its messages, or staff put a row back to
-- pending (they poll as well). Only these: a NOTIFY on every status change would wake the
-- dispatcher with its own claims.
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('outbox_messages', '');
  RETURN NULL;
END $$;
CREATE TRIGGER outbox_messages_notify_insert
  AFTER INSERT ON outbox_messages
  FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
CREATE TRIGGER outbox_messages_notify_retry
  AFTER UPDATE OF status ON outbox_messages
  FOR EACH ROW WHEN (NEW.status = 'pending' AND OLD.status IN ('failed', 'bounced'))
  EXECUTE FUNCTION outbox_notify();
