// Request and response schemas of a process definition version's simulation and backtest.
import { z } from '@hono/zod-openapi';
import { CHANNELS, CLOSURES, COMPLAINT_STATUSES, TIMED_STAGES } from '../../domain/complaint.js';
import { actorSchema, customerAnswerSchema, decisionSchema } from '../../domain/complaint-schemas.js';
import { ERROR_CODES, type ErrorCode } from '../../domain/errors.js';
import { ruleIssue } from '../../domain/schema-issues.js';
import { calendarInstantSchema } from '../../domain/calendar/instant-years.js';

/** A path's events and horizon lie within this many days of its receipt. */
export const MAX_PATH_DAYS = 366;
export const MAX_PATH_EVENTS = 200;
/** A backtest's received range spans at most this many days… */
export const MAX_BACKTEST_DAYS = 366;
/** …and replays at most this many complaints (the oldest received first). */
export const MAX_BACKTEST_COMPLAINTS = 20_000;
export const DEFAULT_BACKTEST_COMPLAINTS = 10_000;

const DAY_MS = 86_400_000;

/** Epoch ms of a field that may not even be a string (cross-field checks run on bad bodies too). */
function instantOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

export const versionParamsSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,59}$/, 'expected a kebab-case definition id')
    .meta({ param: { name: 'id', in: 'path' }, description: 'Process definition id', example: 'iso-10002-default' }),
  v: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .meta({ param: { name: 'v', in: 'path' }, description: 'Version number', example: 1 }),
});

/** An instant with an offset whose year the calendars cover (one year of margin each side). */
const instant = (description: string, example: string) =>
  calendarInstantSchema('expected an ISO 8601 instant with offset, e.g. 2026-03-02T10:00:00+03:00').meta({ description, example });

const pathEventSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('decision'),
      at: instant('When the decision is taken', '2026-03-05T11:00:00+03:00'),
      actor: actorSchema
        .optional()
        .meta({ description: 'Who takes it (default an agent); a role that may not take it is refused', example: { id: 'agent-ayse', role: 'agent' } }),
      decision: decisionSchema.meta({ description: 'The decision, as POST …/decisions takes it' }),
    }),
    z.strictObject({
      kind: z.literal('customer'),
      at: instant("When the customer's answer arrives", '2026-03-09T20:15:00+03:00'),
      answer: customerAnswerSchema.meta({
        description: "The customer's answer: to a proposal (by round) or to a question (by request id, `info-1`, …)",
        example: { type: 'customer_accepted', round: 1 },
      }),
    }),
  ])
  .meta({ id: 'SimulationEvent' });

