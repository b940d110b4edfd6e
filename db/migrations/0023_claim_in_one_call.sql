-- POST /v1/queues/{team}/claim in one call (read-model/work-queues.ts `claimNext`): the team, the
-- claimer's membership, the per-person cap, the fair choice under SKIP LOCKED and the retries after
-- a conflict all run here, server-side, so a claim is one round trip even when twenty claimers
-- collide (before: up to four statements, then a transaction of five or more).

-- An agent's live claims, counted for the cap without walking their whole history of claims.
CREATE INDEX complaint_claims_live_holder_idx ON complaint_claims (claimed_by) WHERE released_at IS NULL;

-- Outcomes: 'claimed' (claim_id, claimed_at and the complaint's row as locked), 'no_team',
-- 'not_member' (p_members_only and the claimer is no active member of the team), 'capped'
-- (live_claims ≥ p_max_live_claims > 0), 'empty' (nothing left that nobody else holds).
-- live_claims is counted only under a cap (0 otherwise). The complaint's row is returned whole
-- (`complaint`) so the caller reads it in the same round trip: SELECT …, (r.complaint).* .
CREATE FUNCTION claim_queue_complaint(
  p_team text,
  p_claimer text,
  p_role text,
  p_max_live_claims integer,   -- 0: no cap
  p_members_only boolean       -- agents: only from a team they belong to (staff_team_members)
) RETURNS TABLE (outcome text, live_claims integer, claim_id uuid, claimed_at timestamptz, complaint complaints)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
  v_department text;
  v_live integer := 0;
  v_row complaints;
  v_claim uuid;
  v_claimed_at timestamptz;
  v_member record;
  -- Where the walk through the queue is: after this sort key (the first window starts before all).
  v_after_rank smallint := -1;
  v_after_received timestamptz := '-infinity';
  v_after_id uuid := '00000000-0000-0000-0000-000000000000';
  v_window integer := 32;
  v_read integer;
BEGIN
  SELECT t.department_id INTO v_department FROM staff_teams t WHERE t.id = p_team;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'no_team'::text, 0, NULL::uuid, NULL::timestamptz, NULL::complaints;
    RETURN;
  END IF;

  -- A deactivated person has left: they belong to no team any more.
  IF p_members_only AND NOT EXISTS (
    SELECT 1 FROM staff_team_members m JOIN staff_people p ON p.id = m.person_id
    WHERE m.team_id = p_team AND m.person_id = p_claimer AND p.active) THEN
    RETURN QUERY SELECT 'not_member'::text, 0, NULL::uuid, NULL::timestamptz, NULL::complaints;
    RETURN;
  END IF;

  IF p_max_live_claims > 0 THEN
    -- One person's claims one at a time (until this transaction ends), so two parallel claims of
    -- theirs cannot both pass the cap; other people's claims do not wait for it.
    PERFORM pg_advisory_xact_lock(hashtext('queue-claims:' || p_claimer));
    SELECT count(*)::int INTO v_live FROM complaint_claims cc WHERE cc.claimed_by = p_claimer AND cc.released_at IS NULL;
    IF v_live >= p_max_live_claims THEN
      RETURN QUERY SELECT 'capped'::text, v_live, NULL::uuid, NULL::timestamptz, NULL::complaints;
      RETURN;
    END IF;
  END IF;

  -- The queue in fair order (severity, oldest received, id), one window at a time: the team's own
  -- complaints and its department's unrouted ones, two LIMITed partial index scans merged (an OR
  -- would read and sort the whole queue). A window whose every complaint is locked by other
  -- claimers or just taken leads to the next one, four times wider, after the last one read.
  LOOP
    v_read := 0;
    FOR v_member IN
      SELECT m.id, m.severity_rank, m.received_at FROM (
        (SELECT q.id, q.severity_rank, q.received_at FROM complaints q
         WHERE q.team = p_team AND q.team IS NOT NULL
           AND q.assignee IS NULL AND q.status <> 'closed' AND q.recorded_at IS NOT NULL
           AND (q.severity_rank, q.received_at, q.id) > (v_after_rank, v_after_received, v_after_id)
           -- OFFSET 0 keeps this a probe per row (as an anti join PostgreSQL read the whole queue).
           AND NOT EXISTS (SELECT 1 FROM complaint_claims l WHERE l.complaint_id = q.id AND l.released_at IS NULL OFFSET 0)
         ORDER BY q.severity_rank, q.received_at, q.id LIMIT v_window)
        UNION ALL
        (SELECT q.id, q.severity_rank, q.received_at FROM complaints q
         WHERE q.department = v_department AND q.team IS NULL
           AND q.assignee IS NULL AND q.status <> 'closed' AND q.recorded_at IS NOT NULL
           AND (q.severity_rank, q.received_at, q.id) > (v_after_rank, v_after_received, v_after_id)
           AND NOT EXISTS (SELECT 1 FROM complaint_claims l WHERE l.complaint_id = q.id AND l.released_at IS NULL OFFSET 0)
         ORDER BY q.severity_rank, q.received_at, q.id LIMIT v_window)
      ) m
      ORDER BY m.severity_rank, m.received_at, m.id LIMIT v_window
    LOOP
      v_read := v_read + 1;
      v_after_rank := v_member.severity_rank;
      v_after_received := v_member.received_at;
      v_after_id := v_member.id;
      -- The window's snapshot is its statement's start; this statement takes a fresh one and
      -- rechecks the row's latest version. NOT FOUND: another claimer holds it locked, or it
      -- left the queue meanwhile.
      SELECT c.* INTO v_row FROM complaints c
      WHERE c.id = v_member.id AND c.assignee IS NULL AND c.status <> 'closed'
        AND (c.team = p_team OR (c.team IS NULL AND c.department = v_department))
      FOR UPDATE SKIP LOCKED;
      CONTINUE WHEN NOT FOUND;
      -- SKIP LOCKED does not recheck the window's NOT EXISTS: a claim committed after the
      -- window's snapshot (its claimer's lock already gone) meets this one in
      -- complaint_claims_live_idx, which makes a double impossible; that complaint is taken.
      INSERT INTO complaint_claims AS cc (id, complaint_id, team, claimed_by, claimed_by_role)
      VALUES (gen_random_uuid(), v_member.id, p_team, p_claimer, p_role)
      ON CONFLICT (complaint_id) WHERE released_at IS NULL DO NOTHING
      RETURNING cc.id, cc.claimed_at INTO v_claim, v_claimed_at;
      IF FOUND THEN
        RETURN QUERY SELECT 'claimed'::text, v_live + 1, v_claim, v_claimed_at, v_row;
        RETURN;
      END IF;
    END LOOP;
    EXIT WHEN v_read < v_window; -- the end of the queue
    v_window := least(v_window * 4, 2048);
  END LOOP;
  RETURN QUERY SELECT 'empty'::text, v_live, NULL::uuid, NULL::timestamptz, NULL::complaints;
END $$;
