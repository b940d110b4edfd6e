// The selection rules editor over HTTP against the real API: it shows the rules in force, the
// default and every revision; adds, moves and removes rules in the form without saving; saves
// through PUT /v1/process-selection with the revision read as If-Match; puts the API's issues
// beside the fields at their paths; shows a change made meanwhile instead of overwriting it; and
// is for process owners and admins only.
import { afterEach, describe, expect, it } from 'vitest';
import { aStaffPerson, consolePostHeaders, signedInCookie, useConsoleApp, type ConsoleTestEnv, type SignedIn } from '../helpers/console.js';
import { DEFAULT_SELECTION, processOwnerClient, type StoredVersion } from '../helpers/process-definitions.js';

let env: ConsoleTestEnv;
useConsoleApp((ready) => (env = ready));
// Other test files file complaints under the default: leave the rules as they were.
afterEach(async () => {
  const api = processOwnerClient(env.app);
  await api.ok(api.selectRules(DEFAULT_SELECTION));
});

const signedIn = async (role: 'process_owner' | 'admin' | 'agent' | 'supervisor' = 'process_owner') => signedInCookie(env.sql, await aStaffPerson(env.sql, { roles: [role] }));
const page = (who: SignedIn, query = '') => env.app.request(`/console/process/selection${query}`, { headers: { cookie: who.cookie } });
const post = (who: SignedIn, fields: [string, string][]) =>
  env.app.request('/console/process/selection', { method: 'POST', headers: consolePostHeaders(who), body: new URLSearchParams([['_csrf', who.csrfToken], ...fields]).toString() });
const revisionOf = (html: string) => html.match(/name="_revision" value="(\d+)"/)?.[1] ?? '';
/** One rule's fields as the form posts them. */
const rule = (i: number, r: { country?: string; channels?: string[]; definitionId: string }): [string, string][] => [
  [`rules.${i}.country`, r.country ?? ''],
  ...(r.channels ?? []).map((c): [string, string] => [`rules.${i}.channel`, c]),
  [`rules.${i}.definitionId`, r.definitionId],
];

async function publishedDefinition(): Promise<string> {
  const api = processOwnerClient(env.app);
  const draft = await api.newDefinition();
  await api.ok<StoredVersion>(api.publish(draft.definitionId, 1));
  return draft.definitionId;
}

