// The customer's view of a complaint, answered by tracking and by the answer endpoints. It is built
// from the read model's row and the workflow's status snapshot, then parsed through its schema:
// the schema strips every field it does not name, so staff ids, notes and corrective actions
// (which the snapshot holds) cannot reach the customer.
import { z } from '@hono/zod-openapi';
import type { Sql } from 'postgres';
import {
  CLOSURES,
  COMPLAINT_STATUSES,
  REMEDY_KINDS,
  isWorkingStatus,
  type Closure,
  type ComplaintStatus as StatusId,
} from '../../domain/complaint.js';
import { nextStep, remedyLabel, statusLabel } from '../../texts/customer-view.js';
import { LANGUAGES, languageOf, type Language } from '../../texts/languages.js';
import type { ComplaintSnapshot } from '../../workflows/complaint.messages.js';
import { responseBody } from '../http/response-body.js';

const instant = z.iso.datetime({ offset: true });

export const customerViewSchema = z
  .object({
    reference: z.string().meta({ example: 'CMP-2026-000123' }),
    status: z
      .enum(COMPLAINT_STATUSES)
      .meta({ description: 'Stable status id (show `label` to people)', example: 'resolution_proposed' }),
    label: z.string().meta({ description: "The status in the customer's language", example: 'Çözümlendi' }),
    language: z.enum(LANGUAGES).meta({ description: 'Language of `label` and `nextStep`', example: 'tr' }),
    closure: z.enum(CLOSURES).nullable().meta({ description: 'Why it closed; null while open', example: null }),
    receivedAt: instant.meta({ description: 'When we received the complaint' }),
    acknowledgedAt: instant.nullable().meta({ description: 'When we confirmed it to the customer' }),
    closedAt: instant.nullable(),
    aimToAnswerBy: instant.nullable().meta({
      description:
        'We aim to finish the current stage by then; null while we wait on the customer, after closure, ' +
        'and once that time has passed (see `laterThanPlanned`)',
    }),
    laterThanPlanned: z.boolean().meta({
      description: 'The current stage is past the time we aimed to answer by; we still owe the next step',
      example: false,
    }),
    nextUpdateBy: instant.nullable().meta({
      description: 'When we will write to you next if nothing happens sooner; null when nothing is scheduled',
    }),
    proposal: z
      .object({
        round: z.number().int().meta({ example: 1 }),
        summary: z.string().meta({ example: 'We replace the machine free of charge.' }),
        remedy: z.enum(REMEDY_KINDS),
        remedyLabel: z.string().meta({ example: 'Ürün değişimi' }),
        amount: z.number().nullable().meta({ example: null }),
        currency: z.string().nullable().meta({ example: null }),
        proposedAt: instant,
        answerDueAt: instant.nullable().meta({ description: 'Set while the proposal waits for the answer' }),
        answer: z
          .object({ outcome: z.enum(['accepted', 'rejected', 'deemed_accepted']), answeredAt: instant })
          .nullable(),
      })
      .nullable()
      .meta({ description: 'The latest proposed resolution, open or decided; null before the first' }),
    pendingQuestion: z
      .object({
        question: z.string().meta({ example: 'Which model number is on the label?' }),
        askedAt: instant,
        answerDueAt: instant.nullable().meta({ description: 'Please answer by then; null when the question has no deadline' }),
      })
      .nullable()
      .meta({ description: 'Our question while we wait for the customer; answer it through the link we sent' }),
    nextStep: z.string().meta({ description: "What happens next, in the customer's language" }),
  })
  .meta({
    id: 'CustomerView',
    description: 'A complaint as its customer sees it: no staff names, notes or internal ids',
  });

export type CustomerView = z.infer<typeof customerViewSchema>;

/** The read-model columns the customer view (and tracking) need. */
export interface CustomerComplaintRow {
  id: string;
  reference: string;
  status: string;
  closure: string | null;
  customer_locale: string;
  received_at: Date;
  acknowledged_at: Date | null;
  closed_at: Date | null;
  stage_deadline_at: Date | null;
  stage_paused: boolean;
  pin_hash: string;
  /** The workflow's whole status, written by its read-model activity; null until the first transition. */
  lifecycle: ComplaintSnapshot | null;
}

