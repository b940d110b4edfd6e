// The process and calendar pages over HTTP against the real API: they show what the API answers
// (versions, the Mermaid text, the diff's sentences, a calendar year's holidays), put the API's
// validation issues at their paths, publish through it (its refusals shown), and are for process
// owners and admins only (calendars: supervisors read).
import { describe, expect, it } from 'vitest';
import type { ProcessDefinition } from '../../domain/process-definition.js';
import { aStaffPerson, consolePostHeaders, signedInCookie, useConsoleApp, type ConsoleTestEnv, type SignedIn } from '../helpers/console.js';
import { hoursOf } from '../helpers/migration.js';
import { processOwnerClient, type StoredVersion } from '../helpers/process-definitions.js';
import { quietProcess } from '../helpers/process.js';

let env: ConsoleTestEnv;
useConsoleApp((ready) => (env = ready));

const owner = async (): Promise<SignedIn> => signedInCookie(env.sql, await aStaffPerson(env.sql, { roles: ['process_owner'] }));
const page = (path: string, who: SignedIn) => env.app.request(path, { headers: { cookie: who.cookie } });
const post = (path: string, who: SignedIn, fields: Record<string, string>) =>
  env.app.request(path, { method: 'POST', headers: consolePostHeaders(who), body: new URLSearchParams({ ...fields, _csrf: who.csrfToken }).toString() });

/** A fresh definition on TR with version 1 published and version 2 a draft copied from it. */
async function definitionWithDraft(edit: (d: ProcessDefinition) => void = () => undefined) {
  const api = processOwnerClient(env.app);
  const draft = await api.newDefinition(quietProcess((p) => (p.calendarId = 'TR')).definition);
  await api.ok(api.publish(draft.definitionId, 1, 'First version.'));
  const v2 = await api.ok<StoredVersion>(api.newDraft(draft.definitionId), 201);
  if (edit !== undefined) {
    const content = structuredClone(v2.content);
    edit(content);
    await api.ok(api.replace(draft.definitionId, 2, content));
  }
  return { id: draft.definitionId, api };
}

const stageForm = (overrides: Record<string, string>) => ({
  form: 'deadlines',
  'acknowledgement.amount': '1',
  'acknowledgement.unit': 'workingHours',
  'acknowledgement.warnAtShare': '0.75',
  'initialReview.amount': '1',
  'initialReview.unit': 'workingHours',
  'initialReview.warnAtShare': '0.75',
  'investigation.amount': '1',
  'investigation.unit': 'workingHours',
  'investigation.warnAtShare': '0.75',
  'conclusion.amount': '1',
  'conclusion.unit': 'workingHours',
  'reinvestigation.amount': '1',
  'reinvestigation.unit': 'workingHours',
  'reinvestigation.warnAtShare': '0.75',
  ...overrides,
});

