-- Erasure of a complaint's personal data (issue 14), on request or by retention. The row is the
-- record: who asked, why, when it was done and what was blanked (row counts per table, never a
-- value). `requested` is written before anything else, so a process dying half-way leaves a row a
-- retry (or the next retention run) finishes; `completed` is set in the one transaction that
-- destroys the data key and blanks every plain column.
CREATE TABLE erasures (
  complaint_id   uuid PRIMARY KEY REFERENCES complaints (id),
  id             uuid NOT NULL UNIQUE,
  reason         text NOT NULL CHECK (reason IN ('request', 'retention')),
  requested_by   text NOT NULL,              -- a staff id, or `retention`
  requested_role text NOT NULL,
  note           text CHECK (char_length(note) <= 500),  -- why, for auditors: never personal data (the API says so)
  requested_at   timestamptz NOT NULL DEFAULT now(),
  status         text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'completed')),
  -- What the workflow did first: `withdrawn` (it was open and closed silently) or `already_closed`.
  workflow       text CHECK (workflow IN ('withdrawn', 'already_closed')),
  completed_at   timestamptz,
  blanked        jsonb NOT NULL DEFAULT '{}',  -- { "complaints": 1, "complaint_events": 12, … }
  CHECK ((status = 'completed') = (completed_at IS NOT NULL))
);
CREATE INDEX erasures_unfinished_idx ON erasures (requested_at) WHERE status = 'requested';

-- An erased attachment keeps its row, position, type and size (the timeline says "file erased"),
-- not its bytes, name or hash.
ALTER TABLE complaint_attachments
  ADD COLUMN erased_at timestamptz,
  ALTER COLUMN content DROP NOT NULL,
  ALTER COLUMN original_name DROP NOT NULL,
  ALTER COLUMN sha256 DROP NOT NULL,
  DROP CONSTRAINT complaint_attachments_content_size_check,
  ADD CONSTRAINT complaint_attachments_erased_check CHECK (
    (erased_at IS NULL AND content IS NOT NULL AND original_name IS NOT NULL AND sha256 IS NOT NULL AND octet_length(content) = size_bytes + CASE WHEN content_sealed THEN 28 ELSE 0 END)
    OR (erased_at IS NOT NULL AND content IS NULL AND original_name IS NULL AND sha256 IS NULL));

-- The platform handle is the customer's contact: an erased complaint keeps the message id (which
-- still stops a redelivery filing it again), not the handle.
ALTER TABLE integration_messages ALTER COLUMN handle DROP NOT NULL;
