-- The staff directory: who the symbolic staff recipients of the outbox (`team:after_sales`,
-- `escalation:teamLead`, `role:supervisor`, `user:ayse`) are, with their contact details
-- (read-model/staff-directory.ts resolves them). People are deactivated, never deleted, once
-- anything names them: a complaint's history keeps the name of someone who has left.
CREATE TABLE staff_people (
  id              text PRIMARY KEY,               -- the staff id the API key and the assignee carry
  name            text NOT NULL,
  email           text,
  phone           text,
  language        text NOT NULL DEFAULT 'tr',
  roles           text[] NOT NULL DEFAULT '{}',   -- api/http/auth.ts roles: agent, supervisor, …
  active          boolean NOT NULL DEFAULT true,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE staff_departments (
  id              text PRIMARY KEY,               -- the id routing and `classify` name (after_sales)
  name            text NOT NULL,
  head_id         text REFERENCES staff_people (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE staff_teams (
  id              text PRIMARY KEY,               -- the id routing and `assign` name
  name            text NOT NULL,
  department_id   text REFERENCES staff_departments (id),
  lead_id         text REFERENCES staff_people (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE staff_team_members (
  team_id         text NOT NULL REFERENCES staff_teams (id) ON DELETE CASCADE,
  person_id       text NOT NULL REFERENCES staff_people (id),
  PRIMARY KEY (team_id, person_id)
);
CREATE INDEX staff_team_members_person_idx ON staff_team_members (person_id);

-- Organisation-level holders of an escalation level: `complaintsManager`, `director`, or any
-- level id a process definition's chain names besides `assignee` and `teamLead` (which follow
-- the complaint's own assignee and team).
CREATE TABLE organisation_roles (
  level           text PRIMARY KEY CHECK (level ~ '^[a-z][A-Za-z0-9]*$'),
  person_id       text NOT NULL REFERENCES staff_people (id),
  updated_at      timestamptz NOT NULL DEFAULT now()
);

-- The tracking PIN of a customer's PIN SMS, sealed (security/sealed-box.ts, the payload keys):
-- the stored SMS body says `[tracking PIN]`, and only delivery opens this to send it. The row is
-- gone once the SMS is sent (trigger below) and is erased anyway at expires_at (intake reconciler).
CREATE TABLE tracking_pin_messages (
  outbox_message_id bigint PRIMARY KEY REFERENCES outbox_messages (id) ON DELETE CASCADE,
  complaint_id      uuid NOT NULL REFERENCES complaints (id),
  sealed_pin        text NOT NULL,
  expires_at        timestamptz NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tracking_pin_messages_expiry_idx ON tracking_pin_messages (expires_at);

CREATE FUNCTION forget_sent_tracking_pin() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM tracking_pin_messages WHERE outbox_message_id = NEW.id;
  RETURN NEW;
END $$;

CREATE TRIGGER outbox_messages_forget_sent_pin
  AFTER UPDATE OF status ON outbox_messages
  FOR EACH ROW WHEN (NEW.status IN ('sent', 'delivered'))
  EXECUTE FUNCTION forget_sent_tracking_pin();
