// The KPI report as CSV (Accept: text/csv): one row for the total, then one per group, with
// stable column ids (snake_case) in a fixed order.
import { toCsv, type CsvCell } from '../../domain/reports/csv.js';
import { AGEING_BUCKETS } from '../../domain/reports/kpi-periods.js';
import { CLOSURE_IDS, TIMED_STAGE_IDS, type KpiFigures, type Ratio } from '../../read-model/kpi-report.js';

/** The default process's escalation levels get columns of their own; any other is in `escalations_other`. */
const LEVEL_COLUMNS = ['teamLead', 'complaintsManager', 'director'] as const;

const snake = (id: string) => id.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

type Column = [id: string, value: (f: KpiFigures) => CsvCell];

const ratioColumns = (prefix: string, pick: (f: KpiFigures) => Ratio, [count, of]: [string, string] = ['count', 'of']): Column[] => [
  [`${prefix}_${count}`, (f) => pick(f).count],
  [`${prefix}_${of}`, (f) => pick(f).of],
  [`${prefix}_rate`, (f) => pick(f).rate],
];

const COLUMNS: Column[] = [
  ['received', (f) => f.volume.received],
  ['closed', (f) => f.volume.closed],
  ['open_at_start', (f) => f.volume.openAtStart],
  ['open_at_end', (f) => f.volume.openAtEnd],
  ...AGEING_BUCKETS.map((b): Column => [
    b.most === null ? `backlog_days_over_${b.least - 1}` : `backlog_days_${b.least}_${b.most}`,
    (f) => f.backlogAgeing?.[b.id] ?? null,
  ]),
  ...ratioColumns('acknowledgement', (f) => f.acknowledgementOnTime, ['on_time', 'settled']),
  ...TIMED_STAGE_IDS.flatMap((stage) => ratioColumns(`sla_${snake(stage)}`, (f) => f.stageSla[stage], ['met', 'settled'])),
  ['escalations_total', (f) => f.escalations.total],
  ...LEVEL_COLUMNS.map((level): Column => [`escalations_${snake(level)}`, (f) => f.escalations.byLevel[level] ?? 0]),
  [
    'escalations_other',
    (f) => Object.entries(f.escalations.byLevel).reduce((sum, [level, n]) => sum + ((LEVEL_COLUMNS as readonly string[]).includes(level) ? 0 : n), 0),
  ],
  ['resolution_median_business_hours', (f) => f.resolution.medianBusinessHours],
  ['resolution_p90_business_hours', (f) => f.resolution.p90BusinessHours],
  ...ratioColumns('closed_within_3_business_days', (f) => f.resolution.closedWithin3BusinessDays),
  ...ratioColumns('closed_within_8_weeks', (f) => f.resolution.closedWithin8Weeks),
  ...CLOSURE_IDS.map((id): Column => [`closure_${id}`, (f) => f.closures[id]]),
  ['withdrawal_rate', (f) => f.withdrawal.rate],
  ['out_of_scope_rate', (f) => f.outOfScope.rate],
  ['duplicate_rate', (f) => f.duplicates.rate],
  ...ratioColumns('first_round', (f) => f.acceptance.firstRound, ['accepted', 'answered']),
  ...ratioColumns('second_round', (f) => f.acceptance.secondRound, ['accepted', 'answered']),
  ...ratioColumns('deemed', (f) => f.acceptance.deemed, ['accepted', 'answered']),
  ['external_hand_offs', (f) => f.acceptance.externalHandOffs],
  ['proposals_upheld', (f) => f.proposalsByOutcome.upheld],
  ['proposals_partly_upheld', (f) => f.proposalsByOutcome.partly_upheld],
  ['proposals_not_upheld', (f) => f.proposalsByOutcome.not_upheld],
  ['proposals_outcome_unrecorded', (f) => f.proposalsByOutcome.unrecorded],
  // Currencies vary: one cell, `EUR 20.00; TRY 1500.00`.
  ['redress', (f) => f.redress.map((r) => `${r.currency} ${r.amount}`).join('; ')],
  ...ratioColumns('repeat_complaints', (f) => f.repeatComplaints, ['repeats', 'received']),
  ['survey_answers', (f) => f.satisfaction.answers],
  ['satisfaction_mean_handling', (f) => f.satisfaction.meanHandling],
  ['satisfaction_mean_outcome', (f) => f.satisfaction.meanOutcome],
  ['satisfied_handling_rate', (f) => f.satisfaction.satisfiedHandling.rate],
  ['satisfied_outcome_rate', (f) => f.satisfaction.satisfiedOutcome.rate],
];

export const KPI_CSV_HEADER = ['row', 'group', 'from', 'to', ...COLUMNS.map(([id]) => id)];

export interface CsvGroup {
  key: string | null;
  from?: string | undefined;
  to?: string | undefined;
  figures: KpiFigures;
}

export function kpiCsv(report: { from: string; to: string; total: KpiFigures; groups: CsvGroup[] }): string {
  const row = (kind: string, g: CsvGroup): CsvCell[] => [kind, g.key, g.from ?? report.from, g.to ?? report.to, ...COLUMNS.map(([, value]) => value(g.figures))];
  return toCsv(KPI_CSV_HEADER, [row('total', { key: null, figures: report.total }), ...report.groups.map((g) => row('group', g))]);
}
