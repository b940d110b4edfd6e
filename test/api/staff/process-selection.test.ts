// /v1/process-selection: which definition a new complaint is filed under, kept as audited
// revisions; intake follows the rules in force, and the last version they rely on cannot be retired.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../../api/http/errors.js';
import { selectionHistorySchema, selectionRevisionSchema } from '../../../api/staff/process-definitions.schemas.js';
import { complaintSchema } from '../../../api/staff/complaints.schemas.js';
import { aComplaint } from '../../helpers/fixtures.js';
import { bearer, integrationContext, type IntegrationContext } from '../../helpers/integration.js';
import { DEFAULT_SELECTION, processOwnerClient, type StoredVersion } from '../../helpers/process-definitions.js';

let ctx: IntegrationContext;
let owner: ReturnType<typeof processOwnerClient>;
let app: ReturnType<IntegrationContext['app']>;

beforeAll(async () => {
  ctx = await integrationContext();
  app = ctx.app({ process: 'selection-rules' });
  owner = processOwnerClient(app);
});
// Other test files file complaints under the default: leave the rules as they were.
afterEach(() => owner.ok(owner.selectRules(DEFAULT_SELECTION)));
afterAll(() => ctx.close());

const errorOf = async (res: Response) => errorBodySchema.parse(await res.json()).error;

/** A definition with version 1 published. */
async function publishedDefinition(): Promise<StoredVersion> {
  const draft = await owner.newDefinition();
  return owner.ok<StoredVersion>(owner.publish(draft.definitionId, 1));
}

async function fileAndRead(overrides: Parameters<typeof aComplaint>[0]) {
  const res = await app.request('/v1/complaints', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(aComplaint(overrides)) });
  expect(res.status).toBe(201);
  const { reference } = (await res.json()) as { reference: string };
  return complaintSchema.parse(await (await app.request(`/v1/complaints/${reference}`, { headers: bearer('auditor') })).json());
}

describe('the selection rules', () => {
  it('are replaced as a new revision recording who changed them, when and why; earlier revisions stay readable', async () => {
    const target = await publishedDefinition();
    const rules = [{ when: { country: ['AZ', 'GE'], channel: ['web' as const] }, definitionId: target.definitionId }];
    const revision = selectionRevisionSchema.parse(
      await owner.ok(owner.selectRules({ rules, defaultDefinitionId: 'iso-10002-default', note: 'Caucasus web complaints.' })),
    );
    expect(revision).toMatchObject({ rules, defaultDefinitionId: 'iso-10002-default', changedBy: 'test-process_owner', note: 'Caucasus web complaints.' });
    expect(selectionRevisionSchema.parse(await owner.ok(owner.call('GET', '/v1/process-selection', 'agent')))).toEqual(revision);
    // The same rules under /v1/process-definitions, where a process owner looks for them.
    expect(selectionRevisionSchema.parse(await owner.ok(owner.call('GET', '/v1/process-definitions/selection-rules', 'agent')))).toEqual(revision);
    const { revisions } = selectionHistorySchema.parse(await owner.ok(owner.call('GET', '/v1/process-selection/revisions', 'auditor')));
    expect(revisions[0]).toEqual(revision);
    expect(revisions.at(-1)).toMatchObject({ revision: 1, changedBy: 'plaint', rules: [] });
  });

  it('must name definitions that exist and have a published version, each named by its path', async () => {
    const draftOnly = await owner.newDefinition();
    const res = await owner.selectRules({
      rules: [
        { when: { country: ['AZ'] }, definitionId: 'iso-10002-default' },
        { when: { channel: ['letter'] }, definitionId: 'no-such-definition' },
        { when: { country: ['GE'] }, definitionId: draftOnly.definitionId },
      ],
      defaultDefinitionId: 'nowhere',
    });
    expect(res.status).toBe(422);
    expect(((await errorOf(res)).details as { path: string }[]).map((d) => d.path)).toEqual(['rules.1.definitionId', 'rules.2.definitionId', 'defaultDefinitionId']);
  });

  it('refuse a malformed rule with the path of each bad field', async () => {
    const res = await owner.call('PUT', '/v1/process-selection', 'process_owner', {
      rules: [{ when: {}, definitionId: 'iso-10002-default' }, { when: { country: ['Azerbaijan'] }, definitionId: 'iso-10002-default' }],
      defaultDefinitionId: 'iso-10002-default',
    });
    expect(((await errorOf(res)).details as { path: string }[]).map((d) => d.path)).toEqual(['rules.0.when', 'rules.1.when.country.0']);
  });

  it('take a change made on the revision last read, and refuse (412) one made on an older, changing nothing', async () => {
    const read = await owner.call('GET', '/v1/process-selection', 'process_owner');
    const { revision } = selectionRevisionSchema.parse(await read.json());
    expect(read.headers.get('etag')).toBe(`"${revision}"`);
    const first = await owner.call('PUT', '/v1/process-selection', 'process_owner', { ...DEFAULT_SELECTION, note: 'First of two.' }, { 'if-match': `"${revision}"` });
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe(`"${revision + 1}"`);
    // A second owner, still on the page read before the first change:
    const late = await owner.call('PUT', '/v1/process-selection', 'process_owner', { ...DEFAULT_SELECTION, note: 'Second of two.' }, { 'if-match': `"${revision}"` });
    expect(late.status).toBe(412);
    expect(await errorOf(late)).toMatchObject({ code: 'PRECONDITION_FAILED', details: { revision: revision + 1 } });
    const now = selectionRevisionSchema.parse(await owner.ok(owner.call('GET', '/v1/process-selection')));
    expect([now.revision, now.note]).toEqual([revision + 1, 'First of two.']);
    const bad = await owner.call('PUT', '/v1/process-selection', 'process_owner', DEFAULT_SELECTION, { 'if-match': 'yesterday' });
    expect([bad.status, ((await errorOf(bad)).details as { path: string }[]).map((d) => d.path)]).toEqual([400, ['header.if-match']]);
  });

  it.each(['agent', 'supervisor', 'auditor'] as const)('refuse a change by a %s with 403', async (role) => {
    const res = await owner.call('PUT', '/v1/process-selection', role, DEFAULT_SELECTION);
    expect([res.status, (await errorOf(res)).code]).toEqual([403, 'NOT_ALLOWED_FOR_ROLE']);
  });
});

