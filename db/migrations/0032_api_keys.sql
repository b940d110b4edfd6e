-- Staff API keys held in PostgreSQL (api/http/api-key-store.ts; issued by /v1/api-keys). Only the
-- SHA-256 of a key is kept, with a short visible prefix for recognising it in a list, so a copy of
-- this table authenticates nobody. Every key expires; rotation issues a successor and keeps the
-- old key valid until grace_ends_at (never beyond its own expiry), so two keys work at once while
-- a client switches over. Keys are revoked, never deleted: the audit trail names them.
CREATE TABLE api_keys (
  id             uuid PRIMARY KEY,
  person_id      text NOT NULL REFERENCES staff_people (id),   -- the staff actor the key acts as
  role           text NOT NULL CHECK (role ~ '^[a-z][a-z_]*$'),
  label          text NOT NULL CHECK (length(label) BETWEEN 1 AND 80),
  prefix         text NOT NULL UNIQUE CHECK (prefix ~ '^plaint_[a-z0-9]{8}$'),
  key_hash       bytea NOT NULL UNIQUE CHECK (octet_length(key_hash) = 32),
  created_by     text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  expires_at     timestamptz NOT NULL,
  last_used_at   timestamptz,
  revoked_at     timestamptz,
  revoked_by     text,
  rotated_from   uuid REFERENCES api_keys (id),
  -- Set when rotated: the successor, and when this key stops.
  replaced_by    uuid REFERENCES api_keys (id),
  grace_ends_at  timestamptz,
  CHECK (expires_at > created_at),
  CHECK ((replaced_by IS NULL) = (grace_ends_at IS NULL)),
  CHECK (grace_ends_at IS NULL OR grace_ends_at <= expires_at)
);
CREATE INDEX api_keys_person_idx ON api_keys (person_id, created_at DESC);
