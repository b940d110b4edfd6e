-- The intake ledger keeps the first response (it holds the PIN) and the workflow input sealed only
-- as long as a retry may need them: 24 hours after intake, once the complaint's workflow has
-- recorded it, the API's intake reconciler sets sealed_response to NULL. The row stays, so the
-- key still finds its complaint (and answers 409 instead of filing a second one).
ALTER TABLE intake_requests ALTER COLUMN sealed_response DROP NOT NULL;
CREATE INDEX intake_requests_sealed_created_idx ON intake_requests (created_at) WHERE sealed_response IS NOT NULL;
