// The complaint page over HTTP, against the real database and a running worker: it offers a form
// for exactly the decisions the workflow allows the session's role, a posted form reaches the
// workflow and the timeline, a refusal comes back beside the fields with the values kept, a stale
// page is told so, an auditor takes nothing and reads the customer masked (in the API too), and
// two people on one complaint see each other.
import { describe, expect, it } from 'vitest';
import type { ComplaintView } from '../../api/staff/complaints.schemas.js';
import { postgresAttachmentStore } from '../../read-model/attachments.js';
import { aComplaint } from '../helpers/fixtures.js';
import { bearer, eventually } from '../helpers/integration.js';
import { aStaffPerson, consolePostHeaders, signedInCookie, useConsoleApp, type ConsoleTestEnv, type SignedIn } from '../helpers/console.js';

let env: ConsoleTestEnv;
useConsoleApp((ready) => (env = ready));

async function file(): Promise<{ id: string; reference: string }> {
  const res = await env.app.request('/v1/complaints', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(aComplaint({ customer: { name: 'Ayşe Yılmaz', email: 'ayse.yilmaz@example.com', phone: '+90 532 000 00 17', locale: 'tr', country: 'TR', postalAddress: 'Atatürk Bulvarı 5\n06420 Ankara' } })) });
  expect(res.status).toBe(201);
  return res.json() as never;
}

async function apiView(reference: string, role: 'agent' | 'auditor' = 'agent'): Promise<ComplaintView> {
  const res = await env.app.request(`/v1/complaints/${reference}`, { headers: bearer(role) });
  expect(res.status).toBe(200);
  return res.json() as never;
}

/**
 * Waits until agents may take `decision` and the read model holds every transition the workflow
 * made (a page opened mid-transition carries an ETag the workflow has already passed: a 412).
 */
const ready = (reference: string, decision = 'classify') =>
  eventually(async () => {
    const view = await apiView(reference);
    // The acknowledgement goes out on its own a moment after intake: wait for it too.
    if (!view.allowedDecisions?.includes(decision as never) || view.acknowledgedAt === null) return undefined;
    const { seq } = await env.ctx.client.workflow.getHandle(view.id).query<{ seq: number }>('status');
    return seq === view.seq ? view : undefined;
  }, 20_000);

const open = (reference: string, signedIn: SignedIn, path = '') => env.app.request(`/console/complaints/${reference}${path}`, { headers: { cookie: signedIn.cookie } });

const post = (reference: string, type: string, signedIn: SignedIn, fields: Record<string, string>) =>
  env.app.request(`/console/complaints/${reference}/decisions/${type}`, {
    method: 'POST',
    headers: consolePostHeaders(signedIn),
    body: new URLSearchParams({ _csrf: signedIn.csrfToken, ...fields }).toString(),
  });

/** The decision types of the forms a page shows. */
const formsOf = (html: string) => [...html.matchAll(/<form method="post" action="\/console\/complaints\/[^/]+\/decisions\/([a-z_]+)"/g)].map((m) => m[1]);
const etagOf = (html: string) => html.match(/name="_etag" value="([^"]+)"/)?.[1]?.replace(/&quot;/g, '"');

