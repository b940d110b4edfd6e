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
  customerLabel,
  isWorkingStatus,
  type Closure,
  type ComplaintStatus as StatusId,
  type RemedyKind,
} from '../domain/complaint.js';
import type { ComplaintStatus } from '../workflows/complaint.messages.js';

/** Languages the customer texts exist in; any other locale reads English. */
export const CUSTOMER_LANGUAGES = ['en', 'tr'] as const;
export type CustomerLanguage = (typeof CUSTOMER_LANGUAGES)[number];

const instant = z.iso.datetime({ offset: true });

export const customerViewSchema = z
  .object({
    reference: z.string().meta({ example: 'CMP-2026-000123' }),
    status: z
      .enum(COMPLAINT_STATUSES)
      .meta({ description: 'Stable status id (show `label` to people)', example: 'resolution_proposed' }),
    label: z.string().meta({ description: "The status in the customer's language", example: 'Çözümlendi' }),
    language: z.enum(CUSTOMER_LANGUAGES).meta({ description: 'Language of `label` and `nextStep`', example: 'tr' }),
    closure: z.enum(CLOSURES).nullable().meta({ description: 'Why it closed; null while open', example: null }),
    receivedAt: instant.meta({ description: 'When we received the complaint' }),
    acknowledgedAt: instant.nullable().meta({ description: 'When we confirmed it to the customer' }),
    closedAt: instant.nullable(),
    aimToAnswerBy: instant.nullable().meta({
      description: 'We aim to finish the current stage by then; null while we wait on the customer or after closure',
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
  lifecycle: ComplaintStatus | null;
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

/** `tr-TR` → `tr`; languages without texts fall back to English. */
export function customerLanguage(locale: string): CustomerLanguage {
  const language = locale.toLowerCase().split('-')[0];
  return (CUSTOMER_LANGUAGES as readonly string[]).includes(language ?? '') ? (language as CustomerLanguage) : 'en';
}

/**
 * The view of a row. `snapshot` (the workflow's status, e.g. just returned by an update) wins over
 * the row's own snapshot; without either, only the row's columns speak. Texts are in the
 * customer's language unless a page the customer reads in another asks for that one.
 */
export function buildCustomerView(
  row: CustomerComplaintRow,
  snapshot = row.lifecycle,
  language = customerLanguage(row.customer_locale),
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
  return customerViewSchema.parse({
    reference: row.reference,
    status,
    label: customerLabel(status, language, state?.pendingInfoRequest?.returnTo),
    language,
    closure,
    receivedAt: row.received_at.toISOString(),
    acknowledgedAt: state ? state.acknowledgedAt : iso(row.acknowledged_at),
    closedAt: state ? state.closedAt : iso(row.closed_at),
    // A stage clock runs towards an answer from us: the working statuses, and acknowledging a new one.
    aimToAnswerBy: status === 'received' || isWorkingStatus(status) ? stageDeadline : null,
    proposal: latest
      ? {
          round: latest.round,
          summary: latest.summary,
          remedy: latest.remedy,
          remedyLabel: REMEDY_LABELS[language][latest.remedy],
          amount: latest.amount,
          currency: latest.currency,
          proposedAt: latest.proposedAt,
          answerDueAt: open && answer?.round === latest.round ? answer.deadline : null,
          answer: latest.answer ? { outcome: latest.answer.outcome, answeredAt: latest.answer.at } : null,
        }
      : null,
    pendingQuestion: question
      ? {
          question: question.question,
          askedAt: question.askedAt,
          answerDueAt: snapshot?.deadlines.info?.requestId === question.requestId ? snapshot.deadlines.info.deadline : null,
        }
      : null,
    nextStep: nextStep(language, status, closure),
  } satisfies CustomerView);
}

function iso(at: Date | null): string | null {
  return at ? at.toISOString() : null;
}

export function nextStep(language: CustomerLanguage, status: StatusId, closure: Closure | null): string {
  if (status === 'closed') return CLOSED_STEPS[language][closure ?? 'closed'];
  return NEXT_STEPS[language][status];
}

export const REMEDY_LABELS: Readonly<Record<CustomerLanguage, Readonly<Record<RemedyKind, string>>>> = {
  en: {
    refund: 'Refund',
    replacement: 'Replacement',
    repair: 'Repair',
    credit: 'Credit',
    apology: 'Apology',
    explanation: 'Explanation',
    other: 'Other',
  },
  tr: {
    refund: 'Para iadesi',
    replacement: 'Ürün değişimi',
    repair: 'Onarım',
    credit: 'Hesaba alacak',
    apology: 'Özür',
    explanation: 'Açıklama',
    other: 'Diğer',
  },
};

const NEXT_STEPS: Readonly<Record<CustomerLanguage, Readonly<Record<Exclude<StatusId, 'closed'>, string>>>> = {
  en: {
    received: 'We have received your complaint and will confirm it to you shortly.',
    acknowledged: 'We have confirmed your complaint and are passing it to the right team.',
    in_review: 'A specialist is reviewing your complaint.',
    investigating: 'We are investigating your complaint and will propose a resolution.',
    awaiting_customer: 'We need an answer from you to continue: please answer our question through the link we sent you.',
    resolution_proposed: 'We have proposed a resolution: please accept or reject it through the link we sent you.',
    reinvestigating: 'You rejected our proposal, so we are looking at your complaint again and will make a new proposal.',
    open_external:
      'We could not agree on a resolution. You may take your complaint to an independent body; we have sent you where to turn. Your complaint stays open.',
  },
  tr: {
    received: 'Şikâyetinizi aldık; kısa süre içinde size onay göndereceğiz.',
    acknowledged: 'Şikâyetinizi kayda aldık ve ilgili ekibe yönlendiriyoruz.',
    in_review: 'Bir uzmanımız şikâyetinizi değerlendiriyor.',
    investigating: 'Şikâyetinizi araştırıyoruz; size bir çözüm önereceğiz.',
    awaiting_customer: 'Devam edebilmemiz için yanıtınıza ihtiyacımız var: lütfen size gönderdiğimiz bağlantıdan sorumuzu yanıtlayın.',
    resolution_proposed: 'Size bir çözüm önerdik: lütfen size gönderdiğimiz bağlantıdan kabul edin ya da reddedin.',
    reinvestigating: 'Önerimizi reddettiniz; şikâyetinizi yeniden inceliyor ve size yeni bir öneri sunacağız.',
    open_external:
      'Bir çözümde uzlaşamadık. Şikâyetinizi bağımsız bir kuruma taşıyabilirsiniz; başvurabileceğiniz yerleri size gönderdik. Şikâyetiniz açık kalıyor.',
  },
};

const CLOSED_STEPS: Readonly<Record<CustomerLanguage, Readonly<Record<Closure | 'closed', string>>>> = {
  en: {
    accepted: 'You accepted our resolution, and your complaint is closed. Thank you.',
    deemed_accepted: 'You did not answer our proposal in time, so we consider it accepted; your complaint is closed.',
    withdrawn: 'Your complaint was withdrawn and is closed.',
    out_of_scope: 'Your complaint is outside what we can handle, so it is closed; we have told you why.',
    duplicate: 'This complaint repeats another one we are handling, so it is closed; we continue with the other one.',
    external_decision: 'The independent body has decided, we have recorded its decision, and your complaint is closed.',
    no_response: 'We did not receive the information we asked you for in time, so your complaint is closed. Contact us if you would like us to continue.',
    closed: 'Your complaint is closed.',
  },
  tr: {
    accepted: 'Çözümümüzü kabul ettiniz; şikâyetiniz kapatıldı. Teşekkür ederiz.',
    deemed_accepted: 'Önerimizi süresi içinde yanıtlamadığınız için kabul edilmiş sayıldı; şikâyetiniz kapatıldı.',
    withdrawn: 'Şikâyetiniz geri çekildi ve kapatıldı.',
    out_of_scope: 'Şikâyetiniz ele alabileceğimiz konuların dışında kaldığı için kapatıldı; nedenini size bildirdik.',
    duplicate: 'Bu şikâyet, ele aldığımız başka bir şikâyetin tekrarı olduğu için kapatıldı; diğeriyle devam ediyoruz.',
    external_decision: 'Bağımsız kurumun kararını kaydettik; şikâyetiniz kapatıldı.',
    no_response: 'İstediğimiz bilgiyi süresi içinde alamadığımız için şikâyetiniz kapatıldı. Devam etmemizi isterseniz bizimle iletişime geçin.',
    closed: 'Şikâyetiniz kapatıldı.',
  },
};
