-- Hourly rollup of the KPI report's counts and sums (read-model/kpi-report.ts reads it for reports
-- without a dimension grouping, in report time zones whose midnights fall on whole UTC hours).
-- Kept exact by the transaction that changes a fact: statement-level AFTER triggers with transition
-- tables on complaints and the fact tables of 0018/0016 add the contributions of new rows and
-- subtract those of old rows. No nightly job, nothing that can drift; rebuildable from the facts
-- (report_rollups_rebuild(), read-model/report-rollups.ts).
--
-- A row: the UTC hour of a fact's deciding date, what is counted (metric, with a key such as the
-- stage, level or currency; '' when none) and the amount (a count, or a sum of money or ratings).
CREATE TABLE report_hourly (
  hour    timestamptz NOT NULL CHECK (hour = date_bin('1 hour', hour, timestamptz '2000-01-01 00:00:00+00')),
  metric  text NOT NULL,
  key     text NOT NULL DEFAULT '',
  amount  numeric NOT NULL,
  PRIMARY KEY (hour, metric, key)
);

-- The same summed per UTC day: a year's report reads its whole days here (about 24 times fewer
-- rows) and only the hours at either end of each period or unit from report_hourly.
CREATE TABLE report_daily (
  day     timestamptz NOT NULL CHECK (day = date_bin('1 day', day, timestamptz '2000-01-01 00:00:00+00')),
  metric  text NOT NULL,
  key     text NOT NULL DEFAULT '',
  amount  numeric NOT NULL,
  PRIMARY KEY (day, metric, key)
);

-- The UTC hour (day) an instant falls in, whatever the session's time zone (date_trunc would use it).
CREATE FUNCTION report_hour(t timestamptz) RETURNS timestamptz
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN date_bin('1 hour', t, timestamptz '2000-01-01 00:00:00+00');
CREATE FUNCTION report_day(t timestamptz) RETURNS timestamptz
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN date_bin('1 day', t, timestamptz '2000-01-01 00:00:00+00');

-- The external hand-off of a complaint and its last round's proposal: the customer's rejection of
-- that round sent it to an external body. Both tables' triggers count it, each the change of its
-- own row against the other's current row; the changes telescope to the pairs as they stand (one
-- complaint's facts are written by one transaction at a time: its workflow records transitions in
-- order). Computed from the facts (report_hourly_from_facts), it is the complaint's.
CREATE FUNCTION report_hand_off(c complaints, p complaint_proposals)
  RETURNS TABLE (hour timestamptz, metric text, key text, amount numeric)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT report_hour(p.answered_at), 'external_hand_off', '', 1::numeric
  WHERE c.id = p.complaint_id AND c.round = p.round AND p.answer = 'rejected' AND p.answered_at IS NOT NULL
    AND (c.status = 'open_external' OR c.closure = 'external_decision');
END;

