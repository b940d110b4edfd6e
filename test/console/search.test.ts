// The search page over HTTP on the real servers: every filter reaches GET /v1/complaints, its
// refusals show beside the fields, the cursor pages on, a search saves as a personal queue only
// once the API takes it, bulk actions decide complaint by complaint with one audit row, and
// auditors read without bulk controls; a process owner gets the 403 page.
import { describe, expect, it } from 'vitest';
import { complaintDriver, type FiledComplaint } from '../helpers/complaint-driver.js';
import { aStaffPerson, consolePostHeaders, signedInCookie, useConsoleApp, type ConsoleTestEnv } from '../helpers/console.js';
import { quietProcess } from '../helpers/process.js';
import { aRow, aTeam, joinTeam } from './queue-fixtures.js';

let env: ConsoleTestEnv;
useConsoleApp((ready) => (env = ready));

async function page(path: string, cookie: string) {
  const res = await env.app.request(path, { headers: { cookie } });
  return { status: res.status, html: await res.text(), res };
}
const references = (html: string) => [...html.matchAll(/<a href="\/console\/complaints\/(CMP-[0-9-]+)" data-open/g)].map((m) => m[1]);
const post = async (path: string, signedIn: Awaited<ReturnType<typeof signedInCookie>>, fields: [string, string][]) => {
  const body = new URLSearchParams([['_csrf', signedIn.csrfToken], ...fields]).toString();
  const res = await env.app.request(path, { method: 'POST', headers: consolePostHeaders(signedIn), body });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
};

