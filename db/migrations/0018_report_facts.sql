-- The facts the KPI report and trends read (GET /v1/reports/kpis, /trends), kept exact by the
-- transaction that records each transition (read-model/record-transition.ts): no nightly job
-- that can drift. Rows of the tables below are derived from the complaint's lifecycle, so they
-- go with it (ON DELETE CASCADE).
ALTER TABLE complaints
  -- The received_at of the same customer's (keyed hash) latest earlier complaint in the same
  -- category; null when none. The repeat window is the report's to apply.
  ADD COLUMN prior_complaint_at            timestamptz,
  -- Received → closed in working minutes of the complaint's calendar; null while open.
  ADD COLUMN resolution_business_minutes   integer,
  -- Closed by the end of the third business day after receipt (the FCA's figure); null while open.
  ADD COLUMN closed_within_3_business_days boolean,
  -- Breaches of stage deadlines so far (the lifecycle's counters.breaches).
  ADD COLUMN breach_count                  integer NOT NULL DEFAULT 0;

-- One row per proposed resolution (round): what regulators ask (outcome), what it offered, how
-- the customer answered.
CREATE TABLE complaint_proposals (
  complaint_id  uuid NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  round         smallint NOT NULL,
  outcome       text CHECK (outcome IN ('upheld', 'partly_upheld', 'not_upheld')),
  remedy        text NOT NULL,
  amount        numeric(14, 2),
  currency      text,
  proposed_at   timestamptz NOT NULL,
  answer        text CHECK (answer IN ('accepted', 'rejected', 'deemed_accepted')),
  answered_at   timestamptz,
  PRIMARY KEY (complaint_id, round)
);

-- One row per stage clock run: per-stage SLA attainment (acknowledgement on time is the
-- `acknowledgement` stage's).
CREATE TABLE complaint_stage_clocks (
  complaint_id  uuid NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  stage         text NOT NULL,
  started_at    timestamptz NOT NULL,
  deadline_at   timestamptz,
  ended_at      timestamptz,              -- null while the clock runs or is paused
  breached      boolean NOT NULL DEFAULT false,
  PRIMARY KEY (complaint_id, stage, started_at)
);

-- One row per escalation up a stage's chain, with the level it reached.
CREATE TABLE complaint_escalations (
  complaint_id  uuid NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  seq           integer NOT NULL,
  stage         text NOT NULL,
  level         text NOT NULL,
  occurred_at   timestamptz NOT NULL,
  PRIMARY KEY (complaint_id, seq)
);

-- Corrective actions' root causes, for the report's top N.
CREATE TABLE complaint_corrective_actions (
  complaint_id  uuid NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  action_id     text NOT NULL,
  root_cause    text NOT NULL,
  recorded_at   timestamptz NOT NULL,
  PRIMARY KEY (complaint_id, action_id)
);

-- KPI report indexes (job A2): each figure's query is one range scan over the date that decides
-- its period, index-only where it can be (read-model/kpi-report.ts).
CREATE INDEX complaints_received_at_idx ON complaints (received_at) INCLUDE (prior_complaint_at);
CREATE INDEX complaints_closed_at_idx ON complaints (closed_at)
  INCLUDE (received_at, closure, resolution_business_minutes, closed_within_3_business_days, calendar_id) WHERE closed_at IS NOT NULL;
CREATE INDEX complaints_open_received_at_idx ON complaints (received_at) INCLUDE (calendar_id) WHERE closed_at IS NULL;
CREATE INDEX complaints_external_idx ON complaints (id, round) WHERE status = 'open_external' OR closure = 'external_decision';
CREATE INDEX complaint_stage_clocks_settled_idx ON complaint_stage_clocks ((CASE WHEN breached THEN deadline_at ELSE ended_at END))
  INCLUDE (stage, breached);
CREATE INDEX complaint_escalations_occurred_at_idx ON complaint_escalations (occurred_at) INCLUDE (level);
CREATE INDEX complaint_proposals_proposed_at_idx ON complaint_proposals (proposed_at) INCLUDE (outcome);
CREATE INDEX complaint_proposals_answered_at_idx ON complaint_proposals (answered_at)
  INCLUDE (round, answer, amount, currency) WHERE answered_at IS NOT NULL;
CREATE INDEX complaint_corrective_actions_recorded_at_idx ON complaint_corrective_actions (recorded_at) INCLUDE (root_cause);
CREATE INDEX survey_answers_answered_at_ratings_idx ON survey_answers (answered_at) INCLUDE (handling, outcome);