export const simulationRequestSchema = z
  .strictObject({
    receivedAt: instant('When the complaint is received', '2026-03-02T10:00:00+03:00'),
    channel: z.enum(CHANNELS).optional().meta({ description: 'How it came in (default web)', example: 'web' }),
    customer: z
      .strictObject({
        locale: z
          .string()
          .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'expected a language tag like tr or tr-TR')
          .optional()
          .meta({ description: 'Default en', example: 'tr' }),
        country: z
          .string()
          .regex(/^[A-Z]{2}$/, 'expected an ISO 3166 alpha-2 code like TR')
          .nullable()
          .optional()
          .meta({ description: "Picks the external remedies; default the calendar's country", example: 'TR' }),
        reachable: z
          .boolean()
          .optional()
          .meta({ description: 'Gave an e-mail or phone, so the acknowledgement goes out by itself (default true)', example: true }),
      })
      .optional(),
    events: z.array(pathEventSchema).max(MAX_PATH_EVENTS).meta({ description: `Decisions and answers in time order (at most ${MAX_PATH_EVENTS})` }),
    until: instant(
      'Timers fire up to here after the last event unless the complaint closes first (default 30 days after the last event)',
      '2026-04-30T00:00:00+03:00',
    ).optional(),
  })
  // Runs even when other fields are bad, so one answer names every field at fault.
  .superRefine(
    (parsed, ctx) => {
      // With `when`, this also sees bodies that are not objects at all.
      const body = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Partial<typeof parsed>;
      const received = instantOf(body.receivedAt);
      if (received === undefined) return;
      const latest = received + MAX_PATH_DAYS * DAY_MS;
      let previous = received;
      (Array.isArray(body.events) ? body.events : []).forEach((event: unknown, i) => {
        const at = instantOf((event as { at?: unknown } | null)?.at);
        if (at === undefined) return;
        if (at < received) ctx.addIssue(ruleIssue(['events', i, 'at'], 'must not be before receivedAt'));
        else if (at < previous) ctx.addIssue(ruleIssue(['events', i, 'at'], 'must not be before the event before it'));
        else if (at > latest) ctx.addIssue(ruleIssue(['events', i, 'at'], `must be within ${MAX_PATH_DAYS} days of receivedAt`));
        previous = Math.max(previous, at);
      });
      const until = instantOf(body.until);
      if (until === undefined) return;
      if (until < previous) ctx.addIssue(ruleIssue(['until'], 'must not be before the last event (or receivedAt)'));
      else if (until > latest) ctx.addIssue(ruleIssue(['until'], `must be within ${MAX_PATH_DAYS} days of receivedAt`));
    },
    { when: () => true },
  )
  .meta({
    id: 'SimulationRequest',
    example: {
      receivedAt: '2026-03-02T10:00:00+03:00',
      events: [
        { kind: 'decision', at: '2026-03-05T11:00:00+03:00', decision: { type: 'classify', category: 'product_defect', product: 'WM-8000', severity: 'high', department: 'after_sales' } },
        { kind: 'decision', at: '2026-03-09T15:00:00+03:00', decision: { type: 'propose_resolution', outcome: 'upheld', summary: 'We repair the machine', remedy: 'repair' } },
        { kind: 'customer', at: '2026-03-10T20:15:00+03:00', answer: { type: 'customer_accepted', round: 1 } },
      ],
    },
  });

export const backtestRequestSchema = z
  .strictObject({
    received: z.strictObject({
      from: instant('First receipt instant to include', '2025-01-01T00:00:00+03:00'),
      to: instant('End of the range (exclusive)', '2026-01-01T00:00:00+03:00'),
    }),
    limit: z
      .number()
      .int()
      .min(1)
      .max(MAX_BACKTEST_COMPLAINTS)
      .optional()
      .meta({ description: `Most complaints replayed, oldest received first (default ${DEFAULT_BACKTEST_COMPLAINTS}); more matching sets \`truncated\``, example: 5000 }),
    filedUnder: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/, 'expected a kebab-case definition id like iso-10002-default')
      .max(60)
      .optional()
      .meta({
        description:
          'Replay the complaints filed under this definition (default: the one in the path). A new definition has no past of its own: try it on the complaints it would take over',
        example: 'iso-10002-default',
      }),
  })
  .superRefine(
    (parsed, ctx) => {
      const body = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Partial<typeof parsed>;
      const received = (typeof body.received === 'object' && body.received !== null ? body.received : {}) as Partial<typeof parsed.received>;
      const [from, to] = [instantOf(received.from), instantOf(received.to)];
      if (from === undefined || to === undefined) return;
      if (to <= from) ctx.addIssue(ruleIssue(['received', 'to'], 'must be after received.from'));
      else if (to - from > MAX_BACKTEST_DAYS * DAY_MS) {
        ctx.addIssue(ruleIssue(['received', 'to'], `must be within ${MAX_BACKTEST_DAYS} days of received.from`));
      }
    },
    { when: () => true },
  )
  .meta({ id: 'BacktestRequest', example: { received: { from: '2025-01-01T00:00:00+03:00', to: '2026-01-01T00:00:00+03:00' } } });

// ---- responses ---------------------------------------------------------------------------

const at = z.iso.datetime({ offset: true }).meta({ description: 'ISO 8601 instant (UTC)', example: '2026-03-04T07:00:00.000Z' });
const stage = z.enum(TIMED_STAGES).meta({ example: 'initialReview' });
const level = z.string().meta({ description: 'An escalation level of the stage', example: 'teamLead' });
const recipients = z.array(z.string()).meta({ description: 'Staff addresses as the outbox writes them', example: ['escalation:assignee', 'escalation:teamLead'] });

