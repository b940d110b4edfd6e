-- Process owners' overrides of a shipped calendar (announced religious-holiday dates, company
-- closures, extra working days), one numbered version per change. The latest version of a
-- calendar is the one clocks use; every earlier one stays as it was stored, with who changed it,
-- when and why, so a deadline can always be explained by the overrides in force when it was set.
CREATE TABLE calendar_override_versions (
  calendar_id    text NOT NULL,
  version        integer NOT NULL CHECK (version >= 1),
  -- The normalised document: { movingHolidays: [...], exceptions: [...] } in date order.
  overrides      jsonb NOT NULL,
  -- SHA-256 (hex) of the document as canonical JSON (keys sorted, no white space).
  content_sha256 text NOT NULL CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
  author_id      text NOT NULL,
  author_role    text NOT NULL,
  change_note    text NOT NULL CHECK (char_length(change_note) BETWEEN 1 AND 1000),
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (calendar_id, version)
);

-- A stored version is history: the database itself refuses to change or remove one, whoever asks.
CREATE FUNCTION refuse_calendar_override_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    RAISE EXCEPTION 'calendar override versions are immutable: TRUNCATE refused'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RAISE EXCEPTION 'calendar override version % of % is immutable: % refused; store a new version instead',
    OLD.version, OLD.calendar_id, TG_OP
    USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER calendar_override_versions_immutable
  BEFORE UPDATE OR DELETE ON calendar_override_versions
  FOR EACH ROW EXECUTE FUNCTION refuse_calendar_override_change();

CREATE TRIGGER calendar_override_versions_no_truncate
  BEFORE TRUNCATE ON calendar_override_versions
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_calendar_override_change();

-- Workers and API processes cache the current overrides for a few seconds; this tells them at
-- once (on commit) that a calendar has a new version, so a clock started after it uses it.
CREATE FUNCTION notify_calendar_override_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('calendar_overrides', NEW.calendar_id);
  RETURN NULL;
END;
$$;

CREATE TRIGGER calendar_override_versions_notify
  AFTER INSERT ON calendar_override_versions
  FOR EACH ROW EXECUTE FUNCTION notify_calendar_override_version();
