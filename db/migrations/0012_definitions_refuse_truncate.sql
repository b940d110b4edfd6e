-- A row trigger does not see TRUNCATE: without these, TRUNCATE removed every published process
-- definition version (and every selection revision, which stops all intake). Immutable means by
-- any statement, as calendar overrides already are (0010).
CREATE FUNCTION refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: TRUNCATE refused', TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END $$;

CREATE TRIGGER process_definition_versions_no_truncate
  BEFORE TRUNCATE ON process_definition_versions
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();

CREATE TRIGGER process_selection_revisions_no_truncate
  BEFORE TRUNCATE ON process_selection_revisions
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
