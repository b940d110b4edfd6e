-- Complaints that live-chat and social platforms file through POST /v1/integrations/{source}/complaints:
-- one row per platform message, written in the intake transaction. Its primary key is what makes the
-- webhook idempotent for good: the intake ledger (intake_requests) answers a repeat with the first
-- response for 24 hours, and this row still finds the complaint afterwards, so the same message never
-- files a second complaint, even when two deliveries race (the loser's insert waits on the key).
-- It also keeps the platform's handle, the contact a customer without e-mail or phone is answered at.
CREATE TABLE integration_messages (
  source            text NOT NULL CHECK (source ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),   -- the configured integration
  message_id        text NOT NULL CHECK (length(message_id) BETWEEN 1 AND 200),     -- the platform's own id
  complaint_id      uuid NOT NULL UNIQUE REFERENCES complaints (id),
  platform          text NOT NULL,                                                   -- as configured, e.g. Instagram
  handle            text NOT NULL CHECK (length(handle) BETWEEN 1 AND 200),          -- @ayse, or a chat visitor id
  conversation_url  text,                                                            -- where an agent answers, when the platform gave it
  created_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (source, message_id)
);
