// Process definitions and their versions as stored (db/migrations/0009): what the
// /v1/process-definitions routes read and write. Each write is one transaction that first locks the
// definition's row, so two process owners editing the same definition take turns; the database
// itself refuses any change to a published version, whoever writes.
import type { Sql, TransactionSql } from 'postgres';
import { DomainError, type FieldIssue } from '../domain/errors.js';
import type { ProcessDefinition } from '../domain/process-definition.js';
import { canonicalJson } from '../domain/process-definitions/canonical-json.js';
import { withIdentity, versionIdOf, type VersionStatus } from '../domain/process-definitions/versions.js';
import { pathsNaming } from '../domain/process-definitions/selection.js';
import { currentSelection, SELECTION_LOCK } from './process-selection.js';

/** A version without its content. */
export interface VersionSummary {
  definitionId: string;
  version: number;
  status: VersionStatus;
  contentHash: string;
  basedOn: number | null;
  author: string;
  createdAt: string;
  updatedAt: string;
  publishedBy: string | null;
  publishedAt: string | null;
  changeNote: string | null;
  retiredBy: string | null;
  retiredAt: string | null;
}

export interface VersionRecord extends VersionSummary {
  content: Record<string, unknown>;
}

export interface DefinitionSummary {
  id: string;
  createdBy: string;
  createdAt: string;
  versions: VersionSummary[];
}

