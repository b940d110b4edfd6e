-- Retention of two tables that otherwise grow forever (issue 14): the daily retention run deletes
-- SSO sign-in attempts long past their expiry and records of who read personal data once older
-- than the configured period (RETENTION_PERSONAL_DATA_READS_DAYS, at least a year: an audit
-- record must outlive the questions asked of it). Each run's report says how many of each it
-- deleted (`purged`, { "sso_sign_in_attempts": 3, "personal_data_reads": 120 }).
ALTER TABLE retention_runs ADD COLUMN purged jsonb NOT NULL DEFAULT '{}';

-- personal_data_reads stays append-only for the application: UPDATE and TRUNCATE are refused, and
-- DELETE only inside a transaction that declared itself the retention purge (SET LOCAL
-- plaint.retention_purge = 'personal_data_reads') and only of rows more than a year old.
CREATE OR REPLACE FUNCTION personal_data_reads_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Nested: OLD exists only for the row-level DELETE (the TRUNCATE trigger is per statement).
  IF TG_OP = 'DELETE' AND current_setting('plaint.retention_purge', true) = 'personal_data_reads' THEN
    IF OLD.at < now() - interval '1 year' THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'personal_data_reads is append-only (% refused)', TG_OP;
END $$;
