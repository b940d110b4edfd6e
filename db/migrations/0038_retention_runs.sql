-- Retention (issue 14): each run of the daily retention workflow (or one an admin starts) and
-- what it erased: how many complaints per pinned process version, and which failed (by complaint
-- id and error code: never personal data). Keyed by the workflow id that ran it, so an activity
-- retried after a crash writes one report.
CREATE TABLE retention_runs (
  id            text PRIMARY KEY,
  trigger       text NOT NULL CHECK (trigger IN ('schedule', 'manual')),
  started_by    text,                          -- the admin's id for a manual run
  started_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz,
  erased_count  integer NOT NULL DEFAULT 0 CHECK (erased_count >= 0),
  by_version    jsonb NOT NULL DEFAULT '{}',  -- { "iso-10002-default@3": 12 }
  resumed_count integer NOT NULL DEFAULT 0,   -- erasures on request that had stopped half-way, finished
  failures      jsonb NOT NULL DEFAULT '[]'   -- [{ "complaintId": …, "error": "…" }]
);
CREATE INDEX retention_runs_started_idx ON retention_runs (started_at DESC);