describe('the selection rules editor', () => {
  it('adds, moves and removes rules in the form without saving, then saves them with a note as a new revision', async () => {
    const target = await publishedDefinition();
    const owner = await signedIn();
    const opened = await page(owner);
    expect(opened.status).toBe(200);
    const first = await opened.text();
    expect(first).toContain('No rules: every new complaint is filed under the default.');
    expect(first).toMatch(/<select id="sel-default" name="defaultDefinitionId"><option value="iso-10002-default" selected="">/);
    const revision = revisionOf(first);

    const added = await post(owner, [['_revision', revision], ['defaultDefinitionId', 'iso-10002-default'], ['action', 'add']]);
    expect(added.status).toBe(200);
    const withOne = await added.text();
    expect(withOne).toContain('Changed here, not saved yet');
    expect(withOne).toContain('<legend>Rule 1</legend>');
    expect(withOne).toContain('id="sel-rule-0-country" name="rules.0.country"');

    // Two rules; "Move up" on the second puts it first.
    const moved = await (await post(owner, [
      ['_revision', revision],
      ...rule(0, { country: 'GE', definitionId: 'iso-10002-default' }),
      ...rule(1, { country: 'az', channels: ['web', 'email'], definitionId: target }),
      ['defaultDefinitionId', 'iso-10002-default'],
      ['action', 'up.1'],
    ])).text();
    expect(moved.indexOf('value="az"')).toBeLessThan(moved.indexOf('value="GE"'));
    expect(moved).toContain('id="sel-rule-0-channel-web" name="rules.0.channel" value="web" checked=""');
    const removed = await (await post(owner, [['_revision', revision], ...rule(0, { country: 'az', definitionId: target }), ...rule(1, { country: 'GE', definitionId: 'iso-10002-default' }), ['defaultDefinitionId', 'iso-10002-default'], ['action', 'remove.1']])).text();
    expect(removed).not.toContain('value="GE"');
    expect((await processOwnerClient(env.app).ok<{ revision: number }>(processOwnerClient(env.app).call('GET', '/v1/process-selection'))).revision).toBe(Number(revision));

    const saved = await post(owner, [
      ['_revision', revision],
      ...rule(0, { country: 'az, ge', channels: ['web'], definitionId: target }),
      ['defaultDefinitionId', 'iso-10002-default'],
      ['note', 'Caucasus web complaints follow their own process.'],
      ['action', 'save'],
    ]);
    expect(saved.status).toBe(303);
    const next = Number(revision) + 1;
    expect(saved.headers.get('location')).toBe(`/console/process/selection?saved=${next}`);
    const stored = await processOwnerClient(env.app).ok<{ rules: unknown; note: string; changedBy: string }>(processOwnerClient(env.app).call('GET', '/v1/process-selection'));
    expect(stored).toMatchObject({ rules: [{ when: { country: ['AZ', 'GE'], channel: ['web'] }, definitionId: target }], note: 'Caucasus web complaints follow their own process.' });

    const after = await (await page(owner, `?saved=${next}`)).text();
    expect(after).toContain(`Saved: revision ${next} is in force.`);
    expect(after).toMatch(new RegExp(`<tr data-revision="${next}"><th scope="row">${next}</th><td>[^<]*</td><td>Caucasus web complaints follow their own process.</td><td><ol class="plain"><li>country AZ, GE; channel Web → ${target}</li>`));
    expect(revisionOf(after)).toBe(String(next));
  });

  it('puts the API’s issues beside the fields at their paths, keeping what was typed', async () => {
    const owner = await signedIn('admin');
    const revision = revisionOf(await (await page(owner)).text());
    const res = await post(owner, [
      ['_revision', revision],
      ...rule(0, { definitionId: 'iso-10002-default' }),
      ...rule(1, { country: 'Azerbaijan', definitionId: 'iso-10002-default' }),
      ['defaultDefinitionId', 'iso-10002-default'],
      ['action', 'save'],
    ]);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/<input id="sel-rule-0-country" name="rules.0.country" value="" [^>]*aria-invalid="true" aria-describedby="sel-rule-0-country-hint sel-rule-0-country-error"/);
    expect(html).toMatch(/<p class="field-error" id="sel-rule-0-country-error">rules\.0\.when: needs at least one condition/);
    expect(html).toMatch(/<p class="field-error" id="sel-rule-1-country-error">rules\.1\.when\.country\.0: expected an ISO 3166 alpha-2 code/);
    expect(html).toContain('<a href="#sel-rule-1-country">');
    expect(html).toContain('value="Azerbaijan"');
  });

  it('shows a change someone made meanwhile instead of overwriting it', async () => {
    const owner = await signedIn();
    const revision = revisionOf(await (await page(owner)).text());
    const api = processOwnerClient(env.app);
    await api.ok(api.selectRules({ rules: [{ when: { channel: ['letter'] }, definitionId: 'iso-10002-default' }], defaultDefinitionId: 'iso-10002-default', note: 'Letters first.' }));

    const res = await post(owner, [['_revision', revision], ['defaultDefinitionId', 'iso-10002-default'], ['action', 'save']]);
    expect(res.status).toBe(412);
    const html = await res.text();
    expect(html).toMatch(/Someone changed the rules since you opened this page: revision \d+ by test-process_owner is in force/);
    expect(html).toContain('id="sel-rule-0-channel-letter" name="rules.0.channel" value="letter" checked=""');
    expect((await api.ok<{ note: string }>(api.call('GET', '/v1/process-selection'))).note).toBe('Letters first.');
  });

  it('is for process owners and admins: others get a 403 page and no form', async () => {
    for (const role of ['agent', 'supervisor'] as const) {
      const who = await signedIn(role);
      const res = await page(who);
      expect(res.status).toBe(403);
      expect(await res.text()).not.toContain('id="selection-form"');
      expect((await post(who, [['defaultDefinitionId', 'iso-10002-default'], ['action', 'save']])).status).toBe(403);
    }
    expect(await (await page(await signedIn('process_owner'))).text()).toContain('id="selection-form"');
  });
});
