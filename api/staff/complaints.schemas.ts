// The staff view of a complaint — one resource for the list (GET /v1/complaints), the single
// complaint (GET /v1/complaints/{reference}) and a decision's answer — and the reference in staff paths.
import { z } from '@hono/zod-openapi';
import { CHANNELS, DECISION_TYPES, DUPLICATE_REASONS } from '../../domain/complaint.js';
import { REFERENCE_PATTERN } from '../../domain/reference.js';
import { customerContactFor, type CustomerContact } from '../../domain/customer-masking.js';
import type { Role } from '../../domain/complaint.js';

const instant = z.iso.datetime({ offset: true });

const maskedDescription =
  'True when `email` and `phone` are masked for the caller\'s role: agents, supervisors and admins read them in full; ' +
  'an auditor reads `a•••@e•••.com` and `•••17` (the last two digits).';

export const possibleDuplicateSchema = z
  .object({
    reference: z.string().meta({ example: 'CMP-2026-000101' }),
    subject: z.string(),
    status: z.string().meta({ example: 'closed' }),
    closure: z.string().nullable(),
    receivedAt: instant,
    closedAt: instant.nullable(),
    why: z.enum(DUPLICATE_REASONS).meta({
      description:
        '`same_customer`: the same e-mail or phone (keyed hash); `similar_text`: subject and description very similar ' +
        '(at least DUPLICATE_SIMILARITY_THRESHOLD); `both`.',
    }),
    score: z.number().min(0).max(1).meta({
      description: 'Trigram similarity of the two texts (pg_trgm, Turkish-aware lower case), 0–1, two decimals',
      example: 0.82,
    }),
    customer: z
      .object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable(), masked: z.boolean().meta({ description: maskedDescription }) })
      .meta({ description: 'Who filed the earlier complaint (so an agent can tell one person with two addresses)' }),
  })
  .meta({ id: 'PossibleDuplicate' });

export type PossibleDuplicateView = z.infer<typeof possibleDuplicateSchema>;