interface VersionRow {
  definition_id: string;
  version: number;
  status: VersionStatus;
  content_hash: string;
  based_on: number | null;
  author: string;
  created_at: Date;
  updated_at: Date;
  published_by: string | null;
  published_at: Date | null;
  change_note: string | null;
  retired_by: string | null;
  retired_at: Date | null;
  content?: string;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

function summaryOf(row: VersionRow): VersionSummary {
  return {
    definitionId: row.definition_id,
    version: row.version,
    status: row.status,
    contentHash: row.content_hash,
    basedOn: row.based_on,
    author: row.author,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    publishedBy: row.published_by,
    publishedAt: iso(row.published_at),
    changeNote: row.change_note,
    retiredBy: row.retired_by,
    retiredAt: iso(row.retired_at),
  };
}

function recordOf(row: VersionRow & { content: string }): VersionRecord {
  return { ...summaryOf(row), content: JSON.parse(row.content) as Record<string, unknown> };
}

/** Every definition with its versions, oldest version first. */
export async function listDefinitions(sql: Sql): Promise<DefinitionSummary[]> {
  const definitions = await sql<{ id: string; created_by: string; created_at: Date }[]>`
    SELECT id, created_by, created_at FROM process_definitions ORDER BY id`;
  const versions = await sql<VersionRow[]>`
    SELECT definition_id, version, status, content_hash, based_on, author, created_at, updated_at,
      published_by, published_at, change_note, retired_by, retired_at
    FROM process_definition_versions ORDER BY definition_id, version`;
  return definitions.map((d) => ({
    id: d.id,
    createdBy: d.created_by,
    createdAt: d.created_at.toISOString(),
    versions: versions.filter((v) => v.definition_id === d.id).map(summaryOf),
  }));
}

/** One definition with its versions; NOT_FOUND when there is none. */
export async function findDefinition(sql: Sql, id: string): Promise<DefinitionSummary> {
  const found = (await listDefinitions(sql)).find((d) => d.id === id);
  if (!found) throw notFound(id);
  return found;
}

/** One version with its content; NOT_FOUND when there is none. */
export async function findVersion(sql: Sql | TransactionSql, id: string, version: number, lock = false): Promise<VersionRecord> {
  const [row] = await sql<(VersionRow & { content: string })[]>`
    SELECT * FROM process_definition_versions WHERE definition_id = ${id} AND version = ${version}
    ${lock ? sql`FOR UPDATE` : sql``}`;
  if (!row) throw notFound(id, version);
  return recordOf(row);
}

/** Versions by number with their content, for simulation and migration plans; undefined when there is none. */
export function storedDefinitionVersions(sql: Sql) {
  return {
    async version(id: string, version: number) {
      try {
        const found = await findVersion(sql, id, version);
        // Contents are checked when saved; readers that act on one validate it again.
        return { definition: found.content as unknown as ProcessDefinition, status: found.status, contentHash: found.contentHash };
      } catch (err) {
        if (err instanceof DomainError && err.code === 'NOT_FOUND') return undefined;
        throw err;
      }
    },
  };
}

/** A new definition whose version 1 is a draft of `content` (its id and version set to the new ones). */
export async function createDefinition(
  sql: Sql,
  input: { id: string; content: Record<string, unknown>; author: string; basedOn?: { definitionId: string; version: number } },
): Promise<VersionRecord> {
  return sql.begin(async (tx) => {
    const created = await tx`
      INSERT INTO process_definitions (id, created_by) VALUES (${input.id}, ${input.author})
      ON CONFLICT (id) DO NOTHING RETURNING 1`;
    if (created.length === 0) throw new DomainError('CONFLICT', `A process definition "${input.id}" exists already; create a draft of it instead`);
    return insertDraft(tx, input.id, 1, input.content, input.author, input.basedOn?.definitionId === input.id ? input.basedOn.version : null);
  });
}

/** A new draft of `id`, copied from version `from` (default: the latest published, else the latest). */
export async function createDraft(sql: Sql, id: string, input: { from?: number | undefined; author: string }): Promise<VersionRecord> {
  return sql.begin(async (tx) => {
    await lockDefinition(tx, id);
    const versions = await tx<{ version: number; status: VersionStatus }[]>`
      SELECT version, status FROM process_definition_versions WHERE definition_id = ${id} ORDER BY version`;
    const draft = versions.find((v) => v.status === 'draft');
    if (draft) {
      throw new DomainError('CONFLICT', `${versionIdOf(id, draft.version)} is a draft already: edit it, or delete it first`, { draftVersion: draft.version });
    }
    const from = input.from ?? (versions.filter((v) => v.status === 'published').at(-1) ?? versions.at(-1))?.version;
    if (from === undefined) throw notFound(id);
    const source = await findVersion(tx, id, from);
    const next = (versions.at(-1)?.version ?? 0) + 1;
    return insertDraft(tx, id, next, source.content, input.author, from);
  });
}

/** Replaces a draft's content (already validated); CONFLICT when the version is not a draft. */
export async function replaceDraft(sql: Sql, id: string, version: number, content: Record<string, unknown>, author: string): Promise<VersionRecord> {
  return sql.begin(async (tx) => {
    await lockDefinition(tx, id);
    refuseUnlessDraft(await findVersion(tx, id, version, true), 'replaced');
    const [row] = await tx<(VersionRow & { content: string })[]>`
      UPDATE process_definition_versions
      SET content = ${canonicalJson(withIdentity(content, id, version))}, author = ${author}, updated_at = now()
      WHERE definition_id = ${id} AND version = ${version} RETURNING *`;
    return recordOf(row!);
  });
}

/** Discards a draft; CONFLICT when the version is not a draft. */
export async function deleteDraft(sql: Sql, id: string, version: number): Promise<void> {
  await sql.begin(async (tx) => {
    await lockDefinition(tx, id);
    refuseUnlessDraft(await findVersion(tx, id, version, true), 'deleted');
    await tx`DELETE FROM process_definition_versions WHERE definition_id = ${id} AND version = ${version}`;
  });
}

/**
 * Publishes a draft whose content passes `validate` (422 DEFINITION_INVALID with every issue
 * otherwise); CONFLICT when the version is not a draft. From then on it never changes.
 */
export async function publishDraft(
  sql: Sql,
  id: string,
  version: number,
  input: { by: string; changeNote: string; validate: (content: Record<string, unknown>) => FieldIssue[] | Promise<FieldIssue[]> },
): Promise<VersionRecord> {
  return sql.begin(async (tx) => {
    await lockDefinition(tx, id);
    const draft = await findVersion(tx, id, version, true);
    refuseUnlessDraft(draft, 'published');
    const issues = await input.validate(draft.content);
    if (issues.length > 0) {
      const n = issues.length;
      throw new DomainError('DEFINITION_INVALID', `${versionIdOf(id, version)} has ${n} invalid field${n === 1 ? '' : 's'}; fix the draft, then publish`, issues);
    }
    const [row] = await tx<(VersionRow & { content: string })[]>`
      UPDATE process_definition_versions
      SET status = 'published', published_by = ${input.by}, published_at = now(), change_note = ${input.changeNote}, updated_at = now()
      WHERE definition_id = ${id} AND version = ${version} RETURNING *`;
    return recordOf(row!);
  });
}

/**
 * Retires a published version: no new complaint is pinned to it (running ones keep it). Refused
 * when it is the definition's last published version and the selection rules name the definition,
 * since intake would then have nothing to pin. Under the selection lock, so a concurrent change of
 * the rules cannot slip in between the check and the retirement.
 */
export async function retireVersion(sql: Sql, id: string, version: number, by: string): Promise<VersionRecord> {
  return sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${SELECTION_LOCK})`;
    await lockDefinition(tx, id);
    const current = await findVersion(tx, id, version, true);
    if (current.status !== 'published') {
      throw new DomainError('CONFLICT', `${versionIdOf(id, version)} is ${current.status}: only a published version can be retired`, { status: current.status });
    }
    const [others] = await tx<{ n: number }[]>`
      SELECT count(*)::int AS n FROM process_definition_versions
      WHERE definition_id = ${id} AND status = 'published' AND version <> ${version}`;
    const namedAt = others!.n === 0 ? pathsNaming((await currentSelection(tx)).selection, id) : [];
    if (namedAt.length > 0) {
      throw new DomainError(
        'CONFLICT',
        `${versionIdOf(id, version)} is the last published version of "${id}", which the selection rules name (${namedAt.join(', ')}): ` +
          'publish another version of it or change the selection rules first',
        { namedAt },
      );
    }
    const [row] = await tx<(VersionRow & { content: string })[]>`
      UPDATE process_definition_versions SET status = 'retired', retired_by = ${by}, retired_at = now(), updated_at = now()
      WHERE definition_id = ${id} AND version = ${version} RETURNING *`;
    return recordOf(row!);
  });
}

async function insertDraft(
  tx: TransactionSql,
  id: string,
  version: number,
  content: Record<string, unknown>,
  author: string,
  basedOn: number | null,
): Promise<VersionRecord> {
  const [row] = await tx<(VersionRow & { content: string })[]>`
    INSERT INTO process_definition_versions (definition_id, version, status, content, based_on, author)
    VALUES (${id}, ${version}, 'draft', ${canonicalJson(withIdentity(content, id, version))}, ${basedOn}, ${author})
    RETURNING *`;
  return recordOf(row!);
}

async function lockDefinition(tx: TransactionSql, id: string): Promise<void> {
  const [row] = await tx`SELECT 1 FROM process_definitions WHERE id = ${id} FOR UPDATE`;
  if (!row) throw notFound(id);
}

function refuseUnlessDraft(version: VersionRecord, what: 'replaced' | 'deleted' | 'published'): void {
  if (version.status === 'draft') return;
  throw new DomainError(
    'CONFLICT',
    `${versionIdOf(version.definitionId, version.version)} is ${version.status} and never changes: only a draft can be ${what}; create a new draft from it`,
    { status: version.status },
  );
}

function notFound(id: string, version?: number): DomainError {
  return new DomainError('NOT_FOUND', version === undefined ? `No process definition "${id}"` : `No version ${version} of process definition "${id}"`);
}