export async function findCustomerComplaint(
  sql: Sql,
  by: { id: string } | { reference: string },
): Promise<CustomerComplaintRow | undefined> {
  const where = 'id' in by ? sql`id = ${by.id}` : sql`reference = ${by.reference}`;
  const [row] = await sql<CustomerComplaintRow[]>`
    SELECT id, reference, status, closure, customer_locale, received_at, acknowledged_at, closed_at,
      stage_deadline_at, stage_paused, pin_hash, lifecycle
    FROM complaints WHERE ${where}`;
  return row;
}

/**
 * The view of a row at `now`. `snapshot` (the workflow's status, e.g. just returned by an update)
 * wins over the row's own snapshot; without either, only the row's columns speak. Texts are in the
 * customer's language unless a page the customer reads in another asks for that one. A date that
 * has passed is never shown as one we aim for.
 */
export function buildCustomerView(
  row: CustomerComplaintRow,
  snapshot = row.lifecycle,
  language: Language = languageOf(row.customer_locale),
  now: Date = new Date(),
): CustomerView {
  const state = snapshot?.state;
  const status = (state?.status ?? row.status) as StatusId;
  const closure = (state ? state.closure : row.closure) as Closure | null;
  const stageDeadline = snapshot
    ? snapshot.deadlines.stage && !snapshot.deadlines.stage.paused ? snapshot.deadlines.stage.deadline : null
    : !row.stage_paused ? iso(row.stage_deadline_at) : null;
  const latest = state?.proposals.at(-1);
  const open = latest && status === 'resolution_proposed' && !latest.answer && latest.round === state?.round;
  const answer = snapshot?.deadlines.answer;
  const question = status === 'awaiting_customer' ? state?.pendingInfoRequest : null;
  // A stage clock runs towards an answer from us: the working statuses, and acknowledging a new one.
  const owed = status === 'received' || isWorkingStatus(status) ? stageDeadline : null;
  const late = owed !== null && Date.parse(owed) <= now.getTime();
  const nextUpdate = snapshot?.deadlines.progressUpdateAt ?? null;
  // Only a date still ahead is shown: a timer late by an outage must not ask for a past date.
  const ahead = (at: string | null | undefined) => (at && Date.parse(at) > now.getTime() ? at : null);
  return responseBody(customerViewSchema, {
    reference: row.reference,
    status,
    label: statusLabel(status, language, state?.pendingInfoRequest?.returnTo),
    language,
    closure,
    receivedAt: row.received_at.toISOString(),
    acknowledgedAt: state ? state.acknowledgedAt : iso(row.acknowledged_at),
    closedAt: state ? state.closedAt : iso(row.closed_at),
    aimToAnswerBy: late ? null : owed,
    laterThanPlanned: late,
    nextUpdateBy: ahead(nextUpdate),
    proposal: latest
      ? {
          round: latest.round,
          summary: latest.summary,
          remedy: latest.remedy,
          remedyLabel: remedyLabel(latest.remedy, language),
          amount: latest.amount,
          currency: latest.currency,
          proposedAt: latest.proposedAt,
          answerDueAt: open && answer?.round === latest.round ? ahead(answer.deadline) : null,
          answer: latest.answer ? { outcome: latest.answer.outcome, answeredAt: latest.answer.at } : null,
        }
      : null,
    pendingQuestion: question
      ? {
          question: question.question,
          askedAt: question.askedAt,
          answerDueAt: snapshot?.deadlines.info?.requestId === question.requestId ? ahead(snapshot.deadlines.info.deadline) : null,
        }
      : null,
    nextStep: nextStep(status, closure, language),
  } satisfies CustomerView);
}

function iso(at: Date | null): string | null {
  return at ? at.toISOString() : null;
}
