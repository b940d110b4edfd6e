-- The KPI report's counts and sums by dimension (category, product, channel, department, team)
-- and for the whole, per UTC day and per UTC month (read-model/kpi-report.ts). A year's report
-- reads its whole months here, the days at either end of them, and only the hours at either end
-- of the period from report_hourly (the whole) or the facts (a dimension's groups).
--
-- Kept exact like 0020's rollup, by statement-level AFTER triggers with transition tables in the
-- transaction that changes a fact. A fact counts under the dimension values its complaint has
-- now: when a complaint's category, product, channel, department or team changes, its trigger
-- takes every contribution of the complaint and of its facts from the old values and adds them
-- under the new ones. Rebuildable from the facts (report_rollups_rebuild(), now rebuilding both).
--
-- A row: the bin (UTC day or month), the dimension ('' for the whole, value NULL), the value
-- (NULL: complaints without one), the metric and key of 0020 (report_contributions()), except
-- the resolution histogram, kept by buckets of four business hours (`resolution_4h`; fewer rows,
-- the report reads one bucket's minutes from an index), plus the root causes of corrective
-- actions (`root_cause`, the text normalised as the report compares it; the whole only).
CREATE TABLE report_grouped_daily (
  day        timestamptz NOT NULL CHECK (day = date_bin('1 day', day, timestamptz '2000-01-01 00:00:00+00')),
  dimension  text NOT NULL CHECK (dimension IN ('', 'category', 'product', 'channel', 'department', 'team')),
  value      text CHECK (dimension <> '' OR value IS NULL),
  metric     text NOT NULL,
  key        text NOT NULL DEFAULT '',
  amount     numeric NOT NULL,
  -- amount in the index: a report's reads are index-only and skip the repeat gaps beyond its window there.
  UNIQUE NULLS NOT DISTINCT (dimension, day, value, metric, key) INCLUDE (amount)
);

CREATE TABLE report_grouped_monthly (
  month      timestamptz NOT NULL,
  dimension  text NOT NULL CHECK (dimension IN ('', 'category', 'product', 'channel', 'department', 'team')),
  value      text CHECK (dimension <> '' OR value IS NULL),
  metric     text NOT NULL,
  key        text NOT NULL DEFAULT '',
  amount     numeric NOT NULL,
  UNIQUE NULLS NOT DISTINCT (dimension, month, value, metric, key) INCLUDE (amount)
);

-- The first instant of the UTC month an instant falls in, whatever the session's time zone.
CREATE FUNCTION report_month(t timestamptz) RETURNS timestamptz
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN timezone('UTC', date_trunc('month', timezone('UTC', t)));

-- 0020's metric and key as the grouped rollups keep them: the resolution histogram by four whole
-- business hours, and the repeat gap's days zero-padded (0001…3661), so that a report's window
-- selects its gaps by comparing keys (key <= '0030') within the index.
CREATE FUNCTION report_grouped_metric(hourly_metric text, hourly_key text)
  RETURNS TABLE (metric text, key text)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT CASE WHEN hourly_metric = 'resolution_hour' THEN 'resolution_4h' ELSE hourly_metric END,
         CASE WHEN hourly_metric = 'resolution_hour' THEN (hourly_key::int / 4)::text
              WHEN hourly_metric = 'repeat_gap_days' THEN lpad(hourly_key, 4, '0')
              ELSE hourly_key END;
END;

-- Where a complaint's contributions count: the whole, and its value of each dimension.
CREATE FUNCTION report_dimensions(c complaints)
  RETURNS TABLE (dimension text, value text)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT d.dimension, d.value
  FROM (VALUES ('', NULL::text), ('category', c.category), ('product', c.product), ('channel', c.channel),
               ('department', c.department), ('team', c.team)) AS d (dimension, value);
END;

-- The contributions of a complaint's facts (stage clocks, escalations, proposals without the
-- hand-off, which is the complaint's own, survey answer): what moves when its dimensions change.
CREATE FUNCTION report_fact_contributions(complaint uuid)
  RETURNS TABLE (hour timestamptz, metric text, key text, amount numeric)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT x.* FROM complaint_stage_clocks r, report_contributions(r) x WHERE r.complaint_id = complaint
  UNION ALL SELECT x.* FROM complaint_escalations r, report_contributions(r) x WHERE r.complaint_id = complaint
  UNION ALL SELECT x.* FROM complaint_proposals r, report_contributions(r, false) x WHERE r.complaint_id = complaint
  UNION ALL SELECT x.* FROM survey_answers r, report_contributions(r) x WHERE r.complaint_id = complaint;
END;

-- A root cause as the report compares it: without case and runs of white space.
CREATE FUNCTION report_root_cause(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN lower(regexp_replace(btrim($1), '\s+', ' ', 'g'));

-- One row's contributions to the grouped rollups: 0020's, under the dimensions of its complaint
-- as it stands (a fact of a complaint already deleted counts nowhere: see the delete trigger).
CREATE FUNCTION report_grouped_contributions(c complaints)
  RETURNS TABLE (hour timestamptz, dimension text, value text, metric text, key text, amount numeric)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT x.hour, d.dimension, d.value, m.metric, m.key, x.amount
  FROM report_contributions(c) x, report_grouped_metric(x.metric, x.key) m, report_dimensions(c) d;
END;

CREATE FUNCTION report_grouped_contributions(s complaint_stage_clocks)
  RETURNS TABLE (hour timestamptz, dimension text, value text, metric text, key text, amount numeric)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT x.hour, d.dimension, d.value, x.metric, x.key, x.amount
  FROM complaints c, report_contributions(s) x, report_dimensions(c) d WHERE c.id = s.complaint_id;
END;

CREATE FUNCTION report_grouped_contributions(e complaint_escalations)
  RETURNS TABLE (hour timestamptz, dimension text, value text, metric text, key text, amount numeric)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT x.hour, d.dimension, d.value, x.metric, x.key, x.amount
  FROM complaints c, report_contributions(e) x, report_dimensions(c) d WHERE c.id = e.complaint_id;
END;

CREATE FUNCTION report_grouped_contributions(p complaint_proposals)
  RETURNS TABLE (hour timestamptz, dimension text, value text, metric text, key text, amount numeric)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT x.hour, d.dimension, d.value, x.metric, x.key, x.amount
  FROM complaints c, report_contributions(p) x, report_dimensions(c) d WHERE c.id = p.complaint_id;
END;

CREATE FUNCTION report_grouped_contributions(a survey_answers)
  RETURNS TABLE (hour timestamptz, dimension text, value text, metric text, key text, amount numeric)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT x.hour, d.dimension, d.value, x.metric, x.key, x.amount
  FROM complaints c, report_contributions(a) x, report_dimensions(c) d WHERE c.id = a.complaint_id;
END;

-- Root causes count for the whole only (the report lists them in total).
CREATE FUNCTION report_grouped_contributions(a complaint_corrective_actions)
  RETURNS TABLE (hour timestamptz, dimension text, value text, metric text, key text, amount numeric)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT report_hour(a.recorded_at), '', NULL::text, 'root_cause', report_root_cause(a.root_cause), 1::numeric;
END;

-- A complaint whose dimensions changed: its facts' contributions leave the old values and join
-- the new ones (the whole's cancel out and are summed away).
CREATE FUNCTION report_grouped_moved(o complaints, n complaints)
  RETURNS TABLE (hour timestamptz, dimension text, value text, metric text, key text, amount numeric)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT x.hour, d.dimension, d.value, x.metric, x.key, x.amount
  FROM report_fact_contributions(n.id) x, report_dimensions(n) d
  WHERE (o.category, o.product, o.channel, o.department, o.team) IS DISTINCT FROM (n.category, n.product, n.channel, n.department, n.team)
  UNION ALL
  SELECT x.hour, d.dimension, d.value, x.metric, x.key, -x.amount
  FROM report_fact_contributions(o.id) x, report_dimensions(o) d
  WHERE (o.category, o.product, o.channel, o.department, o.team) IS DISTINCT FROM (n.category, n.product, n.channel, n.department, n.team);
END;

-- Applies a statement's change as 0020's triggers do (new rows' contributions less old rows',
-- summed, zero deltas skipped, days then months, each in key order).
CREATE FUNCTION report_grouped_apply_sql(table_name text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $gen$
DECLARE
  added text := format('SELECT x.* FROM new_rows n, report_grouped_contributions(n::%I) x', table_name);
  taken text := format('SELECT x.hour, x.dimension, x.value, x.metric, x.key, -x.amount FROM old_rows o, report_grouped_contributions(o::%I) x', table_name);
  moved text := CASE WHEN table_name = 'complaints'
    THEN ' UNION ALL SELECT m.* FROM old_rows o JOIN new_rows n ON n.id = o.id, report_grouped_moved(o::complaints, n::complaints) m' ELSE '' END;
  upsert text := $u$
    INSERT INTO report_grouped_daily (day, dimension, value, metric, key, amount)
    SELECT report_day(hour), dimension, value, metric, key, sum(amount) FROM (%1$s) d (hour, dimension, value, metric, key, amount)
    GROUP BY 1, dimension, value, metric, key HAVING sum(amount) <> 0 ORDER BY dimension, 1, value, metric, key
    ON CONFLICT (dimension, day, value, metric, key) DO UPDATE SET amount = report_grouped_daily.amount + excluded.amount;
    INSERT INTO report_grouped_monthly (month, dimension, value, metric, key, amount)
    SELECT report_month(hour), dimension, value, metric, key, sum(amount) FROM (%1$s) d (hour, dimension, value, metric, key, amount)
    GROUP BY 1, dimension, value, metric, key HAVING sum(amount) <> 0 ORDER BY dimension, 1, value, metric, key
    ON CONFLICT (dimension, month, value, metric, key) DO UPDATE SET amount = report_grouped_monthly.amount + excluded.amount;
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
    'report_grouped_apply_' || table_name,
    format(upsert, added), format(upsert, taken), format(upsert, added || ' UNION ALL ' || taken || moved));
END $gen$;

-- A deleted complaint's facts go by cascade before its statement trigger runs, and their own
-- triggers no longer find the complaint (so count nothing): their contributions, and the
-- hand-off, are taken back here from the complaint's values while both still exist.
CREATE FUNCTION report_grouped_complaint_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_grouped_daily (day, dimension, value, metric, key, amount)
  SELECT report_day(x.hour), d.dimension, d.value, x.metric, x.key, -sum(x.amount)
  FROM (SELECT * FROM report_fact_contributions(OLD.id)
        UNION ALL SELECT h.* FROM complaint_proposals p, report_hand_off(OLD, p) h WHERE p.complaint_id = OLD.id AND p.round = OLD.round) x,
       report_dimensions(OLD) d
  GROUP BY 1, d.dimension, d.value, x.metric, x.key HAVING sum(x.amount) <> 0 ORDER BY d.dimension, 1, d.value, x.metric, x.key
  ON CONFLICT (dimension, day, value, metric, key) DO UPDATE SET amount = report_grouped_daily.amount + excluded.amount;
  INSERT INTO report_grouped_monthly (month, dimension, value, metric, key, amount)
  SELECT report_month(x.hour), d.dimension, d.value, x.metric, x.key, -sum(x.amount)
  FROM (SELECT * FROM report_fact_contributions(OLD.id)
        UNION ALL SELECT h.* FROM complaint_proposals p, report_hand_off(OLD, p) h WHERE p.complaint_id = OLD.id AND p.round = OLD.round) x,
       report_dimensions(OLD) d
  GROUP BY 1, d.dimension, d.value, x.metric, x.key HAVING sum(x.amount) <> 0 ORDER BY d.dimension, 1, d.value, x.metric, x.key
  ON CONFLICT (dimension, month, value, metric, key) DO UPDATE SET amount = report_grouped_monthly.amount + excluded.amount;
  RETURN OLD;
END $$;

-- Every contribution of the facts as they stand, once, with its complaint's dimension values.
CREATE VIEW report_grouped_contributions_from_facts AS
SELECT x.hour, m.metric, m.key, x.amount, r.category, r.product, r.channel, r.department, r.team
FROM complaints r, report_contributions(r) x, report_grouped_metric(x.metric, x.key) m
UNION ALL SELECT x.hour, x.metric, x.key, x.amount, c.category, c.product, c.channel, c.department, c.team
FROM complaint_stage_clocks r JOIN complaints c ON c.id = r.complaint_id, report_contributions(r) x
UNION ALL SELECT x.hour, x.metric, x.key, x.amount, c.category, c.product, c.channel, c.department, c.team
FROM complaint_escalations r JOIN complaints c ON c.id = r.complaint_id, report_contributions(r) x
UNION ALL SELECT x.hour, x.metric, x.key, x.amount, c.category, c.product, c.channel, c.department, c.team
FROM complaint_proposals r JOIN complaints c ON c.id = r.complaint_id, report_contributions(r, false) x
UNION ALL SELECT x.hour, x.metric, x.key, x.amount, c.category, c.product, c.channel, c.department, c.team
FROM survey_answers r JOIN complaints c ON c.id = r.complaint_id, report_contributions(r) x;

-- What the grouped daily rollup must hold, from the facts as they stand: the consistency check's
-- source (read-model/report-rollups.ts).
CREATE VIEW report_grouped_daily_from_facts AS
SELECT report_day(x.hour) AS day, d.dimension, d.value, x.metric, x.key, sum(x.amount) AS amount
FROM report_grouped_contributions_from_facts x,
  LATERAL (VALUES ('', NULL::text), ('category', x.category), ('product', x.product), ('channel', x.channel),
                  ('department', x.department), ('team', x.team)) AS d (dimension, value)
GROUP BY 1, d.dimension, d.value, x.metric, x.key
HAVING sum(x.amount) <> 0
UNION ALL
SELECT report_day(recorded_at), '', NULL, 'root_cause', report_root_cause(root_cause), count(*)
FROM complaint_corrective_actions GROUP BY 1, 5;

-- Both rollups from scratch (0020's and these): the backfill, TRUNCATE of a fact table, operators
-- and the seeder through read-model/report-rollups.ts. The contributions are computed once into a
-- temporary table summed per day and all five dimension values, then summed per dimension, one
-- hash aggregate each that fits in memory (one aggregate over all six spilled gigabytes to disk).
CREATE OR REPLACE FUNCTION report_rollups_rebuild() RETURNS void LANGUAGE plpgsql SET work_mem = '512MB' SET jit = off AS $$
DECLARE
  grouping_column text;
BEGIN
  TRUNCATE report_hourly, report_daily, report_grouped_daily, report_grouped_monthly;
  INSERT INTO report_hourly (hour, metric, key, amount) SELECT hour, metric, key, amount FROM report_hourly_from_facts;
  INSERT INTO report_daily (day, metric, key, amount)
  SELECT report_day(hour), metric, key, sum(amount) FROM report_hourly GROUP BY 1, metric, key HAVING sum(amount) <> 0;

  -- The whole is 0020's daily rollup under the grouped keys, and the root causes.
  INSERT INTO report_grouped_daily (day, dimension, value, metric, key, amount)
  SELECT d.day, '', NULL, m.metric, m.key, sum(d.amount) FROM report_daily d, report_grouped_metric(d.metric, d.key) m
  GROUP BY 1, m.metric, m.key HAVING sum(d.amount) <> 0
  UNION ALL
  SELECT report_day(recorded_at), '', NULL, 'root_cause', report_root_cause(root_cause), count(*)
  FROM complaint_corrective_actions GROUP BY 1, 5;

  DROP TABLE IF EXISTS report_grouped_rebuild;
  CREATE TEMPORARY TABLE report_grouped_rebuild ON COMMIT DROP AS
  SELECT report_day(hour) AS day, metric, key, category, product, channel, department, team, sum(amount) AS amount
  FROM report_grouped_contributions_from_facts GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
  FOREACH grouping_column IN ARRAY ARRAY['category', 'product', 'channel', 'department', 'team'] LOOP
    EXECUTE format($i$
      INSERT INTO report_grouped_daily (day, dimension, value, metric, key, amount)
      SELECT day, %1$L, %1$I, metric, key, sum(amount) FROM report_grouped_rebuild
      GROUP BY day, %1$I, metric, key HAVING sum(amount) <> 0$i$, grouping_column);
  END LOOP;
  DROP TABLE report_grouped_rebuild;

  INSERT INTO report_grouped_monthly (month, dimension, value, metric, key, amount)
  SELECT report_month(day), dimension, value, metric, key, sum(amount) FROM report_grouped_daily
  GROUP BY 1, dimension, value, metric, key HAVING sum(amount) <> 0;
END $$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['complaints', 'complaint_stage_clocks', 'complaint_escalations', 'complaint_proposals', 'survey_answers',
                           'complaint_corrective_actions'] LOOP
    EXECUTE report_grouped_apply_sql(t);
    EXECUTE format('CREATE TRIGGER %1$s_rollup_grouped_insert AFTER INSERT ON %1$I REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION report_grouped_apply_%1$s()', t);
    EXECUTE format('CREATE TRIGGER %1$s_rollup_grouped_update AFTER UPDATE ON %1$I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION report_grouped_apply_%1$s()', t);
    EXECUTE format('CREATE TRIGGER %1$s_rollup_grouped_delete AFTER DELETE ON %1$I REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION report_grouped_apply_%1$s()', t);
  END LOOP;
END $$;

DROP FUNCTION report_grouped_apply_sql(text);

-- 0020's TRUNCATE triggers rebuild both; corrective actions had none.
CREATE TRIGGER complaint_corrective_actions_rollup_truncate AFTER TRUNCATE ON complaint_corrective_actions
  FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_truncated();

CREATE TRIGGER complaints_rollup_grouped_facts_delete BEFORE DELETE ON complaints
  FOR EACH ROW EXECUTE FUNCTION report_grouped_complaint_deleted();

-- Backfill from the facts already recorded (0020's rollup rebuilt alongside: the same result).
SELECT report_rollups_rebuild();

-- The minutes of one resolution bucket of a group within a period, in order (the exact
-- percentiles by dimension; the whole's read 0020's complaints_resolution_minutes_idx).
CREATE INDEX complaints_category_resolution_idx ON complaints (category, resolution_business_minutes) INCLUDE (closed_at)
  WHERE resolution_business_minutes IS NOT NULL;
CREATE INDEX complaints_product_resolution_idx ON complaints (product, resolution_business_minutes) INCLUDE (closed_at)
  WHERE resolution_business_minutes IS NOT NULL;
CREATE INDEX complaints_channel_resolution_idx ON complaints (channel, resolution_business_minutes) INCLUDE (closed_at)
  WHERE resolution_business_minutes IS NOT NULL;
CREATE INDEX complaints_department_resolution_idx ON complaints (department, resolution_business_minutes) INCLUDE (closed_at)
  WHERE resolution_business_minutes IS NOT NULL;
CREATE INDEX complaints_team_resolution_idx ON complaints (team, resolution_business_minutes) INCLUDE (closed_at)
  WHERE resolution_business_minutes IS NOT NULL;

-- The complaints received in the few weeks before a period's end, open at its end (backlog ageing).
CREATE INDEX complaints_received_open_idx ON complaints (received_at)
  INCLUDE (closed_at, calendar_id, category, product, channel, department, team);

-- One dimension's contributions of the hours [a, b) from the facts, by value (what the grouped
-- rollups would hold for them by hour): the report reads the few hours before its first whole
-- UTC day and after its last here. Each fact table is read by the date that decides its hour.
CREATE FUNCTION report_grouped_between(dim text, a timestamptz, b timestamptz)
  RETURNS TABLE (value text, metric text, key text, amount numeric)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT x.value, x.metric, x.key, x.amount FROM (
    SELECT g.* FROM complaints c, report_grouped_contributions(c) g
    WHERE c.id IN (SELECT id FROM complaints WHERE received_at >= a AND received_at < b
                   UNION SELECT id FROM complaints WHERE closed_at >= a AND closed_at < b
                   UNION SELECT complaint_id FROM complaint_proposals WHERE answered_at >= a AND answered_at < b)
    UNION ALL
    SELECT g.* FROM complaint_stage_clocks s, report_grouped_contributions(s) g
    WHERE (CASE WHEN s.breached THEN s.deadline_at ELSE s.ended_at END) >= a AND (CASE WHEN s.breached THEN s.deadline_at ELSE s.ended_at END) < b
    UNION ALL
    SELECT g.* FROM complaint_escalations e, report_grouped_contributions(e) g WHERE e.occurred_at >= a AND e.occurred_at < b
    UNION ALL
    -- Without the hand-off: the complaint's own contributions above count it.
    SELECT x.hour, d.dimension, d.value, x.metric, x.key, x.amount
    FROM complaint_proposals p JOIN complaints c ON c.id = p.complaint_id, report_contributions(p, false) x, report_dimensions(c) d
    WHERE (p.proposed_at >= a AND p.proposed_at < b) OR (p.answered_at >= a AND p.answered_at < b)
    UNION ALL
    SELECT g.* FROM survey_answers s, report_grouped_contributions(s) g WHERE s.answered_at >= a AND s.answered_at < b
    UNION ALL
    SELECT g.* FROM complaint_corrective_actions r, report_grouped_contributions(r) g WHERE r.recorded_at >= a AND r.recorded_at < b
  ) x
  WHERE x.dimension = dim AND x.hour >= a AND x.hour < b;
END;
