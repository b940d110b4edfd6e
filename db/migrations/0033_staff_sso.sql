-- Single sign-on for the console (api/console/sso/): OpenID Connect identities linked to people
-- of the staff directory, and the short-lived sign-in attempts between the redirect to the
-- provider and its callback.

-- Who a provider's `sub` is here. A person is found by (issuer, subject) first, then once by an
-- unlinked e-mail, and linked; the role comes from the ID token's claim at every sign-in.
CREATE TABLE staff_identities (
  issuer          text NOT NULL,
  subject         text NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
  person_id       text NOT NULL REFERENCES staff_people (id),
  email           text,
  linked_at       timestamptz NOT NULL DEFAULT now(),
  last_sign_in_at timestamptz,
  PRIMARY KEY (issuer, subject)
);
CREATE INDEX staff_identities_person_idx ON staff_identities (person_id);

-- One sign-in in flight: the browser holds a random token in a cookie, the row keeps its SHA-256
-- with the state, nonce and PKCE verifier the callback checks. Used once (deleted on callback);
-- rows past expires_at are worthless and removed when the next attempt starts.
CREATE TABLE sso_sign_in_attempts (
  id_hash        bytea PRIMARY KEY CHECK (octet_length(id_hash) = 32),
  state          text NOT NULL,
  nonce          text NOT NULL,
  code_verifier  text NOT NULL,
  next_path      text,
  language       text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  expires_at     timestamptz NOT NULL
);
CREATE INDEX sso_sign_in_attempts_expires_idx ON sso_sign_in_attempts (expires_at);