const definitionRefSchema = z
  .object({
    id: z.string().meta({ example: 'iso-10002-default' }),
    version: z.number().int().meta({ example: 2 }),
    status: z.enum(['draft', 'published', 'retired']),
  })
  .meta({ id: 'SimulatedDefinition' });

const deadlinesSchema = z.object({
  stage: z.object({ id: z.string(), startedAt: at, warningAt: at, deadline: at, paused: z.boolean() }).nullable(),
  nextEscalationAt: at.nullable(),
  answer: z.object({ round: z.number().int(), reminderAt: at, deadline: at }).nullable(),
  info: z.object({ requestId: z.string(), reminderAt: at, deadline: at }).nullable(),
  progressUpdateAt: at.nullable(),
});

export const simulationSchema = z
  .object({
    definition: definitionRefSchema,
    stages: z
      .array(
        z.object({
          stage,
          round: z.number().int().meta({ description: 'The proposal round the stage works towards', example: 1 }),
          startedAt: at,
          warningAt: at,
          deadlineAtStart: at,
          deadline: at.meta({ description: 'As it stood at the end (pauses push it out)' }),
          endedAt: at.nullable(),
          outcome: z.enum(['met', 'breached', 'abandoned', 'running']),
          byWorkingMinutes: z.number().nullable().meta({ description: 'Working minutes it ended before (met) or after (breached) its deadline' }),
        }),
      )
      .meta({ description: 'Every run of a stage clock, in order' }),
    warnings: z.array(z.object({ at, stage, notified: recipients })),
    breaches: z.array(
      z.object({
        at,
        stage,
        breachCount: z.number().int().meta({ description: '1 at the deadline, 2 at the first re-armed breach, …', example: 1 }),
        owner: level.meta({ description: 'Who owns the stage after it' }),
        notified: recipients,
      }),
    ),
    escalations: z.array(
      z.object({
        at,
        stage,
        from: level,
        to: level,
        steps: z.number().int().meta({ description: 'Escalation steps taken at once', example: 1 }),
        cause: z.enum(['breach', 'decision']),
      }),
    ),
    messages: z
      .array(
        z.object({
          at,
          seq: z.number().int(),
          audience: z.enum(['customer', 'staff']),
          template: z.string().meta({ example: 'resolution_proposed' }),
          recipient: z.string().meta({ description: '`customer:email|sms|letter`, or a staff address', example: 'customer:email' }),
        }),
      )
      .meta({ description: 'What would be sent (nothing is)' }),
    refusals: z
      .array(
        z.object({
          index: z.number().int().meta({ description: 'Index into `events`' }),
          at,
          type: z.string().meta({ example: 'propose_resolution' }),
          code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]).meta({ example: 'INVALID_TRANSITION' }),
          message: z.string(),
        }),
      )
      .meta({ description: 'Events the rules refused at their time; the path goes on without them' }),
    incidents: z.array(z.object({ at, activity: z.string(), errorType: z.string(), message: z.string() })),
    transitions: z.array(
      z.object({
        seq: z.number().int(),
        at,
        type: z.string(),
        actor: z.object({ id: z.string(), role: z.string() }),
        status: z.enum(COMPLAINT_STATUSES),
      }),
    ),
    final: z.object({
      status: z.enum(COMPLAINT_STATUSES),
      closure: z.enum(CLOSURES).nullable(),
      round: z.number().int(),
      escalationLevel: level,
      closedAt: at.nullable(),
      deadlines: deadlinesSchema,
    }),
    stoppedBecause: z.enum(['closed', 'horizon', 'step_limit']),
    simulatedUntil: at,
  })
  .meta({ id: 'Simulation', description: 'One path through the version, on the same code and calendar as a real complaint' });

