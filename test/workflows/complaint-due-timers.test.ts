// Due timers come before queued work: a slow database or a worker outage across a deadline never
// lets a decision end a stage before its breach is seen, and an outage does not burst alerts.
// An activity that can never succeed becomes an incident, not a wedged complaint.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { calendarSchema } from '../../domain/calendar/index.js';
import { CLASSIFY, complaintDriver } from '../helpers/complaint-driver.js';
import { eventually, integrationContext, type IntegrationContext } from '../helpers/integration.js';
import { quietProcess, seconds } from '../helpers/process.js';

const ALL_DAY = [{ from: '00:00', to: '24:00' }];
/** Round the clock, but built only up to this year: a deadline next year cannot be computed. */
const ENDS_THIS_YEAR = calendarSchema.parse({
  id: 'ZZ-ends-this-year',
  name: 'Round the clock until the end of this year (tests)',
  timeZone: 'UTC',
  years: { from: 2020, to: new Date().getUTCFullYear() },
  weeklyHours: [{ days: { mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY, sun: ALL_DAY } }],
  holidays: [],
  halfDays: [],
  exceptions: [],
});

let ctx: IntegrationContext;
let workers: Array<Awaited<ReturnType<IntegrationContext['startWorker']>>> = [];
beforeAll(async () => {
  ctx = await integrationContext();
  ctx.activityDeps.extraCalendars = { ...ctx.activityDeps.extraCalendars, [ENDS_THIS_YEAR.id]: ENDS_THIS_YEAR };
});
// Each test has the task queue to itself: an outage is an outage only if no other worker polls.
const startWorker = async () => {
  const w = await ctx.startWorker();
  workers.push(w);
  return w;
};
afterEach(async () => {
  for (const w of workers) if (w.worker.getState() === 'RUNNING') w.worker.shutdown();
  await Promise.all(workers.map((w) => w.running));
  workers = [];
});
afterAll(() => ctx.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Initial review due a few seconds after acknowledgement, climbing one level per re-armed breach. */
const reviewDueIn = (s: number, rearmSeconds = 1) =>
  quietProcess((def) => {
    def.stages.initialReview.deadline = seconds(s);
    def.stages.initialReview.warnAtShare = 0.75;
    def.stages.initialReview.escalation = {
      levels: ['assignee', 'teamLead', 'complaintsManager', 'director'],
      onWarning: { notify: ['assignee'] },
      onBreach: [
        { notify: ['teamLead'], escalate: true, rearmAfter: seconds(rearmSeconds) },
        { notify: ['complaintsManager'], escalate: true, rearmAfter: seconds(rearmSeconds) },
        { notify: ['director'], escalate: true },
      ],
    };
  });

describe('due timers before queued work', () => {
  it('fires a breach that came due while the database was slow before the decision queued behind it', async () => {
    await startWorker();
    const d = complaintDriver(ctx, reviewDueIn(4, 60));
    const c = await d.file();
    await d.waitForStatus(c, 'acknowledged');

    // The complaint's row is locked: the note's transition waits, and the classification queues behind it.
    const lock = await ctx.sql.reserve();
    try {
      await lock`BEGIN`;
      await lock`SELECT 1 FROM complaints WHERE id = ${c.id} FOR UPDATE`;
      const note = d.decide(c, { type: 'note', text: 'Looking into it.' });
      await sleep(300);
      const classify = d.decide(c, CLASSIFY);
      await sleep(5000); // past the review deadline
      await lock`COMMIT`;
      expect((await note).status).toBe(200);
      expect((await classify).status).toBe(200);
    } finally {
      lock.release();
    }

    const events = await d.events(c);
    const types = events.map((e) => e.type);
    expect(types.indexOf('deadline_breached')).toBeGreaterThan(types.indexOf('note'));
    expect(types.indexOf('deadline_breached')).toBeLessThan(types.indexOf('classify'));
    const classified = events.find((e) => e.type === 'classify')!;
    expect(classified.data.stageOutcome).toMatchObject({ stage: 'initialReview', outcome: 'breached', met: false });
    const staff = (await d.messages(c)).filter((m) => m.template === 'deadline_breached').map((m) => m.recipient);
    expect(staff).toEqual(['escalation:teamLead']);
  });

  it('after a worker outage across a deadline, breaches first, once, at the level now due', async () => {
    const first = await startWorker();
    const d = complaintDriver(ctx, reviewDueIn(2));
    const c = await d.file();
    await d.waitForStatus(c, 'acknowledged');
    first.worker.shutdown();
    await first.running;

    // Down past the deadline and both re-arm steps; the agent's classification waits for a worker.
    await sleep(5500);
    const classify = d.decide(c, CLASSIFY);
    await sleep(300);
    await startWorker();
    expect((await classify).status).toBe(200);

    const events = await d.events(c);
    const breaches = events.filter((e) => e.type === 'deadline_breached');
    expect(breaches).toHaveLength(1);
    expect(breaches[0]!.data).toMatchObject({ stage: 'initialReview', breachCount: 3 });
    expect(events.map((e) => e.type).indexOf('deadline_breached')).toBeLessThan(events.map((e) => e.type).indexOf('classify'));
    expect(events.find((e) => e.type === 'classify')!.data.stageOutcome).toMatchObject({ outcome: 'breached', met: false });
    // One alert, to the level the chain has reached: no burst to team lead, manager and director.
    const messages = await d.messages(c);
    const alerts = messages.filter((m) => m.template === 'deadline_breached').map((m) => m.recipient);
    expect(alerts).toEqual(['escalation:director']);
    // Nor a stale "deadline approaching" warning for a deadline long gone.
    expect(messages.filter((m) => m.template === 'deadline_warning')).toEqual([]);
    const status = await d.status(c);
    expect(status.state.counters).toMatchObject({ breaches: 1, escalations: 3 });
  });
});

describe('an activity that can never succeed', () => {
  it('records an incident, alerts supervisors and lets the complaint go on', async () => {
    await startWorker();
    const d = complaintDriver(
      ctx,
      quietProcess((def) => {
        def.calendarId = ENDS_THIS_YEAR.id;
        // Beyond the calendar's last year: the initial review's deadline cannot be computed.
        def.stages.initialReview.deadline = { workingHours: 24 * 400 };
      }),
    );
    const c = await d.file();
    await d.waitForStatus(c, 'acknowledged', 10_000);
    const incident = await eventually(async () => (await d.events(c)).find((e) => e.type === 'activity_failed'));
    expect(incident.data).toMatchObject({ activity: 'startStageClock', errorType: 'CalendarRangeError' });
    const alert = await eventually(async () => (await d.messages(c)).find((m) => m.template === 'activity_failed'));
    expect(alert.recipient).toBe('role:supervisor');
    expect(alert.body).toContain('startStageClock');

    // Decisions are answered at once, not held behind a retrying activity.
    const started = Date.now();
    const classified = await d.decideOk(c, CLASSIFY);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(classified.status).toBe('investigating');
    expect((await d.status(c)).deadlines.stage).toMatchObject({ id: 'investigation' });
  });
});