describe('the process pages', () => {
  it('list each definition with its versions, status and who published them', async () => {
    const { id } = await definitionWithDraft();
    const res = await page('/console/process', await owner());
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`href="/console/process/${id}/versions/1"`);
    const row = html.slice(html.indexOf(`href="/console/process/${id}/versions/1"`));
    expect(row.slice(0, 600)).toMatch(/Published[\s\S]*test-process_owner[\s\S]*First version\./);
    expect(html).toContain(`href="/console/process/${id}/versions/2"`);
    expect(html).toContain('Draft');
  });

  it('show a version with its Mermaid text for our script to draw, and a fallback in words', async () => {
    const { id } = await definitionWithDraft();
    const res = await page(`/console/process/${id}/versions/1`, await owner());
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<script src="/console/assets/mermaid.min.js" defer');
    expect(html).toContain('<script src="/console/assets/process.js" defer');
    expect(html).toMatch(/<pre id="diagram-source"[^>]*>\s*flowchart/);
    expect(html).toContain('id="process-diagram"');
    const asset = await env.app.request('/console/assets/process.js');
    expect(await asset.text()).toContain("securityLevel: 'strict'");
  });

  it('validate a draft and show the API’s issues at their paths, beside the field; then save it', async () => {
    const { id, api } = await definitionWithDraft();
    const who = await owner();
    const refused = await post(`/console/process/${id}/versions/2/edit`, who, { ...stageForm({ 'investigation.amount': '-2' }), action: 'validate' });
    expect(refused.status).toBe(200);
    const html = await refused.text();
    expect(html).toMatch(/data-path="stages\.investigation\.deadline\.workingHours"/);
    expect(html).toMatch(/<a href="#field-investigation-amount">/);
    expect(html).toMatch(/id="field-investigation-amount"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="field-investigation-amount"/);
    expect(html).toContain('id="field-investigation-amount-error"');
    // Nothing was saved.
    expect((await api.version(id, 2)).content.stages.investigation.deadline).toEqual(hoursOf(1));

    const valid = await post(`/console/process/${id}/versions/2/edit`, who, { ...stageForm({ 'investigation.amount': '5' }), action: 'validate' });
    expect(await valid.text()).toContain('Valid: this content can be saved and published.');
    const saved = await post(`/console/process/${id}/versions/2/edit`, who, { ...stageForm({ 'investigation.amount': '5' }), action: 'save' });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/console/process/${id}/versions/2?done=saved`);
    expect((await api.version(id, 2)).content.stages.investigation.deadline).toEqual(hoursOf(5));
  });

  it('show how long a version keeps personal data, and edit it in a draft: refused beside the field, saved, removed', async () => {
    const { id, api } = await definitionWithDraft();
    const who = await owner();
    expect(await (await page(`/console/process/${id}/versions/2`, who)).text()).toMatch(/Personal data kept<\/dt>\s*<dd>Kept: this version sets no erasure after closure/);
    const editor = await (await page(`/console/process/${id}/versions/2/edit`, who)).text();
    expect(editor).toContain('id="retention-form"');
    expect(editor).toMatch(/<label for="field-retention-months">Erase personal data this many months after closure<\/label>/);
    expect(editor).toMatch(/id="field-retention-months"[^>]*value=""/);

    const refused = await post(`/console/process/${id}/versions/2/edit`, who, { form: 'retention', 'retention.months': '0', action: 'validate' });
    const html = await refused.text();
    expect(html).toContain('data-path="retention.erasePersonalDataAfterClosureMonths"');
    expect(html).toMatch(/<a href="#field-retention-months">/);
    expect(html).toMatch(/id="field-retention-months"[^>]*aria-invalid="true"/);
    expect(html).toContain('id="field-retention-months-error"');
    expect(html).toMatch(/id="field-retention-months"[^>]*value="0"/);
    expect((await api.version(id, 2)).content.retention).toBeUndefined();

    const saved = await post(`/console/process/${id}/versions/2/edit`, who, { form: 'retention', 'retention.months': '24', action: 'save' });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/console/process/${id}/versions/2?done=saved`);
    const stored = (await api.version(id, 2)).content;
    expect(stored.retention).toEqual({ erasePersonalDataAfterClosureMonths: 24 });
    // The rest of the draft is as it was.
    expect(stored.stages.investigation.deadline).toEqual(hoursOf(1));
    expect(await (await page(`/console/process/${id}/versions/2`, who)).text()).toMatch(/Personal data kept<\/dt>\s*<dd>Erased 24 months after closure/);
    expect(await (await page(`/console/process/${id}/versions/2/edit`, who)).text()).toMatch(/id="field-retention-months"[^>]*value="24"/);
    // The deadlines form keeps it.
    await post(`/console/process/${id}/versions/2/edit`, who, { ...stageForm({ 'investigation.amount': '5' }), action: 'save' });
    expect((await api.version(id, 2)).content.retention).toEqual({ erasePersonalDataAfterClosureMonths: 24 });

    const removed = await post(`/console/process/${id}/versions/2/edit`, who, { form: 'retention', 'retention.months': '', action: 'save' });
    expect(removed.status).toBe(303);
    expect((await api.version(id, 2)).content.retention).toBeUndefined();
  });

  it('say what is wrong with the JSON editor’s text, and the API’s issues when it is JSON', async () => {
    const { id } = await definitionWithDraft();
    const who = await owner();
    const broken = await post(`/console/process/${id}/versions/2/edit`, who, { form: 'json', content: '{ "stages": ', action: 'validate' });
    expect(broken.status).toBe(400);
    expect(await broken.text()).toContain('This is not JSON');
    const wrong = await post(`/console/process/${id}/versions/2/edit`, who, { form: 'json', content: JSON.stringify({ calendarId: 'XX' }), action: 'save' });
    expect(wrong.status).toBe(400);
    const html = await wrong.text();
    expect(html).toContain('data-path="calendarId"');
    expect(html).toContain('data-path="stages"');
  });

  it('publish a draft, and show the API’s refusal at its path when publishing is refused', async () => {
    // Answer deadlines longer than a customer's link lives: valid content, refused at publishing.
    const { id, api } = await definitionWithDraft((d) => (d.acceptance.answerDeadline = { workingDays: 200 }));
    const who = await owner();
    const noNote = await post(`/console/process/${id}/versions/2/publish`, who, { changeNote: ' ' });
    expect(noNote.status).toBe(400);
    expect(await noNote.text()).toMatch(/id="changeNote-error"/);
    const refused = await post(`/console/process/${id}/versions/2/publish`, who, { changeNote: 'Longer answers.' });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('Not published');
    expect(html).toContain('data-path="acceptance.answerDeadline"');
    expect(html).toContain('Longer answers.'); // the note is kept for the next try
    expect((await api.version(id, 2)).status).toBe('draft');

    const fixed = await api.version(id, 2);
    fixed.content.acceptance.answerDeadline = { workingDays: 5 };
    await api.ok(api.replace(id, 2, fixed.content));
    const published = await post(`/console/process/${id}/versions/2/publish`, who, { changeNote: 'Five days to answer.' });
    expect(published.status).toBe(303);
    const after = await page(published.headers.get('location')!, who);
    expect(await after.text()).toContain('The version is published');
    expect(await api.version(id, 2)).toMatchObject({ status: 'published', changeNote: 'Five days to answer.' });
  });

  it('compare two versions in the API’s sentences', async () => {
    const { id } = await definitionWithDraft((d) => (d.stages.investigation.deadline = hoursOf(5)));
    const res = await page(`/console/process/${id}/diff?from=1&to=2`, await owner());
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<code>stages.investigation.deadline</code>');
    expect(html).toMatch(/investigation deadline changes from 1 working hour to 5 working hours/i);
  });

  it('simulate one path and show its stage clocks', async () => {
    const { id } = await definitionWithDraft();
    const res = await post(`/console/process/${id}/versions/1/simulate`, await owner(), {
      receivedAt: '2026-03-02T10:00:00+03:00',
      events: JSON.stringify([{ kind: 'decision', at: '2026-03-02T10:30:00+03:00', decision: { type: 'classify', category: 'product_defect', product: 'WM-8000', severity: 'high', department: 'after_sales' } }]),
      until: '2026-03-05T10:00:00+03:00',
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('id="simulation-stages"');
    expect(html).toMatch(/<th scope="row">Acknowledgement<\/th>/);
    expect(html).toMatch(/<th scope="row">Investigation<\/th>/);
    const bad = await post(`/console/process/${id}/versions/1/simulate`, await owner(), { receivedAt: 'yesterday', events: '[]', until: '' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/data-path="receivedAt"[\s\S]*id="sim-receivedAt-error"/);
  });

  it('are refused to agents, with a page', async () => {
    const { id } = await definitionWithDraft();
    const agent = await signedInCookie(env.sql, await aStaffPerson(env.sql, { roles: ['agent'] }));
    for (const path of ['/console/process', `/console/process/${id}/versions/1`, `/console/process/${id}/versions/2/edit`, '/console/calendars', '/console/calendars/TR']) {
      const res = await page(path, agent);
      expect(res.status, path).toBe(403);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    }
    const publish = await post(`/console/process/${id}/versions/2/publish`, agent, { changeNote: 'Sneaky.' });
    expect(publish.status).toBe(403);
  });
});

describe('the calendar pages', () => {
  it('show a year month by month, holidays and half days in words', async () => {
    const res = await page('/console/calendars/TR?year=2026', await owner());
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/data-date="2026-03-20" data-kind="holiday"[\s\S]{0,400}Holiday<\/span>: Ramazan Bayramı/);
    expect(html).toMatch(/data-date="2026-03-19" data-kind="halfDay"[\s\S]{0,400}Half day, work ends at 13:00/);
    expect(html).toContain('href="/console/calendars/TR?year=2027"');
  });

  it('let supervisors read but not change them', async () => {
    const supervisor = await signedInCookie(env.sql, await aStaffPerson(env.sql, { roles: ['supervisor'] }));
    const res = await page('/console/calendars/AZ?year=2034', supervisor);
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain('id="add-override"');
    expect((await post('/console/calendars/AZ/overrides/add', supervisor, { kind: 'closed', date: '2034-06-02', name: 'X', changeNote: 'x' })).status).toBe(403);
  });

  it('add an override through the API, with its refusals beside the fields, and remove it', async () => {
    // AZ in 2034; the override is removed again at the end.
    const who = await owner();
    const closedSunday = await post('/console/calendars/AZ/overrides/add', who, { kind: 'closed', date: '2034-06-04', name: 'Bridge', changeNote: 'Closed', year: '2034' });
    expect(closedSunday.status).toBe(400);
    expect(await closedSunday.text()).toMatch(/id="ov-date"[^>]*aria-invalid="true"[\s\S]*id="ov-date-error"/);

    const added = await post('/console/calendars/AZ/overrides/add', who, { kind: 'closed', date: '2034-06-02', name: 'Bridge day', changeNote: 'Company closure', year: '2034' });
    expect(added.status).toBe(303);
    const html = await (await page(added.headers.get('location')!, who)).text();
    expect(html).toContain('The overrides are stored as a new version.');
    expect(html).toMatch(/data-date="2034-06-02" data-kind="closed"[\s\S]{0,300}Closed<\/span>: Bridge day[\s\S]{0,80}override/);

    const version = html.match(/name="baseVersion" value="(\d+)"/)![1]!;
    // Other test files store AZ overrides of their own in the same database: remove ours by its own index.
    const index = html.match(/2034-06-02[^<]*Bridge day<form[\s\S]*?name="index" value="(\d+)"/)![1]!;
    const removed = await post('/console/calendars/AZ/overrides/remove', who, { kind: 'exception', index, baseVersion: version, changeNote: 'Not closing after all', year: '2034' });
    expect(removed.status).toBe(303);
    expect(await (await page('/console/calendars/AZ?year=2034', who)).text()).not.toContain('data-date="2034-06-02"');
  });
});
