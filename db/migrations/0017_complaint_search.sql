-- Staff search (GET /v1/complaints): full text over subject and description in the complaint's
-- own language, an exact lookup of a customer by a keyed hash of their e-mail or phone (never a
-- plain index of personal data), and the columns the list's filters and business-hour figures read.

-- The text search configuration of a complaint's language: Turkish and English stem, the rest
-- (Persian, Azerbaijani, …) are split into words only.
CREATE FUNCTION complaint_search_config(locale text) RETURNS regconfig
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE split_part(lower(locale), '-', 1)
    WHEN 'tr' THEN 'turkish'::regconfig
    WHEN 'en' THEN 'english'::regconfig
    ELSE 'simple'::regconfig END $$;

ALTER TABLE complaints
  ADD COLUMN search_vector        tsvector,
  -- HMAC-SHA256 under a server key (security/customer-lookup.ts) of the normalised e-mail / phone.
  ADD COLUMN customer_email_hash  bytea,
  ADD COLUMN customer_phone_hash  bytea,
  -- The business calendar the complaint's deadlines count in (lifecycle's calendarId).
  ADD COLUMN calendar_id          text;

-- The vector follows the text: an INSERT may bring it precomputed (the seeder, from its pool of
-- texts); otherwise, and on every change of the text or language, it is computed here.
CREATE FUNCTION complaints_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.search_vector IS NULL THEN
      NEW.search_vector := to_tsvector(complaint_search_config(NEW.customer_locale), NEW.subject || ' ' || NEW.description);
    END IF;
  ELSIF NEW.subject IS DISTINCT FROM OLD.subject OR NEW.description IS DISTINCT FROM OLD.description
        OR NEW.customer_locale IS DISTINCT FROM OLD.customer_locale THEN
    NEW.search_vector := to_tsvector(complaint_search_config(NEW.customer_locale), NEW.subject || ' ' || NEW.description);
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER complaints_search_vector BEFORE INSERT OR UPDATE OF subject, description, customer_locale
  ON complaints FOR EACH ROW EXECUTE FUNCTION complaints_search_vector();

UPDATE complaints SET search_vector = to_tsvector(complaint_search_config(customer_locale), subject || ' ' || description),
  calendar_id = lifecycle ->> 'calendarId';

CREATE INDEX complaints_search_idx ON complaints USING gin (search_vector);
CREATE INDEX complaints_customer_email_hash_idx ON complaints (customer_email_hash) WHERE customer_email_hash IS NOT NULL;
CREATE INDEX complaints_customer_phone_hash_idx ON complaints (customer_phone_hash) WHERE customer_phone_hash IS NOT NULL;