-- What one row counts (kpi-report.ts's figures; the OpenAPI schema KpiFigures defines them).
-- The repeat-complaint link is kept by its gap in whole days rounded up (≤ N days ⇔ ≤ N whole
-- days for an integer window N), so any configured window (1–3660 days) reads it exactly.
CREATE FUNCTION report_contributions(c complaints)
  RETURNS TABLE (hour timestamptz, metric text, key text, amount numeric)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT report_hour(c.received_at), 'received', '', 1
  UNION ALL
  SELECT report_hour(c.received_at), 'repeat_gap_days', ceil(extract(epoch FROM c.received_at - c.prior_complaint_at) / 86400)::text, 1
  WHERE c.prior_complaint_at IS NOT NULL AND c.received_at - c.prior_complaint_at <= interval '3661 days'
  UNION ALL
  SELECT report_hour(c.closed_at), m.metric, m.key, 1
  FROM (VALUES ('closed', ''), ('closure', coalesce(c.closure, '')),
               ('closed_within_3_business_days', CASE WHEN c.closed_within_3_business_days THEN '' END),
               ('closed_within_8_weeks', CASE WHEN c.closed_at <= c.received_at + interval '8 weeks' THEN '' END),
               -- A histogram of resolution times by whole business hour: the report finds the bucket
               -- of each percentile's rank in it and reads only that bucket's minutes (kpi-report.ts).
               ('resolution_hour', (c.resolution_business_minutes / 60)::text)) AS m (metric, key)
  WHERE c.closed_at IS NOT NULL AND m.key IS NOT NULL
  UNION ALL
  SELECT h.* FROM complaint_proposals p, report_hand_off(c, p) h
  WHERE p.complaint_id = c.id AND p.round = c.round AND (c.status = 'open_external' OR c.closure = 'external_decision');
END;

-- A stage clock run counts once settled: met when it stopped unbreached (at ended_at), missed
-- when its deadline was breached (at deadline_at, running or not).
CREATE FUNCTION report_contributions(s complaint_stage_clocks)
  RETURNS TABLE (hour timestamptz, metric text, key text, amount numeric)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT report_hour(CASE WHEN s.breached THEN s.deadline_at ELSE s.ended_at END),
         CASE WHEN s.breached THEN 'stage_missed' ELSE 'stage_met' END, s.stage, 1
  WHERE (CASE WHEN s.breached THEN s.deadline_at ELSE s.ended_at END) IS NOT NULL;
END;

CREATE FUNCTION report_contributions(e complaint_escalations)
  RETURNS TABLE (hour timestamptz, metric text, key text, amount numeric)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT report_hour(e.occurred_at), 'escalation', e.level, 1;
END;

-- Proposals: made (by outcome), answered (by round class first|later and answer), redress (money
-- accepted or deemed accepted, per currency) and, with the complaint, the hand-off.
CREATE FUNCTION report_contributions(p complaint_proposals, with_hand_off boolean DEFAULT true)
  RETURNS TABLE (hour timestamptz, metric text, key text, amount numeric)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT report_hour(p.proposed_at), 'proposed', coalesce(p.outcome, 'unrecorded'), 1
  UNION ALL
  SELECT report_hour(p.answered_at), 'answered', CASE WHEN p.round = 1 THEN 'first' ELSE 'later' END || ':' || coalesce(p.answer, ''), 1
  WHERE p.answered_at IS NOT NULL
  UNION ALL
  SELECT report_hour(p.answered_at), m.metric, p.currency, m.amount
  FROM (VALUES ('redress_amount', p.amount), ('redress_proposals', 1)) AS m (metric, amount)
  WHERE p.answered_at IS NOT NULL AND p.answer IN ('accepted', 'deemed_accepted') AND p.amount IS NOT NULL AND p.currency IS NOT NULL
  UNION ALL
  SELECT h.* FROM complaints c, report_hand_off(c, p) h
  WHERE with_hand_off AND c.id = p.complaint_id AND c.round = p.round AND p.answer = 'rejected';
END;

CREATE FUNCTION report_contributions(a survey_answers)
  RETURNS TABLE (hour timestamptz, metric text, key text, amount numeric)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT report_hour(a.answered_at), m.metric, '', m.amount
  FROM (VALUES ('survey_answers', 1), ('survey_handling_sum', a.handling), ('survey_outcome_sum', a.outcome),
               ('survey_satisfied_handling', CASE WHEN a.handling >= 4 THEN 1 END),
               ('survey_satisfied_outcome', CASE WHEN a.outcome >= 4 THEN 1 END)) AS m (metric, amount)
  WHERE m.amount IS NOT NULL;
END;

-- Applies a statement's change: contributions of the new rows less those of the old rows, summed
-- per rollup row, zero deltas skipped, upserted hours first, then days, each in key order (every
-- transaction takes the rows' locks in one order). One function per table (its transition tables
-- `new_rows` / `old_rows`), written out below from one template; static SQL, so plpgsql keeps its
-- plans for the session.
CREATE FUNCTION report_rollups_apply_sql(table_name text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $gen$
DECLARE
  added text := format('SELECT x.* FROM new_rows n, report_contributions(n::%I) x', table_name);
  taken text := format('SELECT x.hour, x.metric, x.key, -x.amount FROM old_rows o, report_contributions(o::%I) x', table_name);
  upsert text := $u$
    INSERT INTO report_hourly (hour, metric, key, amount)
    SELECT hour, metric, key, sum(amount) FROM (%1$s) d (hour, metric, key, amount)
    GROUP BY hour, metric, key HAVING sum(amount) <> 0 ORDER BY hour, metric, key
    ON CONFLICT (hour, metric, key) DO UPDATE SET amount = report_hourly.amount + excluded.amount;
    INSERT INTO report_daily (day, metric, key, amount)
    SELECT report_day(hour), metric, key, sum(amount) FROM (%1$s) d (hour, metric, key, amount)
    GROUP BY 1, metric, key HAVING sum(amount) <> 0 ORDER BY 1, metric, key
    ON CONFLICT (day, metric, key) DO UPDATE SET amount = report_daily.amount + excluded.amount;
  $u$;
BEGIN
  RETURN format($f$CREATE FUNCTION %I() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
  IF TG_OP = 'INSERT' THEN %s
  ELSIF TG_OP = 'DELETE' THEN %s
  ELSE %s
  END IF;
  RETURN NULL;
END $body$ $f$,
    'report_rollups_apply_' || table_name,
    format(upsert, added), format(upsert, taken), format(upsert, added || ' UNION ALL ' || taken));
END $gen$;

-- A deleted complaint's proposals go by cascade BEFORE its statement trigger runs (row-level
-- cascades fire first), and the proposals' trigger no longer finds the complaint: the hand-off the
-- complaint's trigger counted is taken back here, while both rows still exist. Deletes are rare.
CREATE FUNCTION report_rollups_complaint_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_hourly (hour, metric, key, amount)
  SELECT h.hour, h.metric, h.key, -h.amount FROM complaint_proposals p, report_hand_off(OLD, p) h
  WHERE p.complaint_id = OLD.id AND p.round = OLD.round
  ON CONFLICT (hour, metric, key) DO UPDATE SET amount = report_hourly.amount + excluded.amount;
  INSERT INTO report_daily (day, metric, key, amount)
  SELECT report_day(h.hour), h.metric, h.key, -h.amount FROM complaint_proposals p, report_hand_off(OLD, p) h
  WHERE p.complaint_id = OLD.id AND p.round = OLD.round
  ON CONFLICT (day, metric, key) DO UPDATE SET amount = report_daily.amount + excluded.amount;
  RETURN OLD;
END $$;

-- What the rollup must hold, computed from the facts as they stand: the rebuild's source and the
-- consistency check's (read-model/report-rollups.ts).
CREATE VIEW report_hourly_from_facts AS
SELECT hour, metric, key, sum(amount) AS amount FROM (
  SELECT x.* FROM complaints r, report_contributions(r) x
  UNION ALL SELECT x.* FROM complaint_stage_clocks r, report_contributions(r) x
  UNION ALL SELECT x.* FROM complaint_escalations r, report_contributions(r) x
  UNION ALL SELECT x.* FROM complaint_proposals r, report_contributions(r, false) x
  UNION ALL SELECT x.* FROM survey_answers r, report_contributions(r) x
) d GROUP BY hour, metric, key HAVING sum(amount) <> 0;

-- The rollup from scratch (the migration's backfill, TRUNCATE of a fact table, operators and the
-- seeder through read-model/report-rollups.ts).
CREATE FUNCTION report_rollups_rebuild() RETURNS void LANGUAGE sql AS $$
  TRUNCATE report_hourly, report_daily;
  INSERT INTO report_hourly (hour, metric, key, amount) SELECT hour, metric, key, amount FROM report_hourly_from_facts;
  INSERT INTO report_daily (day, metric, key, amount)
  SELECT report_day(hour), metric, key, sum(amount) FROM report_hourly GROUP BY 1, metric, key HAVING sum(amount) <> 0;
$$;

CREATE FUNCTION report_rollups_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_rollups_rebuild();
  RETURN NULL;
END $$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['complaints', 'complaint_stage_clocks', 'complaint_escalations', 'complaint_proposals', 'survey_answers'] LOOP
    EXECUTE report_rollups_apply_sql(t);
    EXECUTE format('CREATE TRIGGER %1$s_rollup_insert AFTER INSERT ON %1$I REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_apply_%1$s()', t);
    EXECUTE format('CREATE TRIGGER %1$s_rollup_update AFTER UPDATE ON %1$I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_apply_%1$s()', t);
    EXECUTE format('CREATE TRIGGER %1$s_rollup_delete AFTER DELETE ON %1$I REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_apply_%1$s()', t);
    EXECUTE format('CREATE TRIGGER %1$s_rollup_truncate AFTER TRUNCATE ON %1$I
                    FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_truncated()', t);
  END LOOP;
END $$;

DROP FUNCTION report_rollups_apply_sql(text);

CREATE TRIGGER complaints_rollup_hand_off_delete BEFORE DELETE ON complaints
  FOR EACH ROW EXECUTE FUNCTION report_rollups_complaint_deleted();

-- Backfill from the facts already recorded.
SELECT report_rollups_rebuild();

-- The values of one resolution-hour bucket within a period (the exact percentiles of the report).
CREATE INDEX complaints_resolution_minutes_idx ON complaints (resolution_business_minutes) INCLUDE (closed_at)
  WHERE resolution_business_minutes IS NOT NULL;
