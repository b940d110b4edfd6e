// The KPI report's and trends' wire shapes. Every figure's definition lives here, in its
// description: what counts, which date puts a fact in the period, and its unit.
import { z } from '@hono/zod-openapi';
import { AGEING_BUCKETS } from '../../domain/reports/kpi-periods.js';
import { GROUPINGS, TIMED_STAGE_IDS } from '../../read-model/kpi-report.js';
import { reportFilterQuery } from './report-filters.js';

/** A report's range is at most about three years: a report, not a scan of everything ever filed. */
export const MAX_REPORT_DAYS = 3 * 366;

const PERIOD_NOTE =
  'The period is the report time zone\'s days `from` to `to`, both included (config REPORT_TIME_ZONE, default Europe/Istanbul).';

export const kpiQuerySchema = z.object({
  from: z.iso.date().meta({ description: `First day of the period (YYYY-MM-DD). ${PERIOD_NOTE}`, example: '2026-01-01' }),
  to: z.iso.date().meta({ description: 'Last day of the period (YYYY-MM-DD), included; at most 1098 days after `from`', example: '2026-12-31' }),
  groupBy: z.enum(GROUPINGS).optional().meta({
    description:
      "Rows per value of the complaint's category, product, channel, department or team (its current value; null = none), " +
      "or per ISO week / calendar month of each figure's own deciding date (every week or month of the period, empty ones too). " +
      'Absent: the total only.',
    example: 'category',
  }),
  ...reportFilterQuery,
  rootCauses: z.coerce.number().int().min(1).max(100).default(10).meta({ description: 'How many root causes to list (top N)', example: 10 }),
});

export const trendsQuerySchema = kpiQuerySchema.pick({ from: true, to: true, department: true, team: true });

/** What a filtered report counts, echoed in its answer. */
const filterEcho = {
  department: z.string().nullable().meta({ description: 'The department the figures are filtered to (query `department`), else null' }),
  team: z.string().nullable().meta({ description: 'The team the figures are filtered to (query `team`), else null' }),
};

const ratio = (description: string) =>
  z
    .object({
      count: z.number().int().meta({ description: 'How many met the condition' }),
      of: z.number().int().meta({ description: 'How many were counted' }),
      rate: z.number().nullable().meta({ description: 'count / of, 0–1 (4 decimals); null when none were counted' }),
    })
    .meta({ description });

const stageRatio = (stage: string) =>
  ratio(
    `The ${stage} stage's clock runs settled in the period, and how many met their deadline. A run is settled when its ` +
      'clock stopped without a breach (met; the date that counts is when it stopped) or when its deadline was breached ' +
      '(missed; the date that counts is its deadline, whether the clock still runs or not).',
  );