describe('intake under the rules', () => {
  it('pins a complaint from a country routed elsewhere to that definition, and others to the default', async () => {
    const azerbaijani = await publishedDefinition();
    await owner.ok(owner.selectRules({ rules: [{ when: { country: ['AZ'] }, definitionId: azerbaijani.definitionId }], defaultDefinitionId: 'iso-10002-default' }));
    const seeded = await owner.version('iso-10002-default', 1);

    const fromBaku = await fileAndRead({ customer: { name: 'Elvin Məmmədov', email: 'elvin@example.az', locale: 'az', country: 'AZ' } });
    expect(fromBaku.process).toEqual({ definitionId: azerbaijani.definitionId, version: 1, contentHash: azerbaijani.contentHash });
    expect(fromBaku.processVersion).toBe(`${azerbaijani.definitionId}@1`);

    const fromIstanbul = await fileAndRead({});
    expect(fromIstanbul.process).toEqual({ definitionId: 'iso-10002-default', version: 1, contentHash: seeded.contentHash });
  });

  it('takes a newly published version for the very next complaint', async () => {
    const routed = await publishedDefinition();
    await owner.ok(owner.selectRules({ rules: [], defaultDefinitionId: routed.definitionId }));
    expect((await fileAndRead({})).process).toMatchObject({ definitionId: routed.definitionId, version: 1 });
    const v2 = await owner.publishNext(routed.definitionId, (d) => {
      d.acceptance.rounds = 3;
    });
    expect((await fileAndRead({})).process).toEqual({ definitionId: routed.definitionId, version: 2, contentHash: v2.contentHash });
  });

  it('takes no new complaint into a retired version', async () => {
    const routed = await publishedDefinition();
    await owner.publishNext(routed.definitionId, () => undefined);
    await owner.ok(owner.selectRules({ rules: [], defaultDefinitionId: routed.definitionId }));
    await owner.ok(owner.retire(routed.definitionId, 2));
    expect((await fileAndRead({})).process).toMatchObject({ definitionId: routed.definitionId, version: 1 });
  });
});

describe('retiring a version the rules rely on', () => {
  it('is refused for the last published version of a definition the rules name, with where they name it', async () => {
    const named = await publishedDefinition();
    await owner.ok(owner.selectRules({ rules: [{ when: { channel: ['phone'] }, definitionId: named.definitionId }], defaultDefinitionId: 'iso-10002-default' }));
    const res = await owner.retire(named.definitionId, 1);
    const error = await errorOf(res);
    expect([res.status, error.code, error.details]).toEqual([409, 'CONFLICT', { namedAt: ['rules.0.definitionId'] }]);
    expect(error.message).toContain('publish another version of it or change the selection rules first');

    await owner.publishNext(named.definitionId, () => undefined);
    expect((await owner.ok<StoredVersion>(owner.retire(named.definitionId, 1))).status).toBe('retired');
    expect((await owner.retire(named.definitionId, 2)).status).toBe(409);

    await owner.ok(owner.selectRules(DEFAULT_SELECTION));
    expect((await owner.ok<StoredVersion>(owner.retire(named.definitionId, 2))).status).toBe('retired');
  });

  it('refuses to retire the shipped default while it is the default', async () => {
    const res = await owner.retire('iso-10002-default', 1);
    expect([res.status, (await errorOf(res)).details]).toEqual([409, { namedAt: ['defaultDefinitionId'] }]);
  });
});

describe('the selection rules under /v1/process-definitions', () => {
  it('keep their path: no definition may be called selection-rules', async () => {
    const res = await owner.call('POST', '/v1/process-definitions', 'process_owner', {
      id: 'selection-rules',
      from: { definitionId: 'iso-10002-default', version: 1 },
    });
    expect([res.status, ((await res.json()) as { error: { details: unknown } }).error.details]).toEqual([
      400,
      [{ path: 'id', message: '"selection-rules" is reserved (the selection rules live there)' }],
    ]);
  });
});
