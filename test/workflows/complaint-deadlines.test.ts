// Deadlines in working seconds on a round-the-clock calendar, so the dev server reaches
// warnings, breaches, reminders and timeouts while the test waits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLASSIFY, complaintDriver, PROPOSE_REPAIR } from '../helpers/complaint-driver.js';
import { eventually, integrationContext, type IntegrationContext } from '../helpers/integration.js';
import { quietProcess, seconds } from '../helpers/process.js';
import { formatInstant } from '../../texts/format.js';
import { languageOf } from '../../texts/languages.js';

let ctx: IntegrationContext;
beforeAll(async () => {
  ctx = await integrationContext();
  await ctx.startWorker();
});
afterAll(() => ctx.close());

describe('deadlines', () => {
  it('warns, then walks the escalation chain one level per breach', async () => {
    const d = complaintDriver(
      ctx,
      quietProcess((def) => {
        def.stages.initialReview.deadline = seconds(2);
        def.stages.initialReview.warnAtShare = 0.5;
        def.stages.initialReview.escalation = {
          levels: ['assignee', 'teamLead', 'complaintsManager', 'director'],
          onWarning: { notify: ['assignee'] },
          onBreach: [
            { notify: ['teamLead'], escalate: true, rearmAfter: seconds(1) },
            { notify: ['complaintsManager'], escalate: true },
          ],
        };
      }),
    );
    const c = await d.file();
    const escalated = await eventually(async () => {
      const s = await d.status(c);
      return s.escalationLevel === 'complaintsManager' ? s : undefined;
    });
    expect(escalated.state.counters).toMatchObject({ warnings: 1, breaches: 2 });
    const events = (await d.events(c)).map((e) => e.type);
    expect(events.filter((t) => t === 'deadline_warning')).toHaveLength(1);
    expect(events.filter((t) => t === 'deadline_breached')).toHaveLength(2);
    const staff = (await d.messages(c)).filter((m) => m.audience === 'staff');
    expect(staff.map((m) => `${m.template}→${m.recipient}`)).toEqual(
      expect.arrayContaining(['deadline_warning→escalation:assignee', 'deadline_breached→escalation:teamLead', 'deadline_breached→escalation:complaintsManager']),
    );
    const [row] = await ctx.sql`SELECT escalation_level FROM complaints WHERE id = ${c.id}`;
    expect(row!.escalation_level).toBe('complaintsManager');
    // The chain ended (no re-arm on the last step): nothing more fires.
    await new Promise((r) => setTimeout(r, 1500));
    expect((await d.events(c)).filter((e) => e.type === 'deadline_breached')).toHaveLength(2);
  });

  it('reminds the customer at half time and closes as deemed accepted when no answer comes', async () => {
    const d = complaintDriver(ctx, quietProcess((def) => (def.acceptance.answerDeadline = seconds(2))));
    const c = await d.file();
    await d.waitForStatus(c, 'acknowledged');
    await d.decideOk(c, CLASSIFY);
    await d.decideOk(c, PROPOSE_REPAIR);
    const closed = await d.waitForStatus(c, 'closed');
    expect(closed.state.closure).toBe('deemed_accepted');
    const customer = (await d.messages(c)).filter((m) => m.audience === 'customer').map((m) => m.template);
    expect(customer).toEqual(expect.arrayContaining(['resolution_proposed', 'answer_reminder', 'complaint_closed']));
    expect(customer.indexOf('answer_reminder')).toBeLessThan(customer.indexOf('complaint_closed'));
  });

  it('keeps waiting past the answer deadline when the process says so', async () => {
    const d = complaintDriver(
      ctx,
      quietProcess((def) => {
        def.acceptance.answerDeadline = seconds(1);
        def.acceptance.noAnswer = 'stay_open';
      }),
    );
    const c = await d.file();
    await d.waitForStatus(c, 'acknowledged');
    await d.decideOk(c, CLASSIFY);
    await d.decideOk(c, PROPOSE_REPAIR);
    const timedOut = await eventually(async () => {
      const s = await d.status(c);
      return s.state.proposals[0]?.answerTimedOutAt ? s : undefined;
    });
    expect(timedOut.state.status).toBe('resolution_proposed');
    const accepted = await d.answer(c, { type: 'customer_accepted', round: 1 });
    expect(accepted.state.closure).toBe('accepted');
  });

  it('tells a waiting customer how things stand after the configured silence', async () => {
    const d = complaintDriver(ctx, quietProcess((def) => (def.progressUpdateEvery = seconds(1))));
    const c = await d.file();
    await d.waitForStatus(c, 'acknowledged');
    await eventually(async () => {
      const updates = (await d.messages(c)).filter((m) => m.template === 'progress_update');
      return updates.length >= 2 ? updates : undefined;
    });
  });

  it('after a missed deadline, tells the customer it is later than planned and when the next update comes', async () => {
    const d = complaintDriver(
      ctx,
      quietProcess((def) => {
        def.stages.initialReview.deadline = seconds(1);
        def.progressUpdateEvery = seconds(2);
      }),
    );
    const c = await d.file();
    const [update] = await eventually(async () => {
      const rows = await ctx.sql<{ body: string; locale: string; params: { dueAt?: string; nextUpdateAt?: string } }[]>`
        SELECT body, locale, params FROM outbox_messages WHERE complaint_id = ${c.id} AND template = 'progress_update' ORDER BY seq`;
      // Rendered bodies and their params are sealed with the complaint's data key at rest.
      return rows.length > 0 ? ctx.activityDeps.dataKeys.openDeep([...rows]) : undefined;
    });
    const { body, locale, params } = update!;
    expect(Date.parse(params.dueAt!)).toBeLessThan(Date.parse(params.nextUpdateAt!));
    expect(body).toMatch(/later than planned|planladığımızdan daha geç/);
    expect(body).toContain(formatInstant(params.nextUpdateAt!, languageOf(locale), 'UTC')!);
    expect(body).not.toMatch(/plan to complete|tamamlamayı planlıyoruz/);
  });
});