export const kpiFiguresSchema = z
  .object({
    volume: z.object({
      received: z.number().int().meta({ description: 'Complaints received in the period (received_at)' }),
      closed: z.number().int().meta({ description: 'Complaints closed in the period, any closure (closed_at)' }),
      openAtStart: z.number().int().meta({ description: 'Complaints received before the period and not closed before it starts' }),
      openAtEnd: z.number().int().meta({
        description: 'Complaints received before the period ends and not closed by then (the backlog); open_external counts as open',
      }),
    }),
    backlogAgeing: z
      .object(
        Object.fromEntries(
          AGEING_BUCKETS.map((b) => [
            b.id,
            z.number().int().meta({ description: b.most === null ? `Aged more than ${b.least - 1} business days` : `Aged ${b.least}–${b.most} business days` }),
          ]),
        ),
      )
      .nullable()
      .meta({
        description:
          "The backlog (openAtEnd) by age on the period's last day, in business days of each complaint's own calendar " +
          '(its holidays and overrides): the working days after the day of receipt up to and including the last day ' +
          '(received on the last day = 0). Null for week and month rows: the total carries it.',
      }),
    acknowledgementOnTime: stageRatio('acknowledgement').meta({
      description:
        'Acknowledgement on time: the acknowledgement clock runs settled in the period, and how many ended (acknowledged) ' +
        'without a breach of their deadline. Settled: as in stageSla.',
    }),
    stageSla: z.object(Object.fromEntries(TIMED_STAGE_IDS.map((stage) => [stage, stageRatio(stage)]))).meta({
      description: 'Per-stage SLA attainment, one entry per timed stage',
    }),
    escalations: z.object({
      total: z.number().int().meta({ description: 'Escalation steps taken in the period (when each step occurred)' }),
      byLevel: z.record(z.string(), z.number().int()).meta({
        description: 'Escalation steps in the period by the level they reached (e.g. teamLead, complaintsManager, director)',
        example: { teamLead: 4, complaintsManager: 1 },
      }),
    }),
    resolution: z.object({
      medianBusinessHours: z.number().nullable().meta({
        description:
          'Median time from receipt to closure of the complaints closed in the period, in business hours of each ' +
          "complaint's calendar (working time only: no nights, weekends or public holidays); null when none closed",
      }),
      p90BusinessHours: z.number().nullable().meta({ description: '90th percentile of the same, business hours (continuous percentile)' }),
      closedWithin3BusinessDays: ratio(
        'Of the complaints closed in the period: closed by the end of the third business day after the day of receipt (the FCA\'s figure)',
      ),
      closedWithin8Weeks: ratio('Of the complaints closed in the period: closed within 8 calendar weeks (56 days) of receipt (the FCA\'s figure)'),
    }),
    closures: z
      .object({
        accepted: z.number().int(),
        deemed_accepted: z.number().int(),
        withdrawn: z.number().int(),
        out_of_scope: z.number().int(),
        duplicate: z.number().int(),
        external_decision: z.number().int(),
        no_response: z.number().int(),
      })
      .meta({ description: 'Complaints closed in the period (closed_at) by closure' }),
    withdrawal: ratio('Of the complaints closed in the period: withdrawn by the customer'),
    outOfScope: ratio('Of the complaints closed in the period: closed as out of scope'),
    duplicates: ratio('Of the complaints closed in the period: closed as duplicates'),
    acceptance: z.object({
      firstRound: ratio(
        'First-round acceptance: first proposals answered in the period (answered_at), and how many were accepted, ' +
          'explicitly or deemed accepted (no answer in time where the process says so)',
      ),
      secondRound: ratio('Second-round acceptance: proposals of round 2 or later answered in the period, and how many were accepted or deemed accepted'),
      deemed: ratio('Deemed acceptance: all proposals answered in the period, and how many were deemed accepted'),
      externalHandOffs: z.number().int().meta({
        description:
          "External hand-offs: complaints whose customer rejected the last round's proposal in the period (answered_at) and went " +
          'to an external body (status open_external, or closed with external_decision)',
      }),
    }),
    proposalsByOutcome: z
      .object({
        upheld: z.number().int(),
        partly_upheld: z.number().int(),
        not_upheld: z.number().int(),
        unrecorded: z.number().int().meta({ description: 'Proposals made before an outcome was recorded' }),
      })
      .meta({ description: 'Proposals (each round one) made in the period (proposed_at) by outcome: was the complaint upheld?' }),
    redress: z
      .array(
        z.object({
          currency: z.string().meta({ example: 'TRY' }),
          amount: z.string().meta({ description: 'Sum, a decimal string (exact)', example: '1500.00' }),
          proposals: z.number().int(),
        }),
      )
      .meta({
        description:
          'Redress: monetary proposals accepted or deemed accepted in the period (answered_at), summed per currency (ISO 4217 code), by currency',
      }),
    repeatComplaints: ratio(
      'Repeat-complaint rate: complaints received in the period, and how many came from a customer (same e-mail, else phone, ' +
        'by keyed hash) who had complained in the same category within the repeat window before (config ' +
        'REPEAT_COMPLAINT_WINDOW_DAYS, default 30 days), or that an agent linked as a repeat of an earlier closed ' +
        'complaint (decision link_repeat, whatever the window); a complaint that is both counts once',
    ),
    satisfaction: z.object({
      answers: z.number().int().meta({ description: 'Survey answers given in the period (answered_at)' }),
      meanHandling: z.number().nullable().meta({ description: 'Mean answer to "How satisfied are you with how we handled your complaint?" (survey `handling`), 1–5 (2 decimals); null without answers' }),
      meanOutcome: z.number().nullable().meta({ description: 'Mean answer to "How satisfied are you with the outcome?" (survey `outcome`), 1–5' }),
      satisfiedHandling: ratio('Share satisfied with the handling: answers rating it 4 or 5'),
      satisfiedOutcome: ratio('Share satisfied with the outcome: answers rating it 4 or 5'),
    }),
  })
  .meta({ id: 'KpiFigures' });

export const kpiReportSchema = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    timeZone: z.string().meta({ description: 'The report time zone the dates are read in', example: 'Europe/Istanbul' }),
    periodStart: z.iso.datetime({ offset: true }).meta({ description: 'The first instant counted' }),
    periodEnd: z.iso.datetime({ offset: true }).meta({ description: 'The first instant after the period (not counted)' }),
    repeatWindowDays: z.number().int(),
    groupBy: z.enum(GROUPINGS).nullable(),
    ...filterEcho,
    total: kpiFiguresSchema,
    groups: z
      .array(
        z.object({
          key: z.string().nullable().meta({ description: 'The group value (null: complaints without one), or `2026-W05` / `2026-01`' }),
          from: z.iso.date().optional().meta({ description: 'Week and month rows: their first day inside the period' }),
          to: z.iso.date().optional().meta({ description: 'Week and month rows: their last day inside the period' }),
          figures: kpiFiguresSchema,
        }),
      )
      .meta({ description: 'One row per group (empty without groupBy): values in order, weeks and months oldest first' }),
    rootCauses: z
      .array(z.object({ rootCause: z.string(), count: z.number().int() }))
      .meta({
        description:
          "Top root causes of the corrective actions recorded in the period (recorded_at), compared in lower case with runs of white space as one; most frequent first. Over the whole period, not per group",
      }),
  })
  .meta({ id: 'KpiReport' });

export const trendsSchema = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    timeZone: z.string(),
    ...filterEcho,
    weeks: z
      .array(
        z.object({
          week: z.string().meta({ description: 'ISO week in the report time zone', example: '2026-W05' }),
          from: z.iso.date().meta({ description: "The week's first day inside the period (a Monday but for the first week)" }),
          to: z.iso.date(),
          received: z.number().int().meta({ description: 'Complaints received that week' }),
          closed: z.number().int().meta({ description: 'Complaints closed that week' }),
          medianResolutionBusinessHours: z.number().nullable().meta({ description: 'Median business hours receipt → closure of those closed that week' }),
          slaAttainment: z.number().nullable().meta({ description: 'Stage clock runs settled that week (all stages) that met their deadline, 0–1' }),
          acceptance: z.number().nullable().meta({ description: 'Proposals answered that week (all rounds) accepted or deemed accepted, 0–1' }),
          satisfaction: z.number().nullable().meta({ description: 'Mean handling rating (1–5) of the survey answers given that week' }),
        }),
      )
      .meta({ description: 'Every ISO week the period touches, oldest first, weeks without complaints too' }),
  })
  .meta({ id: 'KpiTrends' });
