-- The lifecycle's read model: where each complaint stands, its deadlines, proposals, outbox
-- messages to customers and staff, signed response links, and PIN lockouts for tracking.
ALTER TABLE complaints
  ADD COLUMN stage               text,
  ADD COLUMN stage_started_at    timestamptz,
  ADD COLUMN stage_warning_at    timestamptz,
  ADD COLUMN stage_deadline_at   timestamptz,
  ADD COLUMN stage_paused        boolean NOT NULL DEFAULT false,
  ADD COLUMN round               integer NOT NULL DEFAULT 0,
  ADD COLUMN closure             text,
  ADD COLUMN escalation_level    text,
  ADD COLUMN assignee            text,
  ADD COLUMN team                text,
  ADD COLUMN department          text,
  ADD COLUMN severity            text,
  ADD COLUMN answer_due_at       timestamptz,
  ADD COLUMN acknowledged_at     timestamptz,
  ADD COLUMN closed_at           timestamptz,
  ADD COLUMN process_version     text,
  ADD COLUMN last_seq            integer NOT NULL DEFAULT 0,
  ADD COLUMN lifecycle           jsonb;       -- the workflow's state snapshot (no personal data)
CREATE INDEX complaints_stage_deadline_idx ON complaints (stage_deadline_at) WHERE closed_at IS NULL;

-- Every message to a customer or staff member. Delivery (e-mail, SMS) reads from here; the
-- (complaint_id, seq, ordinal) key makes an activity retry a no-op.
CREATE TABLE outbox_messages (
  id             bigserial PRIMARY KEY,
  complaint_id   uuid NOT NULL REFERENCES complaints (id),
  seq            integer NOT NULL,
  ordinal        integer NOT NULL,
  audience       text NOT NULL CHECK (audience IN ('customer', 'staff')),
  channel        text NOT NULL,
  recipient      text NOT NULL,
  locale         text NOT NULL,
  template       text NOT NULL,
  params         jsonb NOT NULL DEFAULT '{}',
  subject        text NOT NULL,
  body           text NOT NULL,
  status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
  created_at     timestamptz NOT NULL DEFAULT now(),
  sent_at        timestamptz,
  UNIQUE (complaint_id, seq, ordinal)
);
CREATE INDEX outbox_pending_idx ON outbox_messages (created_at) WHERE status = 'pending';

-- Signed links for the customer's answer. The token is an HMAC over the link id, purpose and
-- expiry; this row lets a link be revoked (answered, superseded, closed).
CREATE TABLE response_links (
  id             uuid PRIMARY KEY,
  complaint_id   uuid NOT NULL REFERENCES complaints (id),
  purpose        text NOT NULL CHECK (purpose IN ('resolution', 'info_request')),
  round          integer,
  request_id     text,
  expires_at     timestamptz NOT NULL,
  revoked_at     timestamptz,
  used_at        timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX response_links_complaint_idx ON response_links (complaint_id);

-- Failed PIN attempts per reference: repeated failures lock tracking for a while.
CREATE TABLE tracking_lockouts (
  reference      text PRIMARY KEY,
  failures       integer NOT NULL DEFAULT 0,
  window_started timestamptz NOT NULL DEFAULT now(),
  locked_until   timestamptz
);