describe('the complaint page', () => {
  it('shows a form for exactly the decisions the workflow allows the role, and none to an auditor', async () => {
    const filed = await file();
    const view = await ready(filed.reference);
    const agent = await signedInCookie(env.sql, await aStaffPerson(env.sql, { roles: ['agent'] }));
    const page = await open(filed.reference, agent);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(formsOf(html)).toEqual(view.allowedDecisions);
    expect(html).toContain('id="decide-classify-severity"');
    expect(html).toContain('<option value="critical">Critical</option>');

    const auditor = await signedInCookie(env.sql, await aStaffPerson(env.sql, { roles: ['auditor'] }));
    const audited = await (await open(filed.reference, auditor)).text();
    expect(formsOf(audited)).toEqual([]);
    expect(audited).toContain('Your role takes no decisions on this complaint now.');
    expect(audited).not.toContain('name="_etag"');

    const owner = await signedInCookie(env.sql, await aStaffPerson(env.sql, { roles: ['process_owner'] }));
    const refused = await open(filed.reference, owner);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('Not for your role');
  });

  it('takes a posted decision through the workflow onto the timeline, and redirects back with a notice', async () => {
    const filed = await file();
    await ready(filed.reference);
    const person = await aStaffPerson(env.sql, { roles: ['agent'], name: 'Deniz Kaya' });
    const agent = await signedInCookie(env.sql, person);
    const etag = etagOf(await (await open(filed.reference, agent)).text());
    expect(etag).toMatch(/^"\d+"$/);
    // A category of the complaint form's list (a near one would be asked about first: see below).
    const res = await post(filed.reference, 'classify', agent, { _etag: etag!, category: 'product-defect', product: 'WM-8000', severity: 'high', department: 'after_sales' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/console/complaints/${filed.reference}?done=classify#decisions`);

    const view = await apiView(filed.reference);
    expect(view).toMatchObject({ category: 'product-defect', product: 'WM-8000', severity: 'high' });
    const events = (await (await env.app.request(`/v1/complaints/${filed.reference}/events`, { headers: bearer('agent') })).json()) as { type: string; actor: { id: string } }[];
    expect(events.find((e) => e.type === 'classify')?.actor.id).toBe(person.id);

    const html = await (await open(filed.reference, agent, '?done=classify')).text();
    expect(html).toContain('Done: Classify.');
    expect(html).toMatch(/<li data-event="classify"><p><strong>Classified<\/strong> <span class="muted">Deniz Kaya \(Agent\)/);
    expect(html).toContain('WM-8000');
  });

  it('shows the possible duplicates, offers link_repeat with the customer’s closed complaint suggested, and then the repeat', async () => {
    const earlier = await file();
    await ready(earlier.reference);
    const withdrawn = await env.app.request(`/v1/complaints/${earlier.reference}/decisions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer('agent') },
      body: JSON.stringify({ type: 'withdraw', reason: 'Solved with the dealer.' }),
    });
    expect(withdrawn.status).toBe(200);
    await eventually(async () => ((await apiView(earlier.reference)).status === 'closed' ? true : undefined), 20_000);
    const filed = await file();
    await ready(filed.reference, 'link_repeat');
    const agent = await signedInCookie(env.sql, await aStaffPerson(env.sql, { roles: ['agent'], name: 'Selin Aksoy' }));
    const page = await (await open(filed.reference, agent)).text();
    expect(page).toContain('<h2 id="duplicates-title">Possible duplicates</h2>');
    // The latest first: the complaint just withdrawn, the same customer with the same text.
    expect(page).toMatch(new RegExp(`<tr data-duplicate="${earlier.reference}"><td><a href="/console/complaints/${earlier.reference}">[^]*?Same customer, similar text</td><td>100%</td>`));
    expect(formsOf(page)).toContain('link_repeat');
    expect(page).toMatch(new RegExp(`<datalist id="decide-link_repeat-repeatOf-list"><option value="${earlier.reference}">`));

    const res = await post(filed.reference, 'link_repeat', agent, { _etag: etagOf(page)!, repeatOf: earlier.reference });
    expect(res.status).toBe(303);
    const linked = await (await open(filed.reference, agent, '?done=link_repeat')).text();
    expect(linked).toContain('Done: Link as a repeat.');
    expect(linked).toContain('<h2 id="repeat-title">Repeat of an earlier complaint</h2>');
    expect(linked).toMatch(new RegExp(`This complaint repeats ${earlier.reference}, linked by Selin Aksoy on `));
    expect(linked).toContain('<strong>Linked as a repeat</strong>');
    // An auditor reads the same, with the other complaint's contact masked as the customer card is.
    const auditor = await signedInCookie(env.sql, await aStaffPerson(env.sql, { roles: ['auditor'] }));
    const audited = await (await open(filed.reference, auditor)).text();
    expect(audited).toContain(`data-duplicate="${earlier.reference}"`);
    expect(audited).not.toContain('ayse.yilmaz@example.com');
    expect(audited).toContain('a•••@e•••.com');
  });

  it('offers the known categories and products, asks about one almost known, and files a new one when told to', async () => {
    const filed = await file();
    await ready(filed.reference);
    const agent = await signedInCookie(env.sql, await aStaffPerson(env.sql, { roles: ['agent'] }));
    const html = await (await open(filed.reference, agent)).text();
    // The complaint form's list, with its labels, as suggestions of a field that still takes any text.
    expect(html).toMatch(/<input id="decide-classify-category" name="category" aria-describedby="decide-classify-category-hint" required="" type="text" value="" maxlength="100" list="decide-classify-category-list"/);
    expect(html).toMatch(/<datalist id="decide-classify-category-list"><option value="product-defect">A faulty product · /);
    expect(html).toContain('<option value="washing-machine">');

    // "Repair_Service" is the list's repair-service but for case and separator: asked, not sent. (Not product-defect:
    // other files of a full run classify complaints as product_defect, which would then be the nearer value in use.)
    const asked = await post(filed.reference, 'classify', agent, { category: 'Repair_Service', product: 'WM-8000', severity: 'high', department: 'after_sales' });
    expect(asked.status).toBe(400);
    const page = await asked.text();
    expect(page).toMatch(/<p class="field-error" id="decide-classify-category-error">“Repair_Service” is not a category in use; did you mean “repair-service”\?/);
    expect(page).toContain('href="#decide-classify-category"');
    expect(page).toContain('<label class="check" for="decide-classify-category-new"><input type="checkbox" id="decide-classify-category-new" name="_new.category" value="yes"/>File “Repair_Service” as a new category</label>');
    expect(page).toContain('value="Repair_Service"');
    expect(page).not.toContain('decide-classify-product-error'); // WM-8000 is like no known product: a new one, not a slip
    expect((await apiView(filed.reference)).category).toBeNull();

    // Ticked: filed as typed.
    const confirmed = await post(filed.reference, 'classify', agent, { category: 'Repair_Service', '_new.category': 'yes', product: 'WM-8000', severity: 'high', department: 'after_sales' });
    expect(confirmed.status).toBe(303);
    expect(await apiView(filed.reference)).toMatchObject({ category: 'Repair_Service', product: 'WM-8000' });
  });

  it('puts the API’s refusal beside the fields, keeping what was typed', async () => {
    const filed = await file();
    await ready(filed.reference);
    const agent = await signedInCookie(env.sql, await aStaffPerson(env.sql, { roles: ['agent'] }));
    const res = await post(filed.reference, 'classify', agent, { category: '   ', product: 'WM-8000 çamaşır makinesi', severity: 'urgent' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('2 fields need fixing');
    expect(html).toMatch(/<input id="decide-classify-category" name="category" aria-invalid="true" aria-describedby="decide-classify-category-hint decide-classify-category-error"/);
    expect(html).toMatch(/<p class="field-error" id="decide-classify-category-error">[^<]*blank/);
    expect(html).toContain('id="decide-classify-severity-error"');
    expect(html).toContain('href="#decide-classify-severity"');
    expect(html).toContain('value="WM-8000 çamaşır makinesi"');
    // The other forms carry no errors.
    expect(html).not.toContain('decide-note-text-error');
  });

  it('refuses a decision on a page the complaint has moved on from (412), showing it as it is now', async () => {
    const filed = await file();
    await ready(filed.reference);
    const agent = await signedInCookie(env.sql, await aStaffPerson(env.sql, { roles: ['agent'] }));
    const etag = etagOf(await (await open(filed.reference, agent)).text())!;
    const note = await post(filed.reference, 'note', agent, { _etag: etag, text: 'Called the customer.' });
    expect(note.status).toBe(303);
    const stale = await post(filed.reference, 'escalate', agent, { _etag: etag, reason: 'Customer is a repeat complainant.' });
    expect(stale.status).toBe(412);
    const html = await stale.text();
    expect(html).toContain('This complaint changed since you opened it');
    expect(html).toContain('Called the customer.'); // the fresh page: the note is there
    expect(etagOf(html)).not.toBe(etag);
    const events = (await (await env.app.request(`/v1/complaints/${filed.reference}/events`, { headers: bearer('agent') })).json()) as { type: string }[];
    expect(events.map((e) => e.type)).not.toContain('escalate');
  });

  it('takes a form chromium posts with `Origin: null` from our page (Sec-Fetch-Site same-origin), not one from elsewhere', async () => {
    const filed = await file();
    await ready(filed.reference, 'note');
    const agent = await signedInCookie(env.sql, await aStaffPerson(env.sql, { roles: ['agent'] }));
    const send = (site: string) =>
      env.app.request(`/console/complaints/${filed.reference}/decisions/note`, {
        method: 'POST',
        headers: { ...consolePostHeaders(agent), origin: 'null', 'sec-fetch-site': site },
        body: new URLSearchParams({ _csrf: agent.csrfToken, text: `Sent from a ${site} page.` }).toString(),
      });
    expect((await send('cross-site')).status).toBe(403);
    expect((await send('same-origin')).status).toBe(303);
  });

  it('refuses an auditor’s hand-made post in the API, and says so', async () => {
    const filed = await file();
    await ready(filed.reference);
    const auditor = await signedInCookie(env.sql, await aStaffPerson(env.sql, { roles: ['auditor'] }));
    const res = await post(filed.reference, 'note', auditor, { text: 'I was here.' });
    expect(res.status).toBe(403);
    // The access matrix refuses the role before the form is read (api/http/access-matrix.ts), so the page
    // carries the matrix's refusal in its alert rather than the decision's own wording.
    expect(await res.text()).toContain('<div class="form-errors" role="alert"><p>Refused: Role &#39;auditor&#39; may not do this</p></div>');
    const events = (await (await env.app.request(`/v1/complaints/${filed.reference}/events`, { headers: bearer('agent') })).json()) as { type: string }[];
    expect(events.map((e) => e.type)).not.toContain('note');
  });

  it('masks the customer’s contact for an auditor, in the API and on the page', async () => {
    const filed = await file();
    await ready(filed.reference);
    expect((await apiView(filed.reference, 'agent')).customer).toMatchObject({ email: 'ayse.yilmaz@example.com', phone: '+90 532 000 00 17', masked: false });
    const audited = await apiView(filed.reference, 'auditor');
    expect(audited.customer).toMatchObject({ name: 'Ayşe Yılmaz', email: 'a•••@e•••.com', phone: '•••17', postalAddress: '•••', masked: true });
    const list = (await (await env.app.request(`/v1/complaints?limit=100`, { headers: bearer('auditor') })).json()) as { items: ComplaintView[] };
    const listed = list.items.find((i) => i.reference === filed.reference)!;
    expect(listed.customer).toMatchObject({ email: 'a•••@e•••.com', masked: true });
    const messages = (await (await env.app.request(`/v1/complaints/${filed.reference}/messages`, { headers: bearer('auditor') })).json()) as { audience: string; recipient: string }[];
    for (const m of messages.filter((x) => x.audience === 'customer')) expect(m.recipient).not.toMatch(/ayse\.yilmaz|532 000/);

    const auditor = await signedInCookie(env.sql, await aStaffPerson(env.sql, { roles: ['auditor'] }));
    const html = await (await open(filed.reference, auditor)).text();
    expect(html).not.toContain('ayse.yilmaz@example.com');
    expect(html).not.toContain('Atatürk Bulvarı');
    expect(html).toContain('a•••@e•••.com');
    expect(html).toContain('Contact details are masked for your role.');
    const agent = await signedInCookie(env.sql, await aStaffPerson(env.sql, { roles: ['agent'] }));
    expect(await (await open(filed.reference, agent)).text()).toContain('ayse.yilmaz@example.com');
  });

  it('shows a migration on the timeline, leaving out the deadlines the complaint does not have', async () => {
    const filed = await file();
    await ready(filed.reference);
    // As a plan records it for a complaint in its initial review: no answer, question or breach to move.
    const record = {
      migrationId: '6f0c8f3e-2d7a-4c1b-9a55-0b7f3b1d2e4a', from: 'iso-10002-default@1', to: 'iso-10002-default@2', stage: 'initialReview', rule: 'keep',
      deadline: { old: '2026-12-04T06:00:00.000Z', new: '2026-12-04T06:00:00.000Z' }, warningAt: { old: null, new: null },
      answerDeadline: { old: null, new: null }, infoDeadline: { old: null, new: null }, progressUpdateAt: { old: null, new: null },
      guarded: [], breached: false, escalationLevel: { old: 'assignee', new: 'assignee' },
    };
    await env.sql`INSERT INTO complaint_events (complaint_id, seq, type, actor_id, actor_role, occurred_at, data)
                  VALUES (${filed.id}, 1000, 'process_migrated', 'owner-1', 'process_owner', now(), ${env.sql.json(record)})`;
    const agent = await signedInCookie(env.sql, await aStaffPerson(env.sql, { roles: ['agent'] }));
    const page = await open(filed.reference, agent);
    expect(page.status).toBe(200);
    const html = await page.text();
    const migrated = html.slice(html.indexOf('data-event="process_migrated"'));
    expect(migrated).toContain('Moved to another process version');
    expect(migrated).toContain('iso-10002-default@2');
    expect(migrated.slice(0, migrated.indexOf('</li>'))).not.toMatch(/answerDeadline|infoDeadline|guarded/);
  });

  it('shows two people on one complaint to each other, and drops one who left', async () => {
    const filed = await file();
    const ada = await aStaffPerson(env.sql, { roles: ['agent'], name: 'Ada Demir' });
    const can = await aStaffPerson(env.sql, { roles: ['supervisor'], name: 'Can Öz' });
    const adaIn = await signedInCookie(env.sql, ada);
    const canIn = await signedInCookie(env.sql, can);
    expect(await (await open(filed.reference, adaIn)).text()).toContain('Nobody else has this complaint open.');
    const canPage = await (await open(filed.reference, canIn)).text();
    expect(canPage).toContain('<strong class="viewer">Ada Demir</strong>');
    expect(canPage).toContain('hx-trigger="load, every 15s"');
    const poll = await open(filed.reference, adaIn, '/viewers');
    expect(poll.status).toBe(200);
    const fragment = await poll.text();
    expect(fragment).toContain('Can Öz');
    expect(fragment).not.toContain('<html');

    // Seen over a minute ago: no longer there.
    await env.sql`UPDATE complaint_viewers SET seen_at = now() - interval '61 seconds' WHERE person_id = ${can.id}`;
    expect(await (await open(filed.reference, adaIn, '/viewers')).text()).not.toContain('Can Öz');
    // Leaving (pagehide's beacon carries the token in the body).
    await open(filed.reference, canIn, '/viewers');
    const leave = await env.app.request(`/console/complaints/${filed.reference}/viewers/leave`, { method: 'POST', headers: consolePostHeaders(canIn), body: `_csrf=${canIn.csrfToken}` });
    expect(leave.status).toBe(204);
    expect(await (await open(filed.reference, adaIn, '/viewers')).text()).not.toContain('Can Öz');
  });

  it('sends a failed message again from its Send again button, and downloads an attachment as the API serves it', async () => {
    const filed = await file();
    await ready(filed.reference);
    const [message] = await env.sql<{ id: number }[]>`
      UPDATE outbox_messages SET status = 'failed', last_error = '550 mailbox unavailable', attempts = 5
      WHERE id = (SELECT min(id) FROM outbox_messages WHERE complaint_id = ${filed.id} AND channel = 'email') RETURNING id`;
    const supervisor = await signedInCookie(env.sql, await aStaffPerson(env.sql, { roles: ['supervisor'] }));
    const html = await (await open(filed.reference, supervisor)).text();
    expect(html).toContain('550 mailbox unavailable');
    expect(html).toContain(`action="/console/complaints/${filed.reference}/messages/${message!.id}/retry"`);
    const auditor = await signedInCookie(env.sql, await aStaffPerson(env.sql, { roles: ['auditor'] }));
    expect(await (await open(filed.reference, auditor)).text()).not.toContain('/retry"');

    const retry = await env.app.request(`/console/complaints/${filed.reference}/messages/${message!.id}/retry`, {
      method: 'POST', headers: consolePostHeaders(supervisor), body: `_csrf=${supervisor.csrfToken}`,
    });
    expect(retry.status).toBe(303);
    const [after] = await env.sql<{ status: string; retried_by: string | null }[]>`SELECT status, retried_by FROM outbox_messages WHERE id = ${message!.id}`;
    expect(after!.status).not.toBe('failed');
    expect(after!.retried_by).not.toBeNull();
    expect(await (await open(filed.reference, supervisor, '?retried=1')).text()).toContain('The message is queued to be sent again.');

    const bytes = new TextEncoder().encode('%PDF-1.4 invoice');
    const [stored] = await env.sql.begin((tx) => postgresAttachmentStore(env.sql, env.ctx.activityDeps.dataKeys).store(tx, filed.id, [{ name: 'fatura şubat.pdf', contentType: 'application/pdf', bytes }]));
    expect(await (await open(filed.reference, auditor)).text()).toContain(`href="/console/complaints/${filed.reference}/attachments/${stored!.id}"`);
    const download = await open(filed.reference, auditor, `/attachments/${stored!.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename=/);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);
  });
});
