// The satisfaction survey after closure, as the customer meets it: the closure message carries the
// link, the page shows the questions without answering, the form answers once, and the link
// expires when the process says (calendar or working days of its calendar).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../../api/http/errors.js';
import { addBusinessDuration } from '../../../domain/calendar/index.js';
import { getCalendar } from '../../../domain/calendar/registry.js';
import { createOutboxDelivery } from '../../../read-model/outbox-delivery.js';
import { satisfactionByPeriod } from '../../../read-model/survey-answers.js';
import { customerFlow, linkSigner, seedComplaint, aSnapshot, tampered, useCustomerApp, type CustomerTestEnv, type SeededComplaint } from '../../helpers/customer-fixtures.js';
import { bearer, eventually } from '../../helpers/integration.js';
import { quietProcess } from '../../helpers/process.js';

let ctx: CustomerTestEnv['ctx'];
let app: CustomerTestEnv['app'];
let flow: CustomerTestEnv['flow'];
useCustomerApp((env) => ({ ctx, app, flow } = env));

const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const form = (fields: [string, string][]) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

async function acceptProposal(f: typeof flow): Promise<SeededComplaint> {
  const { complaint, token } = await f.proposed();
  const res = await app.request(`/v1/responses/${token}`, json({ decision: 'accept' }));
  expect(res.status).toBe(200);
  return complaint;
}

/** The closure message as delivery sends it, and the survey token in it (if any). */
async function closureMessage(c: SeededComplaint) {
  const message = await eventually(async () => (await flow.outbox(c, 'complaint_closed'))[0]);
  const { body } = await createOutboxDelivery(ctx.activityDeps).renderForDelivery(message);
  return { message, body, token: /http:\/\/plaint\.test\/s\/(v1\.[\w-]+\.[\w-]+)/.exec(body)?.[1] };
}

/** A closed complaint with a survey link straight in the read model, expiring in `seconds`. */
async function seededSurvey(seconds = 86_400) {
  const c = await seedComplaint(ctx.sql, aSnapshot({ status: 'closed', closure: 'accepted', closedAt: new Date().toISOString() }));
  const linkId = randomUUID();
  const expiresAt = Math.floor(Date.now() / 1000) + seconds;
  await ctx.sql`INSERT INTO response_links (id, complaint_id, purpose, expires_at)
    VALUES (${linkId}, ${c.id}, 'survey', ${new Date(expiresAt * 1000)})`;
  return { complaint: c, linkId, token: linkSigner.sign({ linkId, complaintId: c.id, purpose: 'survey', expiresAt }) };
}

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const { error } = errorBodySchema.parse(await res.json());
  expect(error.code).toBe(code);
  return error;
}

