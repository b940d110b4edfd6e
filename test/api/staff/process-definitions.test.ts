// /v1/process-definitions: a definition's versions go draft → published → retired; a published one
// never changes, through the API or straight in SQL; bad content is refused naming each field.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROCESS_DEFINITION } from '../../../config/default-process.js';
import { canonicalJson } from '../../../domain/process-definitions/canonical-json.js';
import { errorBodySchema } from '../../../api/http/errors.js';
import { definitionListSchema, versionSchema } from '../../../api/staff/process-definitions.schemas.js';
import { integrationContext, type IntegrationContext } from '../../helpers/integration.js';
import { processOwnerClient, type StoredVersion } from '../../helpers/process-definitions.js';

let ctx: IntegrationContext;
let owner: ReturnType<typeof processOwnerClient>;

beforeAll(async () => {
  ctx = await integrationContext();
  owner = processOwnerClient(ctx.app());
});
afterAll(() => ctx.close());

const errorOf = async (res: Response) => errorBodySchema.parse(await res.json()).error;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('the shipped default', () => {
  it('is seeded as iso-10002-default version 1, published, with the SHA-256 of its canonical JSON', async () => {
    const { definitions } = definitionListSchema.parse(await owner.ok(owner.call('GET', '/v1/process-definitions', 'auditor')));
    const seeded = definitions.find((d) => d.id === 'iso-10002-default')!.versions[0]!;
    expect(seeded).toMatchObject({ version: 1, status: 'published', contentHash: sha256(canonicalJson(DEFAULT_PROCESS_DEFINITION)) });
    expect((await owner.version('iso-10002-default', 1)).content).toEqual(DEFAULT_PROCESS_DEFINITION);
  });
});

