// My work over HTTP on the real servers: my complaints, my teams' queues with counts and clocks,
// claim next (to the complaint's page; an empty queue and the cap as messages), release, saved
// queues kept per person (rename, delete, reorder, none of another's), and the roles it is for.
import { describe, expect, it } from 'vitest';
import { aStaffPerson, consolePostHeaders, signedInCookie, useConsoleApp, type ConsoleTestEnv, type SignedIn } from '../helpers/console.js';
import { aRow, aTeam, joinTeam } from './queue-fixtures.js';

let env: ConsoleTestEnv;
useConsoleApp((ready) => (env = ready));

async function page(path: string, cookie: string, app = env.app) {
  const res = await app.request(path, { headers: { cookie } });
  return { status: res.status, html: await res.text() };
}
async function post(path: string, signedIn: SignedIn, fields: [string, string][] = [], app = env.app) {
  const body = new URLSearchParams([['_csrf', signedIn.csrfToken], ...fields]).toString();
  const res = await app.request(path, { method: 'POST', headers: consolePostHeaders(signedIn), body });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
}
/** The HTML of one team's section. */
const section = (html: string, team: string) => html.match(new RegExp(`<section class="card team-queue"[^>]*data-team="${team}">[^]*?</section>`))?.[0] ?? '';
const references = (html: string) => [...html.matchAll(/<a href="\/console\/complaints\/(CMP-[0-9-]+)" data-open/g)].map((m) => m[1]);