describe('the survey after a closure the process surveys', () => {
  it('comes with the closure message, shows its questions on GET and takes one answer', async () => {
    const complaint = await acceptProposal(flow);
    const { message, body, token } = await closureMessage(complaint);
    expect(message.responseLinkId).not.toBeNull();
    // The stored row is sealed, and opened it holds no live token.
    expect(message.body).toMatch(/^pd1\./);
    expect(await ctx.activityDeps.dataKeys.open(message.body)).toContain('[answer link]');
    expect(body).toContain('Nasıl bir iş çıkardık?');
    expect(token).toBeDefined();
    const [link] = await ctx.sql<{ purpose: string; expires_at: Date; closed_at: Date }[]>`
      SELECT l.purpose, l.expires_at, c.closed_at FROM response_links l JOIN complaints c ON c.id = l.complaint_id
      WHERE l.id = ${message.responseLinkId}`;
    expect(link!.purpose).toBe('survey');
    // The shipped policy: 30 calendar days from the closure.
    expect(link!.expires_at.getTime() - link!.closed_at.getTime()).toBe(30 * 86_400_000);

    const page = await app.request(`/s/${token}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="tr" dir="ltr">');
    expect(html).toMatch(/<fieldset[^>]*><legend>Şikâyetinizi ele alış biçimimizden ne kadar memnunsunuz\?<\/legend>/);
    expect(html.match(/type="radio" name="handling"/g)).toHaveLength(5);
    expect(html.match(/type="checkbox" name="reasons"/g)).toHaveLength(6);
    expect(html).toContain('<textarea id="comment" name="comment"');
    expect(await (await app.request(`/s/${token}?lang=en`)).text()).toContain('How satisfied are you with the outcome?');
    // Opening twice answered nothing.
    expect((await app.request(`/s/${token}`)).status).toBe(200);

    const answered = await app.request(`/s/${token}?lang=en`, form([['handling', '4'], ['outcome', '5'], ['reasons', 'speed'], ['reasons', 'clarity'], ['comment', 'Quick and kind.']]));
    expect(answered.status).toBe(200);
    expect(await answered.text()).toContain('Thank you for your answers');
    const rows = await ctx.sql`SELECT handling, outcome, reasons, comment, language FROM survey_answers WHERE complaint_id = ${complaint.id}`;
    expect(rows).toEqual([{ handling: 4, outcome: 5, reasons: ['speed', 'clarity'], comment: 'Quick and kind.', language: 'en' }]);

    const again = await app.request(`/s/${token}`, form([['handling', '1'], ['outcome', '1']]));
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Bu anketi zaten yanıtladınız');
    await expectError(await app.request(`/v1/surveys/${token}`, json({ handling: 1, outcome: 1 })), 409, 'CONFLICT');
    const [count] = await ctx.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM survey_answers WHERE complaint_id = ${complaint.id}`;
    expect(count!.n).toBe(1);
  });

  it('is not offered after a closure the process does not survey (a withdrawal)', async () => {
    const complaint = await flow.investigating();
    await flow.decide(complaint, { type: 'withdraw', reason: 'The customer no longer wants it handled.' });
    const { message, body, token } = await closureMessage(complaint);
    expect(message.responseLinkId).toBeNull();
    expect(token).toBeUndefined();
    expect(body).not.toContain('Nasıl bir iş çıkardık?');
    const links = await ctx.sql`SELECT 1 FROM response_links WHERE complaint_id = ${complaint.id} AND purpose = 'survey'`;
    expect(links).toHaveLength(0);
  });

  it('expires after the working days the process sets, counted in its calendar', async () => {
    const process = quietProcess((d) => {
      d.calendarId = 'TR';
      d.survey = { lifetime: { workingDays: 1 }, afterClosures: ['accepted'] };
    });
    const trApp = ctx.app({ process });
    const trFlow = customerFlow(ctx, trApp);
    const { complaint, token } = await trFlow.proposed();
    expect((await trApp.request(`/v1/responses/${token}`, json({ decision: 'accept' }))).status).toBe(200);
    const { message } = await closureMessage(complaint);
    const [link] = await ctx.sql<{ expires_at: Date; closed_at: Date }[]>`
      SELECT l.expires_at, c.closed_at FROM response_links l JOIN complaints c ON c.id = l.complaint_id WHERE l.id = ${message.responseLinkId}`;
    const year = link!.closed_at.getUTCFullYear();
    const expected = addBusinessDuration(getCalendar('TR', { from: year - 1, to: year + 1 }), link!.closed_at, { workingDays: 1 }).deadline;
    expect(link!.expires_at.toISOString()).toBe(expected.toISOString());
    // One working day is never less than a day, and ends on a working day in Istanbul.
    expect(link!.expires_at.getTime() - link!.closed_at.getTime()).toBeGreaterThanOrEqual(86_400_000 - 9 * 3_600_000);
    expect(['Sat', 'Sun']).not.toContain(new Intl.DateTimeFormat('en', { weekday: 'short', timeZone: 'Europe/Istanbul' }).format(link!.expires_at));
  });
});

describe('POST /v1/surveys/{token}', () => {
  it('stores a valid answer once: 201, then 409', async () => {
    const { complaint, token } = await seededSurvey();
    const res = await app.request(`/v1/surveys/${token}`, json({ handling: 2, outcome: 3, reasons: ['communication'] }));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ reference: complaint.reference });
    const [row] = await ctx.sql`SELECT handling, outcome, reasons, comment, language FROM survey_answers WHERE complaint_id = ${complaint.id}`;
    expect(row).toEqual({ handling: 2, outcome: 3, reasons: ['communication'], comment: null, language: 'tr' });
    await expectError(await app.request(`/v1/surveys/${token}`, json({ handling: 5, outcome: 5 })), 409, 'CONFLICT');
  });

  it('answers 400 naming each bad field', async () => {
    const { token } = await seededSurvey();
    const error = await expectError(
      await app.request(`/v1/surveys/${token}`, json({ handling: 7, outcome: '5', reasons: ['nice'], comment: ' ', extra: 1 })),
      400,
      'VALIDATION_FAILED',
    );
    const paths = (error.details as { path: string }[]).map((d) => d.path).sort();
    expect(paths).toEqual(['(body)', 'comment', 'handling', 'outcome', 'reasons.0']); // the unknown field: at the body, as elsewhere
    const missing = await expectError(await app.request(`/v1/surveys/${token}`, json({})), 400, 'VALIDATION_FAILED');
    expect(missing.details).toEqual([
      { path: 'handling', message: 'required' },
      { path: 'outcome', message: 'required' },
    ]);
  });

  it('answers 404 for a tampered link or an answer link, 410 for an expired one', async () => {
    const { token } = await seededSurvey();
    await expectError(await app.request(`/v1/surveys/${tampered(token)}`, json({ handling: 4, outcome: 4 })), 404, 'NOT_FOUND');
    const expired = await seededSurvey(-60);
    await expectError(await app.request(`/v1/surveys/${expired.token}`, json({ handling: 4, outcome: 4 })), 410, 'GONE');
    // A survey link never answers a proposal, and an answer link never a survey.
    await expectError(await app.request(`/v1/responses/${token}`, json({ decision: 'accept' })), 404, 'NOT_FOUND');
    const { token: answerToken } = await flow.proposed();
    await expectError(await app.request(`/v1/surveys/${answerToken}`, json({ handling: 4, outcome: 4 })), 404, 'NOT_FOUND');
  });
});