const onTimeSchema = z.object({
  met: z.number().int(),
  breached: z.number().int(),
  rate: z.number().nullable().meta({ description: 'met / (met + breached); stages cut short by a closure are not counted', example: 0.85 }),
});

const countChangeSchema = z.object({
  asWas: z.number().int(),
  draft: z.number().int(),
  added: z.number().int().meta({ description: 'Summed per complaint: more under the version than recorded' }),
  removed: z.number().int().meta({ description: 'Summed per complaint: fewer under the version than recorded' }),
});

const stageMetricsShape = {
  complaints: z.number().int().meta({ description: 'Complaints where the stage ran' }),
  onTime: z.object({ asWas: onTimeSchema, draft: onTimeSchema }),
  deadlineShift: z
    .object({
      count: z.number().int(),
      minHours: z.number().nullable(),
      p50Hours: z.number().nullable(),
      p90Hours: z.number().nullable(),
      maxHours: z.number().nullable(),
      meanHours: z.number().nullable(),
      buckets: z.array(
        z.object({
          fromHours: z.number().nullable(),
          toHours: z.number().nullable(),
          count: z.number().int(),
        }),
      ),
    })
    .meta({
      description:
        'How much later (+) or earlier (−) the deadline falls under the version than as recorded, in business hours, per stage run ' +
        'ended in both (nearest-rank percentiles). Below zero a bucket holds from ≤ shift < to, zero is its own bucket, above zero from < shift ≤ to',
    }),
  breaches: countChangeSchema,
  escalations: countChangeSchema.extend({
    notCompared: z.number().int().meta({ description: 'Complaints whose filed-under version is unknown: their recorded escalations cannot be told' }),
  }),
};

export const backtestSchema = z
  .object({
    definition: definitionRefSchema,
    received: z.object({ from: at, to: at }),
    asOf: at.meta({ description: 'The replay runs up to here, as the recorded timelines did' }),
    timeZone: z.string().meta({ description: "Weeks are counted in the version's calendar zone", example: 'Europe/Istanbul' }),
    complaints: z.object({
      matched: z.number().int().meta({ description: 'Received in the range under this definition' }),
      replayed: z.number().int(),
      truncated: z.boolean().meta({ description: 'More matched than `limit`: the oldest received were replayed' }),
      limit: z.number().int(),
      notStarted: z.number().int().meta({ description: 'Their workflow never started: nothing to replay' }),
      withRefusals: z.number().int().meta({ description: 'The version refused at least one of their recorded events' }),
      closed: z.object({ asWas: z.number().int(), draft: z.number().int() }),
    }),
    refusals: z
      .array(
        z.object({
          type: z.string().meta({ description: 'The recorded decision or answer the version refused', example: 'propose_resolution' }),
          code: z.string().meta({ description: 'Why, as the reducer refused it', example: 'INVALID_TRANSITION' }),
          count: z.number().int().meta({ description: 'How many times, over all replayed complaints' }),
        }),
      )
      .meta({ description: 'Recorded events the version refused at their time, by type and code, most frequent first' }),
    filedUnder: z.array(z.object({ versionId: z.string().nullable(), complaints: z.number().int() })),
    stages: z.array(
      z.object({
        stage,
        overall: z.object(stageMetricsShape),
        byCategory: z.array(z.object({ category: z.string(), ...stageMetricsShape })),
      }),
    ),
    workload: z
      .array(
        z.object({
          week: z.string().meta({ example: '2025-W14' }),
          weekStart: z.string().meta({ description: 'Its Monday, local date', example: '2025-03-31' }),
          team: z.string().meta({ description: 'Team, else department, else (unrouted)', example: 'after-sales' }),
          new: z.object({ asWas: z.number().int(), draft: z.number().int() }),
          inProgress: z.object({ asWas: z.number().int(), draft: z.number().int() }).meta({ description: 'Open at some point of the week' }),
        }),
      )
      .meta({ description: 'Per ISO week of the received range and team (the team at the end)' }),
  })
  .meta({ id: 'Backtest', description: "Past complaints' recorded timelines replayed through the version, compared with what was recorded" });