describe('My work', () => {
  it('lists my open complaints and a section per team of mine with its count, at-risk and breached, first in fair order', async () => {
    const { team } = await aTeam(env.sql, 'mine');
    const other = await aTeam(env.sql, 'not-mine');
    const agent = await aStaffPerson(env.sql, { roles: ['agent'] });
    await joinTeam(env.sql, team, agent.id);
    const critical = await aRow(env.sql, { team, severity: 'critical', subject: 'Burnt cable', clock: { warningIn: -10, deadlineIn: 30 } });
    const breached = await aRow(env.sql, { team, severity: 'high', clock: { warningIn: -120, deadlineIn: -5 } });
    for (let i = 0; i < 4; i++) await aRow(env.sql, { team, severity: 'low', clock: { warningIn: 600, deadlineIn: 900 } });
    await aRow(env.sql, { team: other.team });
    const assigned = await aRow(env.sql, { team, assignee: agent.id, subject: 'Mine to do' });
    await aRow(env.sql, { team, assignee: agent.id, status: 'closed' });

    const { status, html } = await page('/console/queues', (await signedInCookie(env.sql, agent)).cookie);
    expect(status).toBe(200);
    expect(html).toContain('1 open complaint is yours.');
    expect(html).toContain('Mine to do');
    const ours = section(html, team);
    expect(ours).toContain('<strong>6 waiting</strong>');
    expect(ours).toMatch(/data-count="6" data-at-risk="1" data-breached="1"/);
    expect(ours).toContain('1 at risk');
    expect(references(ours)).toHaveLength(5);
    expect(references(ours).slice(0, 2)).toEqual([critical.reference, breached.reference]);
    expect(ours).toContain('<span class="clock clock-warning" data-clock="warning">');
    expect(ours).toContain('<span class="clock clock-breached" data-clock="breached">');
    expect(html).not.toContain(`data-team="${other.team}"`);
    expect(references(html)).toContain(assigned.reference);

    // Supervisors see every team's queue, member or not.
    const supervisor = await aStaffPerson(env.sql, { roles: ['supervisor'] });
    const all = await page('/console/queues', (await signedInCookie(env.sql, supervisor)).cookie);
    expect(all.html).toContain(`data-team="${other.team}"`);
    expect(all.html).toContain(`data-team="${team}"`);
  });

  it('counts the whole queue, past the first hundred, and lists only the first five', async () => {
    const { team } = await aTeam(env.sql, 'long');
    const agent = await aStaffPerson(env.sql, { roles: ['agent'] });
    await joinTeam(env.sql, team, agent.id);
    for (let i = 0; i < 3; i++) await aRow(env.sql, { team, severity: 'high', clock: { warningIn: -120, deadlineIn: -5 } });
    await env.sql`
      INSERT INTO complaints (id, reference, channel, status, customer_name, customer_locale, subject, description, pin_hash, received_at, recorded_at, team, severity)
      SELECT gen_random_uuid(), 'CMP-1997-' || lpad((floor(random() * 1e6)::int * 1000 + i)::text, 10, '0'), 'web', 'investigating', 'A. Customer', 'tr',
        'Subject', 'A description', 'x', now(), now(), ${team}, 'low'
      FROM generate_series(1, 140) i`;

    const ours = section((await page('/console/queues', (await signedInCookie(env.sql, agent)).cookie)).html, team);
    expect(ours).toContain('<strong>143 waiting</strong>');
    expect(ours).toMatch(/data-count="143" data-at-risk="0" data-breached="3"/);
    expect(ours).toContain('3 breached');
    expect(references(ours)).toHaveLength(5);
  });

  it('claims next into the complaint’s page, shows an empty queue and the cap as messages, and releases', async () => {
    const { team } = await aTeam(env.sql, 'claim');
    const agent = await aStaffPerson(env.sql, { roles: ['agent'] });
    await joinTeam(env.sql, team, agent.id);
    const first = await aRow(env.sql, { team, severity: 'critical' });
    const second = await aRow(env.sql, { team, severity: 'low' });
    const signedIn = await signedInCookie(env.sql, agent);

    const claimed = await post(`/console/queues/${team}/claim`, signedIn);
    expect(claimed.status).toBe(303);
    expect(claimed.location).toBe(`/console/complaints/${first.reference}`);
    const work = await page('/console/queues', signedIn.cookie);
    expect(work.html).toMatch(new RegExp(`<a href="/console/complaints/${first.reference}" data-open="true">${first.reference}</a></th><td>${team}</td>`));
    expect(references(section(work.html, team))).toEqual([second.reference]);

    // With a cap of one live claim, the second claim is refused in words.
    const capped = env.ctx.app({ maxLiveClaims: 1 });
    const cap = await post(`/console/queues/${team}/claim`, signedIn, [], capped);
    expect(cap.status).toBe(409);
    expect(cap.html).toContain('You already hold the most live claims allowed (1)');

    const released = await post(`/console/queues/${team}/release`, signedIn, [['reference', first.reference]]);
    expect(released.status).toBe(303);
    expect(released.location).toBe(`/console/queues?released=${first.reference}`);
    expect((await page(released.location!, signedIn.cookie)).html).toContain(`${first.reference} went back to its queue.`);

    await post(`/console/queues/${team}/claim`, signedIn);
    await post(`/console/queues/${team}/claim`, signedIn);
    const empty = await post(`/console/queues/${team}/claim`, signedIn);
    expect(empty.status).toBe(409);
    expect(empty.html).toContain(`The queue of ${team} has nothing to claim.`);
  });

  it('keeps saved queues per person: counts, rename, reorder, delete, and nothing of someone else’s', async () => {
    const { team } = await aTeam(env.sql, 'saved');
    await aRow(env.sql, { team, severity: 'high' });
    await aRow(env.sql, { team, severity: 'high' });
    await aRow(env.sql, { team, severity: 'low' });
    const agent = await aStaffPerson(env.sql, { roles: ['agent'] });
    const other = await aStaffPerson(env.sql, { roles: ['agent'] });
    const mine = await signedInCookie(env.sql, agent);
    const theirs = await signedInCookie(env.sql, other);
    for (const [name, query] of [['High', `team=${team}&severity=high`], ['Everything', `team=${team}`], ['Low', `team=${team}&severity=low`]]) {
      expect((await post('/console/complaints/save-queue', mine, [['name', name!], ['query', query!]])).status).toBe(303);
    }
    const names = async (cookie: string) => [...(await page('/console/queues', cookie)).html.matchAll(/data-saved-queue="([^"]+)"/g)].map((m) => m[1]);
    const work = await page('/console/queues?saved=Low', mine.cookie);
    expect(work.html).toContain('The queue Low was saved.');
    expect(await names(mine.cookie)).toEqual(['High', 'Everything', 'Low']);
    expect(work.html).toMatch(new RegExp(`<a href="/console/complaints\\?severity=high&amp;team=${team}" data-open="true">High</a></th><td>2 complaints</td>`));
    expect(work.html).toMatch(/data-open="true">Everything<\/a><\/th><td>3 complaints<\/td>/);

    const [high, everything, low] = await env.sql<{ id: string }[]>`SELECT id FROM staff_saved_queues WHERE person_id = ${agent.id} ORDER BY position`;
    expect((await post(`/console/queues/saved/${low!.id}/up`, mine)).status).toBe(303);
    expect(await names(mine.cookie)).toEqual(['High', 'Low', 'Everything']);
    await post(`/console/queues/saved/${high!.id}/down`, mine);
    expect(await names(mine.cookie)).toEqual(['Low', 'High', 'Everything']);

    const renamed = await post(`/console/queues/saved/${everything!.id}/rename`, mine, [['name', 'All of the team']]);
    expect(renamed.location).toBe('/console/queues?renamed=All+of+the+team#saved-queues');
    const clash = await post(`/console/queues/saved/${everything!.id}/rename`, mine, [['name', 'Low']]);
    expect(clash.html).toContain('You already have a queue with this name.');

    // Another person sees none of them and changes none of them.
    expect(await names(theirs.cookie)).toEqual([]);
    for (const action of ['delete', 'up', 'down']) {
      const refused = await post(`/console/queues/saved/${high!.id}/${action}`, theirs);
      expect(refused.html).toContain('No such queue of yours.');
    }
    expect((await post(`/console/queues/saved/${high!.id}/rename`, theirs, [['name', 'Taken over']])).html).toContain('No such queue of yours.');
    expect(await names(mine.cookie)).toEqual(['Low', 'High', 'All of the team']);

    const deleted = await post(`/console/queues/saved/${high!.id}/delete`, mine);
    expect(deleted.location).toBe('/console/queues?deleted=High#saved-queues');
    expect(await names(mine.cookie)).toEqual(['Low', 'All of the team']);
    const audit = await env.sql`SELECT action FROM staff_audit_events WHERE actor_id = ${agent.id} AND action LIKE 'saved_queue_%' ORDER BY id`;
    expect(audit.map((r) => r.action)).toEqual(['saved_queue_saved', 'saved_queue_saved', 'saved_queue_saved', 'saved_queue_renamed', 'saved_queue_deleted']);
  });

  it('speaks the staff member’s language', async () => {
    const { team } = await aTeam(env.sql, 'turkish');
    const agent = await aStaffPerson(env.sql, { roles: ['agent'], language: 'tr' });
    await joinTeam(env.sql, team, agent.id);
    await aRow(env.sql, { team, severity: 'high', clock: { warningIn: -5, deadlineIn: 60 } });
    const { html } = await page('/console/queues', (await signedInCookie(env.sql, agent)).cookie);
    expect(html).toContain('<html lang="tr">');
    expect(html).toContain('<h1>İşlerim</h1>');
    expect(section(html, team)).toContain('<strong>1 bekliyor</strong> · <span class="clock-warning">1 riskte</span>');
    expect(section(html, team)).toContain('Sıradakini üstlen');
    expect(section(html, team)).toContain('Yüksek');
  });

  it('is for agents, supervisors and admins: a process owner and an auditor get the 403 page', async () => {
    for (const role of ['process_owner', 'auditor'] as const) {
      const person = await aStaffPerson(env.sql, { roles: [role] });
      const signedIn = await signedInCookie(env.sql, person);
      const res = await page('/console/queues', signedIn.cookie);
      expect(res.status).toBe(403);
      expect(res.html).toContain('Not for your role');
      expect((await post('/console/queues/some-team/claim', signedIn)).status).toBe(403);
    }
  });
});