describe('GET and POST /s/{token}', () => {
  it('shows an expired survey as closed (410) and a tampered link as not valid (404)', async () => {
    const expired = await seededSurvey(-60);
    const gone = await app.request(`/s/${expired.token}`);
    expect(gone.status).toBe(410);
    expect(await gone.text()).toContain('Bu anket kapandı');
    const { token } = await seededSurvey();
    const invalid = await app.request(`/s/${tampered(token)}?lang=en`);
    expect(invalid.status).toBe(404);
    expect(await invalid.text()).toContain('This link is not valid');
  });

  it('puts a form without ratings back with what to fix, keeping what was ticked', async () => {
    const { complaint, token } = await seededSurvey();
    const res = await app.request(`/s/${token}?lang=en`, form([['reasons', 'fairness'], ['comment', 'Kept waiting.']]));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('Choose how satisfied you are with how we handled your complaint.');
    expect(html).toContain('Choose how satisfied you are with the outcome.');
    expect(html).toMatch(/value="fairness" checked/);
    expect(html).toContain('Kept waiting.</textarea>');
    expect(await ctx.sql`SELECT 1 FROM survey_answers WHERE complaint_id = ${complaint.id}`).toHaveLength(0);
  });
});

describe('satisfaction reports', () => {
  it('counts answers per period with mean ratings and ticked reasons', async () => {
    const from = new Date(Date.now() - 86_400_000);
    const to = new Date(Date.now() + 86_400_000);
    const before = await satisfactionByPeriod(ctx.sql, { from, to, period: 'month' });
    for (const [handling, outcome] of [[5, 4], [3, 2]] as const) {
      const { token } = await seededSurvey();
      expect((await app.request(`/v1/surveys/${token}`, json({ handling, outcome, reasons: ['speed'] }))).status).toBe(201);
    }
    const after = await satisfactionByPeriod(ctx.sql, { from, to, period: 'month' });
    const total = (periods: typeof after) => periods.reduce((n, p) => n + p.answers, 0);
    const ticks = (periods: typeof after) => periods.reduce((n, p) => n + p.reasons.speed, 0);
    expect(total(after) - total(before)).toBe(2);
    expect(ticks(after) - ticks(before)).toBe(2);
    for (const p of after) expect(p.meanHandling).toBeGreaterThanOrEqual(1);

    const query = `from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}&period=day`;
    const res = await app.request(`/v1/reports/satisfaction?${query}`, { headers: bearer('supervisor') });
    expect(res.status).toBe(200);
    const report = (await res.json()) as { periods: { answers: number }[] };
    expect(report.periods.reduce((n, p) => n + p.answers, 0)).toBe(total(after));
    await expectError(await app.request(`/v1/reports/satisfaction?${query}`, { headers: bearer('agent') }), 403, 'NOT_ALLOWED_FOR_ROLE');
    const backwards = `from=${encodeURIComponent(to.toISOString())}&to=${encodeURIComponent(from.toISOString())}`;
    const bad = await expectError(await app.request(`/v1/reports/satisfaction?${backwards}`, { headers: bearer('supervisor') }), 422, 'UNPROCESSABLE');
    expect(bad.details).toEqual([{ path: 'query.to', message: 'must be after from' }]);
  });
});
