-- Process migration plans: a process owner moves running complaints to another published version
-- of their definition. The plan keeps the target's content as applied, and the set of complaints it
-- covers is frozen when it is applied (one item each): its workflow works through the pending
-- items and writes each outcome as it is known, so a run interrupted anywhere resumes where it was.
CREATE TABLE process_migrations (
  id               uuid PRIMARY KEY,
  definition_id    text NOT NULL,
  target_version   integer NOT NULL,
  target_version_id text NOT NULL,            -- `iso-10002-default@2`, what complaints record
  target           jsonb NOT NULL,            -- the ProcessDefinitionSnapshot the complaints move to
  target_hash      text,                      -- the published version's content hash
  filter           jsonb NOT NULL,            -- as the process owner gave it
  deadline_rules   jsonb NOT NULL,            -- per timed stage: keep | recompute | restart
  requested_by     text NOT NULL,
  requested_role   text NOT NULL,
  requested_at     timestamptz NOT NULL DEFAULT now(),
  apply_at         timestamptz,               -- null: at once
  status           text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'running', 'completed')),
  started_at       timestamptz,
  finished_at      timestamptz
);
CREATE INDEX process_migrations_definition_idx ON process_migrations (definition_id, requested_at);

CREATE TABLE process_migration_items (
  migration_id     uuid NOT NULL REFERENCES process_migrations (id),
  complaint_id     uuid NOT NULL REFERENCES complaints (id),
  ordinal          integer NOT NULL,          -- the order the plan works in (received first)
  reference        text NOT NULL,
  from_version     text NOT NULL,             -- as the complaint stood when the plan was applied
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'moved', 'skipped', 'failed')),
  reason           text,                      -- skipped: the complaint's refusal (closed, round_beyond_target, …); failed: the error code
  message          text,
  record           jsonb,                     -- moved: what the complaint's timeline recorded (process_migrated)
  attempts         integer NOT NULL DEFAULT 0,
  finished_at      timestamptz,
  PRIMARY KEY (migration_id, complaint_id),
  UNIQUE (migration_id, ordinal)
);
CREATE INDEX process_migration_items_pending_idx ON process_migration_items (migration_id, ordinal) WHERE status = 'pending';