describe('the search page', () => {
  it('sends every filter to the API, several values folded into one, and shows what matched with its total', async () => {
    const { team } = await aTeam(env.sql, 'filters');
    const agent = await aStaffPerson(env.sql, { roles: ['agent'] });
    const high = await aRow(env.sql, { team, severity: 'high', category: 'billing', subject: 'Refund never arrived' });
    const critical = await aRow(env.sql, { team, severity: 'critical', category: 'billing', assignee: agent.id });
    await aRow(env.sql, { team, severity: 'low', category: 'billing' });
    await aRow(env.sql, { team, severity: 'high', category: 'delivery' });
    const { cookie } = await signedInCookie(env.sql, agent);

    const both = await page(`/console/complaints?team=${team}&severity=high&severity=critical&category=billing`, cookie);
    expect(both.status).toBe(200);
    expect(references(both.html).sort()).toEqual([high.reference, critical.reference].sort());
    expect(both.html).toContain('2 complaints match');
    expect(both.html).toMatch(/name="severity" value="high" id="f-severity-high" checked/);
    expect(both.html).toContain('Refund never arrived');

    const mine = await page(`/console/complaints?team=${team}&assignee=me`, cookie);
    expect(references(mine.html)).toEqual([critical.reference]);
    expect(mine.html).toMatch(/value="me" id="f-assignee-me" checked/);

    const none = await page(`/console/complaints?team=${team}&q=${encodeURIComponent('nothing like this')}&atRisk=true&breached=false&channel=letter&receivedFrom=2020-01-01&receivedTo=2030-01-01`, cookie);
    expect(none.status).toBe(200);
    expect(none.html).toContain('No complaint matches these filters.');
  });

  it('shows the API’s refusals beside the fields they name, with a summary linking to them', async () => {
    const agent = await aStaffPerson(env.sql, { roles: ['agent'] });
    const { cookie } = await signedInCookie(env.sql, agent);
    const res = await page('/console/complaints?receivedFrom=2026-03-05&receivedTo=2026-03-01', cookie);
    expect(res.status).toBe(400);
    expect(res.html).toMatch(/<input type="date" id="f-receivedFrom" name="receivedFrom" value="2026-03-05" aria-invalid="true" aria-describedby="search-receivedFrom-error"/);
    expect(res.html).toMatch(/<p class="field-error" id="search-receivedFrom-error">must be before receivedTo<\/p>/);
    expect(res.html).toContain('href="#f-receivedFrom"');
    expect(res.html).not.toContain('id="results-heading"');
    expect(res.html).not.toContain('save-queue'); // a refused search is not offered for saving
    const status = await page('/console/complaints?status=received&status=bogus', cookie);
    expect(status.html).toMatch(/<fieldset class="choices" aria-describedby="search-status-error"><legend>Status<\/legend><p class="field-error" id="search-status-error">&quot;bogus&quot;: expected one of/);
    expect(status.html).toMatch(/value="received" id="f-status-received" checked/);
  });

  it('pages on with the API’s cursor and back to the first page', async () => {
    const { team } = await aTeam(env.sql, 'pages');
    for (let i = 0; i < 27; i++) await aRow(env.sql, { team, receivedAt: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString() });
    const agent = await aStaffPerson(env.sql, { roles: ['agent'] });
    const { cookie } = await signedInCookie(env.sql, agent);
    const first = await page(`/console/complaints?team=${team}`, cookie);
    expect(references(first.html)).toHaveLength(25);
    expect(first.html).toContain('27 complaints match');
    const next = first.html.match(/<a href="([^"]+)" rel="next">Next page<\/a>/)?.[1];
    expect(next).toBeDefined();
    const second = await page(next!.replaceAll('&amp;', '&'), cookie);
    expect(references(second.html)).toHaveLength(2);
    expect(second.html).not.toContain('rel="next"');
    expect(second.html).toContain(`href="/console/complaints?team=${team}">Back to the first page`);
    expect(new Set([...references(first.html), ...references(second.html)]).size).toBe(27);
  });

  it('saves a search as a queue only when the API takes it, under a name of the person’s own', async () => {
    const agent = await aStaffPerson(env.sql, { roles: ['agent'] });
    const signedIn = await signedInCookie(env.sql, agent);
    const saved = await post('/console/complaints/save-queue', signedIn, [['name', 'High ones'], ['query', 'severity=high&severity=critical&atRisk=true']]);
    expect(saved.status).toBe(303);
    expect(saved.location).toBe('/console/queues?saved=High%20ones#saved-queues');
    const rows = await env.sql`SELECT name, query FROM staff_saved_queues WHERE person_id = ${agent.id}`;
    expect(rows).toEqual([{ name: 'High ones', query: 'severity=high%2Ccritical&atRisk=true' }]);
    const [audit] = await env.sql`SELECT action, details FROM staff_audit_events WHERE actor_id = ${agent.id} AND action = 'saved_queue_saved'`;
    expect(audit?.details).toMatchObject({ name: 'High ones' });

    const taken = await post('/console/complaints/save-queue', signedIn, [['name', ' High ones '], ['query', 'severity=low']]);
    expect(taken.status).toBe(400);
    expect(taken.html).toContain('You already have a queue with this name.');
    const invalid = await post('/console/complaints/save-queue', signedIn, [['name', 'Broken'], ['query', 'severity=enormous']]);
    expect(invalid.status).toBe(400);
    expect(invalid.html).toContain('This search is refused by the API');
    expect(invalid.html).toContain('id="search-severity-error"');
    const blank = await post('/console/complaints/save-queue', signedIn, [['name', '  '], ['query', '']]);
    expect(blank.html).toContain('Give the queue a name.');
    expect((await env.sql`SELECT count(*)::int AS n FROM staff_saved_queues WHERE person_id = ${agent.id}`)[0]!.n).toBe(1);
  });

  it('takes a form chromium posts with Origin: null (the app’s no-referrer policy) only when Sec-Fetch-Site says same-origin', async () => {
    const agent = await aStaffPerson(env.sql, { roles: ['agent'] });
    const signedIn = await signedInCookie(env.sql, agent);
    const send = (site: string) =>
      env.app.request('/console/complaints/save-queue', {
        method: 'POST',
        headers: { ...consolePostHeaders(signedIn, 'null'), 'sec-fetch-site': site },
        body: new URLSearchParams({ _csrf: signedIn.csrfToken, name: `From ${site}`, query: '' }).toString(),
      });
    expect((await send('cross-site')).status).toBe(403);
    expect((await send('same-origin')).status).toBe(303);
    expect((await env.sql`SELECT name FROM staff_saved_queues WHERE person_id = ${agent.id}`).map((r) => r.name)).toEqual(['From same-origin']);
  });

  it('refuses a process owner with the 403 page, and an auditor reads results without bulk controls', async () => {
    const owner = await aStaffPerson(env.sql, { roles: ['process_owner'] });
    const refused = await page('/console/complaints', (await signedInCookie(env.sql, owner)).cookie);
    expect(refused.status).toBe(403);
    expect(refused.html).toContain('Not for your role');

    const { team } = await aTeam(env.sql, 'auditor');
    const one = await aRow(env.sql, { team });
    const auditor = await aStaffPerson(env.sql, { roles: ['auditor'] });
    const signedIn = await signedInCookie(env.sql, auditor);
    const read = await page(`/console/complaints?team=${team}`, signedIn.cookie);
    expect(read.status).toBe(200);
    expect(references(read.html)).toEqual([one.reference]);
    expect(read.html).toContain('your role takes no decisions');
    expect(read.html).not.toContain('name="reference"');
    expect(read.html).not.toContain('/console/complaints/bulk');
    const bulk = await post('/console/complaints/bulk', signedIn, [['reference', one.reference], ['action', 'note'], ['text', 'x']]);
    expect(bulk.status).toBe(403);
  });
});

