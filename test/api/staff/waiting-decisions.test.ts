// The ways forward while the customer owes us an answer, over the decisions API: record an answer
// that came by phone, withdraw the question, send a fresh link (the old one answers 410, the new one
// works), also for a proposal whose answer timed out under `stay_open`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../../api/http/errors.js';
import { complaintSchema } from '../../../api/staff/complaints.schemas.js';
import { CLASSIFY, complaintDriver, PROPOSE_REPAIR, type FiledComplaint } from '../../helpers/complaint-driver.js';
import { linkSigner } from '../../helpers/customer-fixtures.js';
import { bearer, eventually, integrationContext, type IntegrationContext } from '../../helpers/integration.js';
import { quietProcess, seconds } from '../../helpers/process.js';

let ctx: IntegrationContext;
let d: ReturnType<typeof complaintDriver>;
let stayOpen: ReturnType<typeof complaintDriver>;

beforeAll(async () => {
  ctx = await integrationContext();
  await ctx.startWorker();
  d = complaintDriver(ctx, quietProcess());
  stayOpen = complaintDriver(
    ctx,
    quietProcess((def) => {
      def.acceptance.answerDeadline = seconds(2);
      def.acceptance.noAnswer = 'stay_open';
    }),
  );
});
afterAll(() => ctx.close());

const errorOf = async (res: Response) => errorBodySchema.parse(await res.json()).error;
const QUESTION = { type: 'request_info', question: 'Which programme was running?' } as const;

async function investigating(driver = d): Promise<FiledComplaint> {
  const c = await driver.file();
  await driver.waitForStatus(c, 'acknowledged');
  await driver.decideOk(c, CLASSIFY);
  return c;
}

/** The signed token of the complaint's newest link, as the customer's message carries it. */
async function newestToken(c: FiledComplaint): Promise<string> {
  const [link] = await ctx.sql<{ id: string; purpose: 'resolution' | 'info_request'; round: number | null; request_id: string | null; expires_at: Date }[]>`
    SELECT id, purpose, round, request_id, expires_at FROM response_links WHERE complaint_id = ${c.id}
    ORDER BY created_at DESC, id LIMIT 1`;
  return linkSigner.sign({
    linkId: link!.id,
    complaintId: c.id,
    purpose: link!.purpose,
    ...(link!.round !== null ? { round: link!.round } : {}),
    ...(link!.request_id !== null ? { requestId: link!.request_id } : {}),
    expiresAt: Math.floor(link!.expires_at.getTime() / 1000),
  });
}

