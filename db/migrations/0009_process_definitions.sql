-- Process definitions as versioned data. A definition (`iso-10002-default`) has numbered versions:
-- a draft is edited (or discarded) until it is published; a published version never changes again
-- (the trigger below refuses it, whoever writes) and may only be retired, after which intake pins it
-- to no new complaint. Each version's content is stored as its canonical JSON text (sorted keys, no
-- whitespace: domain/process-definitions/canonical-json.ts) with the SHA-256 of that text, which the
-- database computes itself, so a hash always belongs to its content.
CREATE TABLE process_definitions (
  id              text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9-]*$' AND length(id) <= 60),
  created_by      text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE process_definition_versions (
  definition_id   text NOT NULL REFERENCES process_definitions (id),
  version         integer NOT NULL CHECK (version > 0),
  status          text NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
  content         text NOT NULL,             -- canonical JSON; its own id and version are this row's
  content_hash    text NOT NULL,             -- sha256 hex of content, set by the trigger
  based_on        integer,                   -- the version a draft was copied from
  author          text NOT NULL,             -- who wrote the content (the draft's last editor)
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  published_by    text,
  published_at    timestamptz,
  change_note     text,
  retired_by      text,
  retired_at      timestamptz,
  PRIMARY KEY (definition_id, version),
  CHECK ((content::jsonb ->> 'id') = definition_id AND (content::jsonb ->> 'version') = version::text),
  CHECK ((status = 'draft') = (published_at IS NULL)),
  CHECK (status = 'draft' OR (published_by IS NOT NULL AND change_note IS NOT NULL AND length(trim(change_note)) > 0)),
  CHECK ((status = 'retired') = (retired_at IS NOT NULL AND retired_by IS NOT NULL))
);
-- One draft per definition: a second process owner edits the same draft, not a rival one.
CREATE UNIQUE INDEX process_definition_one_draft_idx ON process_definition_versions (definition_id) WHERE status = 'draft';
-- Intake's question: the latest published version of a definition.
CREATE INDEX process_definition_published_idx ON process_definition_versions (definition_id, version DESC) WHERE status = 'published';

CREATE FUNCTION process_definition_versions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION 'process definition % version % is %: only a draft can be deleted', OLD.definition_id, OLD.version, OLD.status
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF (NEW.definition_id, NEW.version) IS DISTINCT FROM (OLD.definition_id, OLD.version) THEN
      RAISE EXCEPTION 'a version keeps its definition id and number' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF OLD.status <> 'draft' THEN
      IF (NEW.content, NEW.content_hash, NEW.author, NEW.change_note, NEW.published_by, NEW.published_at, NEW.based_on, NEW.created_at)
         IS DISTINCT FROM (OLD.content, OLD.content_hash, OLD.author, OLD.change_note, OLD.published_by, OLD.published_at, OLD.based_on, OLD.created_at) THEN
        RAISE EXCEPTION 'process definition % version % is %: its content, hash, author and change note never change',
          OLD.definition_id, OLD.version, OLD.status USING ERRCODE = 'integrity_constraint_violation';
      END IF;
      IF NOT (NEW.status = OLD.status OR (OLD.status = 'published' AND NEW.status = 'retired')) THEN
        RAISE EXCEPTION 'process definition % version % is %: it can only be retired', OLD.definition_id, OLD.version, OLD.status
          USING ERRCODE = 'integrity_constraint_violation';
      END IF;
      IF OLD.status = 'retired' AND (NEW.retired_by, NEW.retired_at) IS DISTINCT FROM (OLD.retired_by, OLD.retired_at) THEN
        RAISE EXCEPTION 'process definition % version % is retired: its retirement is recorded once', OLD.definition_id, OLD.version
          USING ERRCODE = 'integrity_constraint_violation';
      END IF;
    ELSIF NEW.status = 'retired' THEN
      RAISE EXCEPTION 'process definition % version % is a draft: publish it before retiring it', OLD.definition_id, OLD.version
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
  END IF;
  -- An INSERT may state the hash (the seed below does): it must be the content's.
  IF TG_OP = 'INSERT' AND NEW.content_hash IS NOT NULL
     AND NEW.content_hash <> encode(sha256(convert_to(NEW.content, 'UTF8')), 'hex') THEN
    RAISE EXCEPTION 'process definition % version %: content_hash is not the SHA-256 of its content', NEW.definition_id, NEW.version
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  NEW.content_hash := encode(sha256(convert_to(NEW.content, 'UTF8')), 'hex');
  RETURN NEW;
END $$;

CREATE TRIGGER process_definition_versions_guard
  BEFORE INSERT OR UPDATE OR DELETE ON process_definition_versions
  FOR EACH ROW EXECUTE FUNCTION process_definition_versions_guard();

-- Which definition a new complaint gets, as data (domain/process-definitions/selection.ts):
-- `{ rules: [{ when: { country?, channel? }, definitionId }], defaultDefinitionId }`. Append-only:
-- every change is a new revision with who made it and when; the latest is in force.
CREATE TABLE process_selection_revisions (
  revision        integer PRIMARY KEY CHECK (revision > 0),
  selection       jsonb NOT NULL,
  changed_by      text NOT NULL,
  changed_at      timestamptz NOT NULL DEFAULT now(),
  note            text
);

CREATE FUNCTION process_selection_revisions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'selection rule revisions are kept as they were: add a new revision instead'
    USING ERRCODE = 'integrity_constraint_violation';
END $$;

CREATE TRIGGER process_selection_revisions_append_only
  BEFORE UPDATE OR DELETE ON process_selection_revisions
  FOR EACH ROW EXECUTE FUNCTION process_selection_revisions_append_only();

-- The version each complaint was filed under (written by intake with the complaint). NULL for
-- complaints filed before definitions were stored: their `process_version` (`id@n`) names it.
ALTER TABLE complaints
  ADD COLUMN process_definition_id       text,
  ADD COLUMN process_definition_version  integer,
  ADD COLUMN process_definition_hash     text;

-- The shipped default as version 1, published, and the selection that files every complaint under it.
-- seed:default-process begin
-- Generated from config/default-process.ts by `npm run seed:default-process`; do not edit by hand.
INSERT INTO process_definitions (id, created_by) VALUES ('iso-10002-default', 'plaint');
INSERT INTO process_definition_versions
  (definition_id, version, status, content, content_hash, author, published_by, published_at, change_note)
VALUES ('iso-10002-default', 1, 'published',
  $content${"acceptance":{"answerDeadline":{"workingDays":10},"noAnswer":"deemed_accepted","reminderAtShare":0.5,"rounds":2},"calendarId":"TR","decisionRoles":{"admin":["acknowledge","classify","assign","request_info","propose_resolution","escalate","note","record_corrective_action","record_external_outcome","withdraw","close_out_of_scope","mark_duplicate","record_customer_answer","cancel_info_request","reissue_link"],"agent":["acknowledge","classify","assign","request_info","propose_resolution","escalate","note","record_corrective_action","record_external_outcome","withdraw","record_customer_answer","cancel_info_request","reissue_link"],"auditor":[],"process_owner":[],"supervisor":["acknowledge","classify","assign","request_info","propose_resolution","escalate","note","record_corrective_action","record_external_outcome","withdraw","close_out_of_scope","mark_duplicate","record_customer_answer","cancel_info_request","reissue_link"]},"externalRemedies":{"byCountry":{"TR":[{"id":"consumer_arbitration_committee","texts":{"en":{"description":"For disputes below the monetary limit set each year, you can apply free of charge to the consumer arbitration committee where you live or where you made the purchase. You can also apply online through e-Devlet.","name":"Consumer arbitration committees (Tüketici Hakem Heyetleri)"},"tr":{"description":"Her yıl belirlenen parasal sınırın altındaki uyuşmazlıklarda, yerleşim yerinizdeki ya da işlemi yaptığınız yerdeki tüketici hakem heyetine ücretsiz başvurabilirsiniz. Başvuruyu e-Devlet üzerinden de yapabilirsiniz.","name":"Tüketici Hakem Heyetleri"}},"url":"https://www.ticaret.gov.tr"},{"id":"consumer_court","texts":{"en":{"description":"For disputes above that limit, you can bring a case before a consumer court. Mediation must be tried before the case is filed.","name":"Consumer courts (Tüketici Mahkemeleri)"},"tr":{"description":"Parasal sınırın üzerindeki uyuşmazlıklarda tüketici mahkemesinde dava açabilirsiniz. Dava açmadan önce arabulucuya başvurmanız gerekir.","name":"Tüketici Mahkemeleri"}}}]},"default":[{"id":"external_dispute_resolution","texts":{"en":{"description":"You can take your complaint to an independent dispute-resolution provider, such as a consumer ombudsman, a mediation or an arbitration body (ISO 10003), or to the courts.","name":"Independent external dispute resolution"},"tr":{"description":"Şikâyetinizi tüketici ombudsmanı, arabuluculuk ya da tahkim kurumu gibi bağımsız bir uyuşmazlık çözüm kuruluşuna (ISO 10003) veya mahkemeye taşıyabilirsiniz.","name":"Bağımsız dış uyuşmazlık çözümü"}}}],"fallbackLocale":"en"},"id":"iso-10002-default","infoRequest":{"answerDeadline":{"workingDays":10},"onNoAnswer":"resume","reminderAtShare":0.5},"progressUpdateEvery":{"workingDays":5},"routing":{"rules":[]},"stages":{"acknowledgement":{"deadline":{"workingHours":6},"escalation":{"levels":["assignee","teamLead","complaintsManager","director"],"onBreach":[{"escalate":true,"notify":["teamLead"],"rearmAfter":{"workingHours":2}},{"escalate":true,"notify":["teamLead","complaintsManager"],"rearmAfter":{"workingHours":4}},{"escalate":true,"notify":["complaintsManager","director"],"rearmAfter":{"workingDays":1}}],"onWarning":{"notify":["assignee","teamLead"]}},"warnAtShare":0.75},"conclusion":{"deadline":{"workingDays":1}},"initialReview":{"deadline":{"workingDays":2},"escalation":{"levels":["assignee","teamLead","complaintsManager","director"],"onBreach":[{"escalate":true,"notify":["assignee","teamLead"],"rearmAfter":{"workingHours":4}},{"escalate":true,"notify":["teamLead","complaintsManager"],"rearmAfter":{"workingDays":1}},{"escalate":true,"notify":["complaintsManager","director"],"rearmAfter":{"workingDays":1}}],"onWarning":{"notify":["assignee"]}},"warnAtShare":0.75},"investigation":{"deadline":{"workingDays":4},"escalation":{"levels":["assignee","teamLead","complaintsManager","director"],"onBreach":[{"escalate":true,"notify":["assignee","teamLead"],"rearmAfter":{"workingHours":4}},{"escalate":true,"notify":["teamLead","complaintsManager"],"rearmAfter":{"workingDays":1}},{"escalate":true,"notify":["complaintsManager","director"],"rearmAfter":{"workingDays":1}}],"onWarning":{"notify":["assignee"]}},"warnAtShare":0.75},"reinvestigation":{"deadline":{"workingDays":4},"escalation":{"levels":["assignee","teamLead","complaintsManager","director"],"onBreach":[{"escalate":true,"notify":["assignee","teamLead"],"rearmAfter":{"workingHours":4}},{"escalate":true,"notify":["teamLead","complaintsManager"],"rearmAfter":{"workingDays":1}},{"escalate":true,"notify":["complaintsManager","director"],"rearmAfter":{"workingDays":1}}],"onWarning":{"notify":["assignee"]}},"warnAtShare":0.75}},"survey":{"afterClosures":["accepted","deemed_accepted","external_decision"],"lifetime":{"calendarDays":30}},"version":1}$content$,
  '403a206659d3857c4f9b72c4b81e72ba8a44dd18b301bfc46e8bd59876a59bdd', 'plaint', 'plaint', now(), 'The shipped default process (config/default-process.ts).');
-- seed:default-process end
INSERT INTO process_selection_revisions (revision, selection, changed_by, note)
VALUES (1, '{"rules":[],"defaultDefinitionId":"iso-10002-default"}', 'plaint', 'Every complaint is filed under the shipped default.');