export const complaintSchema = z
  .object({
    id: z.uuid(),
    reference: z.string().meta({ example: 'CMP-2026-000123' }),
    channel: z.enum(CHANNELS),
    status: z.string().meta({ example: 'investigating' }),
    customer: z.object({
      name: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      locale: z.string(),
      country: z.string().nullable(),
      postalAddress: z.string().nullable().meta({ description: 'Where letters go, as the customer gave it' }),
      masked: z.boolean().meta({
        description:
          'True when `email`, `phone` and `postalAddress` are masked for the caller\'s role: agents, supervisors and ' +
          'admins read them in full; an auditor reads `a•••@e•••.com`, `•••17` (the last two digits) and `•••`.',
      }),
    }).meta({ description: 'Who complained. Contact details only for the roles that contact customers (see `masked`).' }),
    subject: z.string(),
    description: z.string(),
    category: z.string().nullable(),
    product: z.string().nullable(),
    receivedAt: instant.meta({ description: 'When the complaint reached us: every clock starts here (staff may give a time before they entered it)' }),
    entry: z
      .object({
        enteredAt: instant.nullable().meta({ description: 'When it was filed in Plaint; null for complaints filed before this was kept (then as received)' }),
        enteredBy: z.string().nullable().meta({ description: 'The staff member who entered it; null for the customer\'s own (web form, keyless API)', example: 'agent-ayse' }),
        frontOffice: z.string().nullable().meta({ description: 'The office a `front_office` complaint came to (`GET /v1/intake-options`)', example: 'head-office' }),
        intermediary: z.string().nullable().meta({ description: 'Who passed a `dealer` or `sales_representative` complaint on', example: 'Yılmaz Oto (D-1043)' }),
      })
      .meta({ description: 'How the complaint was entered' }),
    updatedAt: instant.meta({ description: 'When the latest transition happened (intake, before the first)' }),
    recordedByWorkflow: z.boolean().meta({ description: 'The workflow has confirmed this record' }),
    closure: z.string().nullable().meta({ description: 'Why a closed complaint closed', example: 'accepted' }),
    round: z.number().int().meta({ description: 'Round of the latest proposal (0 before the first)' }),
    stage: z
      .object({
        id: z.string().meta({ example: 'investigation' }),
        startedAt: instant.nullable(),
        warningAt: instant.nullable(),
        deadline: instant.nullable(),
        paused: z.boolean(),
        businessMinutesLeft: z
          .number()
          .int()
          .nullable()
          .meta({
            description:
              'Working minutes from now to the deadline in the complaint\'s calendar (`calendarId`, with its overrides); ' +
              'negative when the deadline has passed. Null while the clock is paused or without a deadline.',
            example: 630,
          }),
      })
      .nullable()
      .meta({ description: 'The running stage clock, its warning point and deadline; null when none runs (e.g. closed)' }),
    calendarId: z.string().nullable().meta({ description: 'The business calendar the deadlines count in', example: 'TR' }),
    escalationLevel: z.string().nullable().meta({ example: 'teamLead' }),
    breachCount: z.number().int().meta({ description: 'Stage deadlines breached so far' }),
    assignee: z.string().nullable(),
    team: z.string().nullable(),
    department: z.string().nullable(),
    severity: z.string().nullable(),
    answerDueAt: instant
      .nullable()
      .meta({
        description:
          "When the customer's answer is due: to the open proposal, or to our open question; once a proposal's answer " +
          'timed out under `stay_open`, when it did (overdue)',
      }),
    progressUpdateAt: instant.nullable().meta({ description: 'When the customer is next told how it is going' }),
    acknowledgedAt: instant.nullable(),
    closedAt: instant.nullable(),
    seq: z.number().int().meta({ description: 'Number of recorded transitions (timeline sequence); also the `ETag`' }),
    processVersion: z.string().nullable().meta({ description: 'The process version it runs under, `id@version`', example: 'iso-10002-default@1' }),
    process: z
      .object({
        definitionId: z.string().meta({ example: 'iso-10002-default' }),
        version: z.number().int().meta({ example: 1 }),
        contentHash: z.string().nullable().meta({ description: 'SHA-256 of the version\'s canonical JSON' }),
      })
      .nullable()
      .meta({ description: 'The process version pinned at intake; null for complaints filed before versions were stored' }),
    lifecycle: z
      .record(z.string(), z.unknown())
      .nullable()
      .meta({ description: 'The full lifecycle state (classification, proposals, …); null until the workflow records a transition' }),
    repeatOf: z
      .object({
        reference: z.string().meta({ example: 'CMP-2026-000087' }),
        linkedAt: instant,
        linkedBy: z.string().meta({ description: 'The staff id who linked it' }),
      })
      .nullable()
      .meta({
        description:
          'The earlier, closed complaint of the same customer this one repeats (decision `link_repeat`; a later link ' +
          'replaces it); null when none. It counts in the repeat-rate KPI.',
      }),
    possibleDuplicates: z
      .array(possibleDuplicateSchema)
      .nullable()
      .meta({
        description:
          'Earlier complaints received within DUPLICATE_WINDOW_DAYS before this one, of the same customer or with a very ' +
          'similar text, found when read (so always current): both kinds first, then the most similar, at most 10. ' +
          'Null in lists (a similarity search per row; ask the single complaint), and when the search did not finish ' +
          'within 1 s (the rest of the complaint is still shown).',
      }),
    allowedDecisions: z
      .array(z.enum(DECISION_TYPES))
      .nullable()
      .meta({
        description:
          'The decisions the caller\'s role may take now, from the complaint\'s workflow: `[]` when closed (or for a role ' +
          'that takes none). Null in lists (ask the single complaint), and when the workflow did not answer in time.',
        example: ['classify', 'request_info', 'note'],
      }),
  })
  .meta({ id: 'Complaint' });

export type ComplaintView = z.infer<typeof complaintSchema>;

type DuplicateCustomer = Omit<CustomerContact, 'postalAddress'> & { name: string };

/**
 * A complaint of the read model as `role` may read it: contact details masked for roles that
 * contact nobody, the complaint's customer and those of its possible duplicates alike.
 */
export function complaintAsReadBy<T extends { customer: CustomerContact; possibleDuplicates?: readonly { customer: DuplicateCustomer }[] | null }>(
  role: Role,
  complaint: T,
): T & { customer: T['customer'] & { masked: boolean } } {
  const duplicates = complaint.possibleDuplicates?.map((d) => {
    const { postalAddress: _none, ...customer } = customerContactFor(role, { ...d.customer, postalAddress: null });
    return { ...d, customer };
  });
  return { ...complaint, customer: customerContactFor(role, complaint.customer), ...(duplicates ? { possibleDuplicates: duplicates } : {}) };
}

export const referenceParamSchema = z.object({
  reference: z
    .string()
    .regex(REFERENCE_PATTERN, 'expected a reference like CMP-2026-000123')
    .meta({ param: { name: 'reference', in: 'path' }, example: 'CMP-2026-000123' }),
});