describe('bulk actions', () => {
  let d: ReturnType<typeof complaintDriver>;
  const classified = async (department: string): Promise<FiledComplaint> => {
    const c = await d.file();
    await d.waitForStatus(c, 'acknowledged');
    await d.decideOk(c, { type: 'classify', category: 'product_defect', product: 'WM-8000', severity: 'medium', department });
    return c;
  };

  it('assigns each selected complaint through its workflow, lists what was done and refused, and audits the whole', async () => {
    d = complaintDriver(env.ctx, quietProcess());
    const { team, department } = await aTeam(env.sql, 'bulk');
    const agent = await aStaffPerson(env.sql, { roles: ['agent'] });
    await joinTeam(env.sql, team, agent.id);
    const supervisor = await aStaffPerson(env.sql, { roles: ['supervisor'] });
    const [a, b] = [await classified(department), await classified(department)];
    const closed = await classified(department);
    await d.decideOk(closed, { type: 'withdraw', reason: 'The customer called it off' });
    const signedIn = await signedInCookie(env.sql, supervisor);

    const form = await page(`/console/complaints?department=${department}`, signedIn.cookie);
    expect(form.html).toContain('Select all on this page');
    expect(form.html).toContain(`name="reference" value="${a!.reference}" form="bulk"`);

    const result = await post('/console/complaints/bulk', signedIn, [
      ['reference', a!.reference], ['reference', b!.reference], ['reference', closed.reference],
      ['action', 'assign'], ['assignee', agent.id], ['team', team], ['back', `department=${department}`],
    ]);
    expect(result.status).toBe(200);
    expect(result.html).toContain('2 done, 1 refused.');
    expect(result.html).toMatch(new RegExp(`<tr data-outcome="done"><th scope="row"><a href="/console/complaints/${a!.reference}">`));
    expect(result.html).toMatch(new RegExp(`<tr data-outcome="refused"><th scope="row"><a href="/console/complaints/${closed.reference}">[^]*?Refused: `));
    expect(result.html).toContain(`href="/console/complaints?department=${department}">Back to the search`);
    for (const c of [a!, b!]) expect((await d.status(c)).state.assignee).toBe(agent.id);

    const [audit] = await env.sql<{ actor_role: string; subject: string; details: Record<string, unknown> }[]>`
      SELECT actor_role, subject, details FROM staff_audit_events WHERE actor_id = ${supervisor.id} AND action = 'bulk_action'`;
    expect(audit).toMatchObject({ actor_role: 'supervisor', subject: 'assign' });
    expect(audit!.details).toMatchObject({ references: [a!.reference, b!.reference, closed.reference], done: 2, refused: 1, refusals: [{ reference: closed.reference }] });

    const nothing = await post('/console/complaints/bulk', signedIn, [['action', 'note'], ['text', 'x']]);
    expect(nothing.status).toBe(400);
    expect(nothing.html).toContain('Select at least one complaint.');
    const noReason = await post('/console/complaints/bulk', signedIn, [['reference', a!.reference], ['action', 'escalate'], ['reason', ' ']]);
    expect(noReason.html).toContain('Give a reason for escalating.');
  }, 60_000);
});
