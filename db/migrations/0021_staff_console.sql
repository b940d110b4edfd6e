-- The staff console (api/console/): people of the staff directory sign in with e-mail and
-- password, sessions live here (the cookie carries a random token; only its SHA-256 is stored, so
-- a copy of this table signs nobody in), and the console's own state: saved queues per person,
-- who has a complaint page open, and the staff actions that are no complaint event.

-- One password per person, hashed with scrypt (security/passwords.ts). Repeated failures lock the
-- account for a while (api/console/sign-in/); the counter resets on a successful sign-in.
CREATE TABLE staff_credentials (
  person_id       text PRIMARY KEY REFERENCES staff_people (id),
  password_hash   text NOT NULL,
  failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  locked_until    timestamptz,
  changed_at      timestamptz NOT NULL DEFAULT now()
);

-- A signed-in browser. Idle timeout: last_seen_at; absolute timeout: expires_at. Ended sessions
-- stay (ended_at, end_reason) for the audit trail until the retention job removes them.
CREATE TABLE staff_sessions (
  id_hash       bytea PRIMARY KEY CHECK (octet_length(id_hash) = 32),
  person_id     text NOT NULL REFERENCES staff_people (id),
  active_role   text NOT NULL,
  csrf_key      bytea NOT NULL CHECK (octet_length(csrf_key) >= 32),
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  ended_at      timestamptz,
  end_reason    text CHECK (end_reason IN ('signed_out', 'idle', 'expired', 'password_changed', 'deactivated', 'role_removed')),
  user_agent    text,
  CHECK ((ended_at IS NULL) = (end_reason IS NULL))
);
CREATE INDEX staff_sessions_live_person_idx ON staff_sessions (person_id) WHERE ended_at IS NULL;
CREATE INDEX staff_sessions_expires_idx ON staff_sessions (expires_at) WHERE ended_at IS NULL;

-- Staff actions in the console that are not a complaint's event (those are complaint_events):
-- sign-ins and their failures, lockouts, sign-outs, people created, passwords set, bulk actions.
CREATE TABLE staff_audit_events (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  actor_id    text,                 -- null for a failed sign-in of an unknown e-mail
  actor_role  text,
  action      text NOT NULL CHECK (action ~ '^[a-z][a-z_]*$'),
  subject     text,                 -- what it was done to: a person id, a complaint reference …
  details     jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX staff_audit_events_at_idx ON staff_audit_events (at DESC, id DESC);
CREATE INDEX staff_audit_events_actor_idx ON staff_audit_events (actor_id, at DESC);

-- A person's saved queues: a named query string of GET /v1/complaints, in the person's order.
CREATE TABLE staff_saved_queues (
  id          uuid PRIMARY KEY,
  person_id   text NOT NULL REFERENCES staff_people (id),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  query       text NOT NULL CHECK (length(query) <= 4000),
  position    integer NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (person_id, name)
);

-- Who has a complaint's page open right now: the page renews its row while open; rows older than
-- a minute are nobody.
CREATE TABLE complaint_viewers (
  complaint_id  uuid NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  person_id     text NOT NULL REFERENCES staff_people (id),
  seen_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (complaint_id, person_id)
);
