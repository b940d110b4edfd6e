-- Sign-in failures for e-mails that name no account (issue 14): counted in PostgreSQL, as
-- staff_credentials counts them for real accounts, so that every API instance locks an unknown
-- address after the same number of tries as a real one (a lockout then tells nobody whether the
-- account exists). The key is an HMAC of the normalised address under a key derived from the
-- deployment's secret: no address is stored. Rows idle for 30 days are swept by the sign-in path.
CREATE TABLE phantom_sign_in_lockouts (
  email_key       bytea PRIMARY KEY,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until    timestamptz,
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX phantom_sign_in_lockouts_idle ON phantom_sign_in_lockouts (updated_at);
