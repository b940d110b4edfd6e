-- Who read whose personal data (issue 14, part 5): every staff read of a complaint's personal data
-- through the API (and so the console, which calls the API in-process as the signed-in person) is
-- one row here: who (staff id and the role they read in), which complaint, when, and what they
-- read. One multi-row INSERT per request (read-model/personal-data-reads.ts). Auditors list it
-- (GET /v1/audit/personal-data-reads).
--
-- No foreign key to complaints: a read is recorded whatever later happens to the complaint, and
-- an erased complaint keeps its row anyway. The row holds no personal data of the customer (ids,
-- a role, a kind), so erasure leaves it: who read the data before it was erased stays known.
CREATE TABLE personal_data_reads (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at              timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_id        text NOT NULL CHECK (length(actor_id) BETWEEN 1 AND 200),
  actor_role      text NOT NULL CHECK (length(actor_role) BETWEEN 1 AND 40),
  complaint_id    uuid NOT NULL,
  kind            text NOT NULL CHECK (kind ~ '^[a-z][a-z_]{0,39}$'),
  -- The contact was shown masked (customer.masked: an auditor): name and what they wrote were read all the same.
  contact_masked  boolean NOT NULL,
  -- What exactly, where one request reads one thing among several (an attachment's id).
  item            text CHECK (length(item) <= 200),
  request_id      text CHECK (length(request_id) <= 200)
);

CREATE INDEX personal_data_reads_at_idx ON personal_data_reads (at, id);
CREATE INDEX personal_data_reads_complaint_idx ON personal_data_reads (complaint_id, at, id);
CREATE INDEX personal_data_reads_actor_idx ON personal_data_reads (actor_id, at, id);

-- Append-only: the record of who read what must not be edited or trimmed by the application.
CREATE FUNCTION personal_data_reads_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'personal_data_reads is append-only (% refused)', TG_OP;
END $$;

CREATE TRIGGER personal_data_reads_append_only
  BEFORE UPDATE OR DELETE ON personal_data_reads
  FOR EACH ROW EXECUTE FUNCTION personal_data_reads_append_only();

CREATE TRIGGER personal_data_reads_no_truncate
  BEFORE TRUNCATE ON personal_data_reads
  FOR EACH STATEMENT EXECUTE FUNCTION personal_data_reads_append_only();