describe('drafts', () => {
  it('creates a definition as a draft copied from a version, with its own id and version in the content', async () => {
    const draft = await owner.newDefinition();
    expect(versionSchema.parse(draft)).toMatchObject({ version: 1, status: 'draft', basedOn: null, author: 'test-process_owner' });
    expect(draft.content).toEqual({ ...DEFAULT_PROCESS_DEFINITION, id: draft.definitionId });
  });

  it('refuses content with 422 DEFINITION_INVALID naming every bad field by its path (a calendar that does not exist too), and keeps the draft as it was', async () => {
    const draft = await owner.newDefinition();
    const content = { ...structuredClone(draft.content), colour: 'red' };
    content.stages.investigation.deadline = { workingDays: 0 };
    content.stages.initialReview.warnAtShare = 1;
    content.acceptance.rounds = 9;
    content.calendarId = 'QQ';
    const res = await owner.replace(draft.definitionId, 1, content);
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.code).toBe('DEFINITION_INVALID');
    expect((error.details as { path: string }[]).map((d) => d.path).sort()).toEqual(
      ['acceptance.rounds', 'calendarId', 'colour', 'stages.initialReview.warnAtShare', 'stages.investigation.deadline.workingDays'].sort(),
    );
    expect((await owner.version(draft.definitionId, 1)).contentHash).toBe(draft.contentHash);
  });

  it('replaces a draft, setting its id and version from the URL whatever the body says', async () => {
    const draft = await owner.newDefinition();
    const content = { ...structuredClone(draft.content), id: 'someone-else', version: 42 };
    content.stages.investigation.deadline = { workingDays: 6 };
    const stored = await owner.ok<StoredVersion>(owner.replace(draft.definitionId, 1, content));
    expect(stored.content).toMatchObject({ id: draft.definitionId, version: 1, stages: { investigation: { deadline: { workingDays: 6 } } } });
    expect(stored.contentHash).toBe(sha256(canonicalJson(stored.content)));
    expect(stored.contentHash).not.toBe(draft.contentHash);
  });

  it('allows one draft per definition: a second is 409, and a discarded one can be made again', async () => {
    const { definitionId } = await owner.newDefinition();
    await owner.ok(owner.publish(definitionId, 1), 200);
    const draft = await owner.ok<StoredVersion>(owner.newDraft(definitionId), 201);
    expect(draft).toMatchObject({ version: 2, status: 'draft', basedOn: 1 });
    const second = await owner.newDraft(definitionId);
    expect([second.status, (await errorOf(second)).details]).toEqual([409, { draftVersion: 2 }]);
    expect((await owner.call('DELETE', `/v1/process-definitions/${definitionId}/versions/2`)).status).toBe(204);
    expect((await owner.ok<StoredVersion>(owner.newDraft(definitionId), 201)).version).toBe(2);
  });

  it('takes a definition of 100 KiB, and refuses a body over 512 KiB with 413 before reading it', async () => {
    const draft = await owner.newDefinition();
    const content = structuredClone(draft.content);
    const long = { name: 'Ombudsman', description: 'd'.repeat(2_000) };
    content.externalRemedies.byCountry.DE = Array.from({ length: 20 }, (_, i) => ({ id: `remedy_${i}`, texts: { en: long, tr: long } }));
    expect((await owner.replace(draft.definitionId, 1, content)).status).toBe(200);
    const huge = { ...content, padding: 'x'.repeat(600 * 1024) };
    const res = await owner.replace(draft.definitionId, 1, huge);
    expect([res.status, (await errorOf(res)).code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('validates without saving: a sent content, or the stored one without a body', async () => {
    const { definitionId } = await owner.newDefinition();
    const path = `/v1/process-definitions/${definitionId}/versions/1/validate`;
    const broken = { ...structuredClone(DEFAULT_PROCESS_DEFINITION), infoRequest: { answerDeadline: { workingHours: -1 }, reminderAtShare: 0.5, onNoAnswer: 'resume' } };
    const report = await owner.ok<{ valid: boolean; issues: { path: string }[] }>(owner.call('POST', path, 'process_owner', broken));
    expect(report.valid).toBe(false);
    expect(report.issues.map((i) => i.path)).toEqual(['infoRequest.answerDeadline.workingHours']);
    expect(await owner.ok(owner.call('POST', path))).toEqual({ valid: true, issues: [] });
    expect((await owner.version(definitionId, 1)).content.infoRequest).toEqual(DEFAULT_PROCESS_DEFINITION.infoRequest);
  });
});

describe('publishing', () => {
  it('publishes a draft with its change note and who published it; publishing it again is 409', async () => {
    const { definitionId } = await owner.newDefinition();
    const published = await owner.ok<StoredVersion>(owner.publish(definitionId, 1, 'First version for the Baku office.'));
    expect(published).toMatchObject({ status: 'published', publishedBy: 'test-process_owner', changeNote: 'First version for the Baku office.' });
    const again = await owner.publish(definitionId, 1);
    expect([again.status, (await errorOf(again)).code]).toEqual([409, 'CONFLICT']);
  });

  it('wants a change note', async () => {
    const { definitionId } = await owner.newDefinition();
    const res = await owner.publish(definitionId, 1, '   ');
    expect([res.status, (await errorOf(res)).details]).toEqual([400, [{ path: 'changeNote', message: 'say what changed and why' }]]);
  });

  it('refuses to publish a draft that does not validate with 422 and every bad field', async () => {
    const { definitionId } = await owner.newDefinition();
    // A draft saved under an older schema: straight in SQL, since PUT stores valid content only.
    const stale = canonicalJson({ ...DEFAULT_PROCESS_DEFINITION, id: definitionId, version: 1, progressUpdateEvery: { workingWeeks: 1 } });
    await ctx.sql`UPDATE process_definition_versions SET content = ${stale} WHERE definition_id = ${definitionId} AND version = 1`;
    const res = await owner.publish(definitionId, 1);
    const error = await errorOf(res);
    expect([res.status, error.code]).toEqual([422, 'DEFINITION_INVALID']);
    expect((error.details as { path: string }[]).map((d) => d.path)).toEqual(['progressUpdateEvery']);
    expect((await owner.version(definitionId, 1)).status).toBe('draft');
  });
});

describe("publishing checks the customers' answer links", () => {
  it('refuses a version whose answer deadline can outlast a link (SIGNED_LINK_TTL_DAYS=30), naming the deadline', async () => {
    const { definitionId } = await owner.newDefinition();
    const draft = await owner.version(definitionId, 1);
    const content = JSON.parse(JSON.stringify(draft.content)) as typeof DEFAULT_PROCESS_DEFINITION;
    // 25 working days on the Turkish calendar take more than 30 calendar days.
    content.acceptance.answerDeadline = { workingDays: 25 };
    await owner.ok(owner.replace(definitionId, 1, content));
    const res = await owner.publish(definitionId, 1);
    const error = await errorOf(res);
    expect([res.status, error.code]).toEqual([422, 'DEFINITION_INVALID']);
    expect(error.details).toEqual([
      { path: 'acceptance.answerDeadline', message: expect.stringMatching(/^can take up to \d+ calendar days on the TR calendar, longer than a customer's answer link lives \(SIGNED_LINK_TTL_DAYS=30\)$/) },
    ]);
    expect((await owner.version(definitionId, 1)).status).toBe('draft');
    // Validating says so before publishing does.
    const report = await owner.ok<{ valid: boolean; issues: { path: string }[] }>(
      owner.call('POST', `/v1/process-definitions/${definitionId}/versions/1/validate`, 'process_owner'),
    );
    expect([report.valid, report.issues.map((i) => i.path)]).toEqual([false, ['acceptance.answerDeadline']]);
  });

  it.each([
    ['acceptance.answerDeadline', { workingDays: 1000 }],
    ['acceptance.answerDeadline', { workingHours: 10000 }],
    ['infoRequest.answerDeadline', { workingDays: 1000 }],
  ] as const)('refuses the longest %s the schema allows (%j) with 422, never a 500', async (path, duration) => {
    const { definitionId } = await owner.newDefinition();
    const content = JSON.parse(JSON.stringify((await owner.version(definitionId, 1)).content)) as typeof DEFAULT_PROCESS_DEFINITION;
    if (path === 'acceptance.answerDeadline') content.acceptance.answerDeadline = duration;
    else content.infoRequest.answerDeadline = duration;
    await owner.ok(owner.replace(definitionId, 1, content));
    const res = await owner.publish(definitionId, 1);
    const error = await errorOf(res);
    expect([res.status, (error.details as { path: string }[]).map((d) => d.path)]).toEqual([422, [path]]);
  });
});

describe('a published version never changes', () => {
  let published: StoredVersion;
  beforeAll(async () => {
    const { definitionId } = await owner.newDefinition();
    published = await owner.ok<StoredVersion>(owner.publish(definitionId, 1));
  });

  it.each([
    ['replacing its content', () => owner.replace(published.definitionId, 1, published.content)],
    ['deleting it', () => owner.call('DELETE', `/v1/process-definitions/${published.definitionId}/versions/1`)],
  ])('answers 409 to %s', async (_what, request) => {
    const res = await request();
    expect([res.status, (await errorOf(res)).details]).toEqual([409, { status: 'published' }]);
  });

  it.each([
    ['its content', (sql: IntegrationContext['sql'], id: string) => sql`UPDATE process_definition_versions SET content = replace(content, '"rounds":2', '"rounds":3') WHERE definition_id = ${id}`],
    ['its hash', (sql: IntegrationContext['sql'], id: string) => sql`UPDATE process_definition_versions SET content_hash = repeat('0', 64) WHERE definition_id = ${id}`],
    ['its change note', (sql: IntegrationContext['sql'], id: string) => sql`UPDATE process_definition_versions SET change_note = 'rewritten' WHERE definition_id = ${id}`],
    ['its author', (sql: IntegrationContext['sql'], id: string) => sql`UPDATE process_definition_versions SET author = 'mallory' WHERE definition_id = ${id}`],
    ['its status back to draft', (sql: IntegrationContext['sql'], id: string) => sql`UPDATE process_definition_versions SET status = 'draft', published_at = NULL WHERE definition_id = ${id}`],
    ['the row itself', (sql: IntegrationContext['sql'], id: string) => sql`DELETE FROM process_definition_versions WHERE definition_id = ${id}`],
  ])('is refused by the database when SQL changes %s', async (_what, change) => {
    await expect(change(ctx.sql, published.definitionId)).rejects.toThrow(/process definition .* is published/);
    expect(await owner.version(published.definitionId, 1)).toEqual(published);
  });

  it.each(['process_definition_versions', 'process_selection_revisions'])('is kept when SQL truncates %s (refused by the database)', async (table) => {
    await expect(ctx.sql.unsafe(`TRUNCATE ${table} CASCADE`)).rejects.toThrow(`${table} is append-only: TRUNCATE refused`);
    expect(await owner.version(published.definitionId, 1)).toEqual(published);
  });

  it('can be retired once, and a retired one changes no more (API and SQL)', async () => {
    const { definitionId } = await owner.newDefinition();
    await owner.ok(owner.publish(definitionId, 1));
    expect((await owner.ok<StoredVersion>(owner.retire(definitionId, 1))).status).toBe('retired');
    expect((await owner.retire(definitionId, 1)).status).toBe(409);
    await expect(ctx.sql`UPDATE process_definition_versions SET status = 'published' WHERE definition_id = ${definitionId}`).rejects.toThrow(/can only be retired/);
  });
});

describe('who may do what', () => {
  const writes: [string, string, (id: string) => unknown][] = [
    ['POST', '', (id) => ({ id: `${id}-copy`, from: { definitionId: id, version: 1 } })],
    ['POST', '/{id}/versions', () => ({})],
    ['PUT', '/{id}/versions/1', () => DEFAULT_PROCESS_DEFINITION],
    ['DELETE', '/{id}/versions/1', () => undefined],
    ['POST', '/{id}/versions/1/validate', () => DEFAULT_PROCESS_DEFINITION],
    ['POST', '/{id}/versions/1/publish', () => ({ changeNote: 'mine' })],
    ['POST', '/{id}/versions/1/retire', () => undefined],
  ];

  it.each(['agent', 'supervisor', 'auditor'] as const)('refuses every write of a %s with 403 and changes nothing', async (role) => {
    const draft = await owner.newDefinition();
    for (const [method, path, body] of writes) {
      const res = await owner.call(method, `/v1/process-definitions${path.replace('{id}', draft.definitionId)}`, role, body(draft.definitionId));
      expect([method, path, res.status, (await errorOf(res)).code]).toEqual([method, path, 403, 'NOT_ALLOWED_FOR_ROLE']);
    }
    expect(await owner.version(draft.definitionId, 1)).toMatchObject({ status: 'draft', contentHash: draft.contentHash });
  });

  it('lets an admin write, and every staff role read', async () => {
    const draft = await owner.newDefinition();
    await owner.ok(owner.call('POST', `/v1/process-definitions/${draft.definitionId}/versions/1/publish`, 'admin', { changeNote: 'By the admin.' }));
    for (const role of ['agent', 'supervisor', 'auditor', 'process_owner', 'admin'] as const) {
      expect((await owner.call('GET', `/v1/process-definitions/${draft.definitionId}`, role)).status).toBe(200);
    }
  });
});

describe('reading', () => {
  it.each([
    ['an unknown definition', '/v1/process-definitions/no-such-definition', 404],
    ['an unknown version', '/v1/process-definitions/iso-10002-default/versions/999', 404],
    ['a malformed id', '/v1/process-definitions/Not_Kebab', 400],
    ['a malformed version', '/v1/process-definitions/iso-10002-default/versions/first', 400],
  ])('answers %s (%s) with %i', async (_what, path, status) => {
    expect((await owner.call('GET', path, 'agent')).status).toBe(status);
  });
});