const respond = (token: string, body: unknown) =>
  d.app.request(`/v1/responses/${token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('while the customer owes us information', () => {
  it("shows on the complaint when the customer's answer is due", async () => {
    const c = await investigating();
    const asked = complaintSchema.parse(await (await d.decide(c, QUESTION)).json());
    expect(asked.status).toBe('awaiting_customer');
    const due = (await d.status(c)).deadlines.info!.deadline;
    expect(asked.answerDueAt).toBe(due);
    const res = await d.app.request(`/v1/complaints/${c.reference}`, { headers: bearer('agent') });
    expect(Date.parse(((await res.json()) as { answerDueAt: string }).answerDueAt)).toBe(Date.parse(due));
  });

  it('records an answer that came by phone: the complaint resumes, the timeline says who and how, the link answers 410', async () => {
    const c = await investigating();
    await d.decideOk(c, QUESTION);
    const token = await newestToken(c);
    const recorded = { type: 'record_customer_answer', answer: 'info', text: 'Cotton 60, said on the phone.', channel: 'phone' } as const;
    expect((await d.decideOk(c, recorded)).status).toBe('investigating');
    const event = (await d.events(c)).find((e) => e.type === 'record_customer_answer')!;
    expect(event).toMatchObject({ actor: { role: 'agent' }, data: { answer: 'info', channel: 'phone', text: recorded.text } });
    expect((await respond(token, { text: 'Cotton 60.' })).status).toBe(410);
    const notice = (await d.messages(c)).find((m) => m.template === 'customer_answered_info')!;
    expect(notice.body).toContain('telefonla geldi');
  });

  it("cancels the question: the clock resumes, the customer is told, the link answers 410", async () => {
    const c = await investigating();
    await d.decideOk(c, QUESTION);
    const token = await newestToken(c);
    const status = await d.decideOk(c, { type: 'cancel_info_request', reason: 'The dealer told us the programme.' });
    expect(status.status).toBe('investigating');
    expect((await d.status(c)).deadlines).toMatchObject({ info: null, stage: { paused: false } });
    expect((await respond(token, { text: 'Cotton 60.' })).status).toBe(410);
    const told = (await d.messages(c)).filter((m) => m.audience === 'customer').at(-1)!;
    expect(told.template).toBe('info_request_cancelled');
    expect(told.body).not.toContain('dealer');
  });

  it('reissues the link: the old one answers 410, the new one answers the question', async () => {
    const c = await investigating();
    await d.decideOk(c, QUESTION);
    const old = await newestToken(c);
    expect((await d.decideOk(c, { type: 'reissue_link' })).status).toBe('awaiting_customer');
    const fresh = await newestToken(c);
    expect((await respond(old, { text: 'Cotton 60.' })).status).toBe(410);
    const res = await respond(fresh, { text: 'Cotton 60.' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await d.status(c)).state.status).toBe('investigating');
    const resent = (await d.messages(c)).filter((m) => m.template === 'info_requested');
    expect(resent).toHaveLength(2);
    expect(resent[1]!.body).toContain('önceki bağlantı artık çalışmaz');
  });

  it.each([
    ['a channel that is the web link itself', { type: 'record_customer_answer', answer: 'info', text: 'x', channel: 'web' }, 400, ['channel']],
    ['an acceptance while no proposal is open (409: the state refuses it)', { type: 'record_customer_answer', answer: 'accepted', text: 'Fine.', channel: 'phone' }, 409, ['answer']],
    ['a cancellation without a reason', { type: 'cancel_info_request' }, 400, ['reason']],
  ] as const)('refuses %s naming the field', async (_what, body, status, paths) => {
    const c = await investigating();
    await d.decideOk(c, QUESTION);
    const res = await d.decide(c, body);
    expect(res.status).toBe(status);
    expect(((await errorOf(res)).details as Array<{ path: string }>).map((i) => i.path)).toEqual(paths);
  });

  it('refuses the three decisions with 409 when nothing waits for the customer', async () => {
    const c = await investigating();
    for (const body of [{ type: 'reissue_link' }, { type: 'cancel_info_request', reason: 'No.' }, { type: 'record_customer_answer', answer: 'info', text: 'x', channel: 'phone' }]) {
      const res = await d.decide(c, body);
      expect([res.status, (await errorOf(res)).code]).toEqual([409, 'INVALID_TRANSITION']);
    }
  });
});

describe("after a proposal's answer timed out under stay_open", () => {
  async function timedOut(): Promise<FiledComplaint> {
    const c = await investigating(stayOpen);
    await stayOpen.decideOk(c, PROPOSE_REPAIR);
    await eventually(async () => ((await stayOpen.status(c)).state.proposals[0]?.answerTimedOutAt ? true : undefined));
    return c;
  }

  it('stays in overdue views: the complaint shows its answer as due in the past', async () => {
    const c = await timedOut();
    const res = await stayOpen.app.request(`/v1/complaints/${c.reference}`, { headers: bearer('agent') });
    const { answerDueAt } = (await res.json()) as { answerDueAt: string | null };
    expect(Date.parse(answerDueAt!)).toBeLessThanOrEqual(Date.now());
  });

  it('reissues the link: the old one answers 410, the new one accepts and closes the complaint', async () => {
    const c = await timedOut();
    const old = await newestToken(c);
    expect((await stayOpen.decideOk(c, { type: 'reissue_link' })).status).toBe('resolution_proposed');
    const fresh = await newestToken(c);
    expect((await respond(old, { decision: 'accept' })).status).toBe(410);
    expect((await respond(fresh, { decision: 'accept' })).status).toBe(200);
    expect((await stayOpen.status(c)).state).toMatchObject({ status: 'closed', closure: 'accepted' });
    const resent = (await stayOpen.messages(c)).filter((m) => m.template === 'resolution_proposed');
    expect(resent.at(-1)!.subject).toContain('Çözüm önerimizi yanıtlamanız için yeni bağlantı');
  });

  it('records a rejection that came by letter, with its text as the reason', async () => {
    const c = await timedOut();
    const token = await newestToken(c);
    const status = await stayOpen.decideOk(c, { type: 'record_customer_answer', answer: 'rejected', text: 'A repair is not enough.', channel: 'letter' });
    expect(status.status).toBe('reinvestigating');
    // The reason is personal data: the workflow holds it sealed to the complaint, and opens to the text.
    const answer = (await stayOpen.status(c)).state.proposals[0]!.answer;
    expect(answer).toMatchObject({ outcome: 'rejected', reason: expect.stringMatching(new RegExp(`^pd1\\.${c.id}\\.`)) });
    expect(await ctx.activityDeps.dataKeys.openDeep(answer)).toMatchObject({ outcome: 'rejected', reason: 'A repair is not enough.' });
    expect((await respond(token, { decision: 'accept' })).status).toBe(410);
  });
});
