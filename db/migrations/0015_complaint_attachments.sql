-- Evidence a customer attached to a complaint through the web form (photos, PDFs). Kept here, not
-- in Temporal: the workflow never carries file contents. Written in the intake transaction, so a
-- complaint never exists with half of its attachments, and a failed upload files no complaint.
CREATE TABLE complaint_attachments (
  id             uuid PRIMARY KEY,
  complaint_id   uuid NOT NULL REFERENCES complaints (id),
  position       integer NOT NULL CHECK (position >= 0),       -- the order the customer attached them in
  original_name  text NOT NULL CHECK (length(original_name) BETWEEN 1 AND 200),  -- sanitised (domain/attachments/file-name.ts)
  -- Sniffed from the bytes (domain/attachments/content-type.ts), never taken from the name or the browser.
  content_type   text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf')),
  size_bytes     integer NOT NULL CHECK (size_bytes > 0),
  sha256         text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content        bytea NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (complaint_id, position),
  CHECK (octet_length(content) = size_bytes)
);
CREATE INDEX complaint_attachments_complaint_idx ON complaint_attachments (complaint_id, position);

-- The privacy notice (KVKK information text) the customer confirmed on the form: which text
-- (its sha256, as shown, in which language) and when, written with the complaint.
CREATE TABLE complaint_privacy_consents (
  complaint_id   uuid PRIMARY KEY REFERENCES complaints (id),
  notice_sha256  text NOT NULL CHECK (notice_sha256 ~ '^[0-9a-f]{64}$'),
  language       text NOT NULL,
  consented_at   timestamptz NOT NULL
);
