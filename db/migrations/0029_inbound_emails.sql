-- Mail Plaint receives (inbound/: the SMTP listener and POST /v1/inbound/email), one row per
-- message, keyed by its Message-ID: the same message delivered twice (a sender's retry, a
-- provider forwarding again) is handled once. What became of it is kept for staff and
-- operators: a complaint filed, a reply on a complaint's timeline, a bounce recorded on the
-- outbox message it reports, or why it was ignored. No address or text in clear: the sender as
-- the keyed hash customer lookups use (security/customer-lookup.ts), the words on the complaint.
CREATE TABLE inbound_emails (
  id                 uuid PRIMARY KEY,
  -- The Message-ID header as sent (angle brackets included), or `sha256:<hex>` of the raw
  -- message when it has none.
  message_key        text NOT NULL UNIQUE CHECK (length(message_key) BETWEEN 1 AND 1000),
  via                text NOT NULL CHECK (via IN ('smtp', 'webhook')),
  received_at        timestamptz NOT NULL DEFAULT now(),
  size_bytes         integer NOT NULL CHECK (size_bytes >= 0),
  sender_hash        bytea,
  outcome            text NOT NULL CHECK (outcome IN (
                       'processing',        -- taken, not finished (a crash leaves it so: the next delivery finishes it)
                       'complaint_filed',   -- a new complaint on the `email` channel
                       'reply_recorded',    -- on the complaint's timeline (and it answered an open question)
                       'after_closure',     -- a reply to a closed complaint: its owner is told
                       'bounce_recorded',   -- a delivery status notification for one of our messages
                       'ignored')),         -- auto-reply, list mail, loop, a bounce of nothing of ours, …
  reason             text,
  complaint_id       uuid REFERENCES complaints (id),
  -- The outbox message a bounce reports (marked `bounced`).
  outbox_message_id  bigint REFERENCES outbox_messages (id),
  -- Attachments that were not kept (type, size or count), as `name: why`.
  refused_attachments text[] NOT NULL DEFAULT '{}',
  finished_at        timestamptz
);
CREATE INDEX inbound_emails_complaint_idx ON inbound_emails (complaint_id) WHERE complaint_id IS NOT NULL;

