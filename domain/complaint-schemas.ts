// Zod schemas for what enters a complaint: the intake body, agent decisions, customer answers and
// (for simulation) whole lifecycle events. Plain zod without transforms or OpenAPI metadata: the
// API adds its docs, activities reuse them, and parsed values cross Temporal boundaries as they are.
import { z } from 'zod';
import {
  CHANNELS,
  CUSTOMER_MESSAGE_CHANNELS,
  EXTERNAL_DECISIONS,
  MONETARY_REMEDY_KINDS,
  PROPOSAL_OUTCOMES,
  RECORDED_ANSWERS,
  REMEDY_KINDS,
  ROLES,
  SEVERITIES,
  STAFF_RECORDED_CHANNELS,
  TIMED_STAGES,
  INTERMEDIARY_CHANNELS,
  type ComplaintFilingBody,
  type ComplaintIntakeBody,
} from './complaint.js';
import type { Actor, CustomerAnswer, Decision, LifecycleEvent, SystemEvent } from './lifecycle/events.js';
import { REFERENCE_PATTERN } from './reference.js';
import { allRules, onlyWhen, requiredTogether, requiredWhen, storableTextPattern } from './json-schema-rules.js';

/**
 * A NUL character or a lone UTF-16 surrogate: PostgreSQL refuses the first in text, and the second
 * is no character at all (it cannot be encoded as UTF-8). JSON escapes (`\u0000`, `\ud800`) let
 * both in, so every free text is checked for them.
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const STORABLE_TEXT_MESSAGE = 'must not contain NUL characters or unpaired surrogates';

/** True when PostgreSQL can store `value` as text and it is well-formed Unicode. */
export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

/** Any string PostgreSQL can store: no NUL, no unpaired surrogate. */
export const storableText = () => z.string().refine(isStorableText, STORABLE_TEXT_MESSAGE).meta({ pattern: storableTextPattern(false) });

/** Free text with a length limit that is not only white space (checked, not trimmed); the document's pattern says both. */
export const nonBlankText = (max: number) =>
  z.string().refine(isStorableText, STORABLE_TEXT_MESSAGE).min(1).max(max).regex(/\S/, 'must not be blank').meta({ pattern: storableTextPattern(true) });
/** A staff user id from the identity provider: no spaces, no personal data. */
const staffIdSchema = z.string().min(1).max(100).regex(/^[A-Za-z0-9._@:-]+$/, 'expected a user id');
const isoInstantSchema = z.iso.datetime({ offset: true });
const roundSchema = z.number().int().min(1).max(10);
const requestIdSchema = z.string().regex(/^info-[1-9][0-9]*$/, 'expected a request id like info-1');

/** Free lines as on the envelope, since address formats differ per country. */
const POSTAL_ADDRESS_MAX_LINES = 8;
const postalAddressSchema = nonBlankText(500).refine(
  (text) => text.split(/\r\n|\r|\n/).length <= POSTAL_ADDRESS_MAX_LINES,
  `at most ${POSTAL_ADDRESS_MAX_LINES} lines`,
);

/**
 * An e-mail address as a browser's `<input type="email">` takes it (WHATWG's definition), stated as
 * the document's pattern: what the form lets through, the API takes, and so does a client that
 * follows the document.
 */
export const emailAddressSchema = z.email({ pattern: z.regexes.html5Email, error: 'expected an e-mail address like ayse@example.com' }).max(254);

const complaintFields = {
  channel: z.enum(CHANNELS),
  customer: z.strictObject({
    name: nonBlankText(200),
    email: emailAddressSchema.optional(),
    phone: z
      .string()
      .regex(/^\+?[0-9][0-9 ()-]{5,19}$/, 'expected a phone number like +90 532 000 00 00')
      .optional(),
    // A script subtag is allowed: Azerbaijani is written in Latin (az-Latn-AZ) and Arabic script.
    locale: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$/, 'expected a language tag like tr, tr-TR or az-Latn-AZ'),
    country: z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166 alpha-2 code like TR').optional(),
    postalAddress: postalAddressSchema.optional(),
  }),
  subject: nonBlankText(200).min(3),
  description: nonBlankText(10_000).min(10),
  category: nonBlankText(100).optional(),
  product: nonBlankText(200).optional(),
};

/** We answer a letter by letter unless the customer gave another way to reach them. */
function requirePostalAddressForLetter(intake: ComplaintIntakeBody, ctx: z.RefinementCtx): void {
  const { email, phone, postalAddress } = intake.customer;
  if (intake.channel === 'letter' && !email && !phone && !postalAddress) {
    ctx.addIssue({
      code: 'custom',
      path: ['customer', 'postalAddress'],
      message: 'required for a letter without e-mail or phone: where we send our answers',
    });
  }
}

/** requirePostalAddressForLetter as JSON Schema: a letter's customer gives an e-mail, a phone or a postal address. */
const LETTER_NEEDS_AN_ADDRESS = {
  if: { properties: { channel: { const: 'letter' } }, required: ['channel'] },
  then: { properties: { customer: { anyOf: ['email', 'phone', 'postalAddress'].map((f) => ({ required: [f] })) } } },
};

/** The complaint itself, as the workflow receives it (the public form files exactly this). */
export const complaintIntakeSchema = z.strictObject(complaintFields).superRefine(requirePostalAddressForLetter).meta(allRules(LETTER_NEEDS_AN_ADDRESS));

/** An office id of FRONT_OFFICES (config/agent-intake.ts): lower-case letters, digits and `-`. */
export const FRONT_OFFICE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,49}$/;

/** Which fields go with which channel; the times and office ids that depend on config are checked by the API. */
function agentEntryRules(filing: ComplaintFilingBody, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (filing.receivedAt !== undefined && filing.channel === 'web') {
    issue('receivedAt', 'a web complaint is received when it arrives: only complaints staff enter on another channel carry receivedAt');
  }
  if (filing.channel === 'front_office' && filing.frontOffice === undefined) {
    issue('frontOffice', 'required for a front-office complaint: the id of the office that received it');
  }
  if (filing.frontOffice !== undefined && filing.channel !== 'front_office') issue('frontOffice', 'only for channel front_office');
  if (filing.intermediary !== undefined && !(INTERMEDIARY_CHANNELS as readonly string[]).includes(filing.channel)) {
    issue('intermediary', `only for channel ${INTERMEDIARY_CHANNELS.join(' or ')}: who passed the complaint on`);
  }
}

/**
 * POST /v1/complaints: the complaint, and from staff when it was really received and through whom
 * (`receivedAt`, `frontOffice`, `intermediary`).
 */
export const complaintFilingSchema = z
  .strictObject({
    ...complaintFields,
    receivedAt: isoInstantSchema.optional(),
    frontOffice: z.string().regex(FRONT_OFFICE_ID_PATTERN, 'expected an office id like head-office').optional(),
    intermediary: nonBlankText(200).optional(),
  })
  .superRefine(requirePostalAddressForLetter)
  .superRefine(agentEntryRules)
  .meta(
    allRules(
      requiredWhen('channel', ['front_office'], ['frontOffice']),
      onlyWhen('channel', ['front_office'], 'frontOffice'),
      onlyWhen('channel', INTERMEDIARY_CHANNELS, 'intermediary'),
      onlyWhen('channel', STAFF_RECORDED_CHANNELS, 'receivedAt'),
      LETTER_NEEDS_AN_ADDRESS,
    ),
  );

export const actorSchema = z.strictObject({ id: staffIdSchema, role: z.enum(ROLES) });

const proposeResolutionSchema = z
  .strictObject({
    type: z.literal('propose_resolution'),
    outcome: z.enum(PROPOSAL_OUTCOMES),
    summary: nonBlankText(5_000),
    remedy: z.enum(REMEDY_KINDS),
    amount: z.number().positive().max(1_000_000_000).optional(),
    currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code like TRY').optional(),
    correctiveActionId: z.string().regex(/^ca-[1-9][0-9]*$/, 'expected a corrective action id like ca-1').optional(),
  })
  .superRefine((body, ctx) => {
    const monetary = (MONETARY_REMEDY_KINDS as readonly string[]).includes(body.remedy);
    if (monetary && body.amount === undefined) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: `a ${body.remedy} needs an amount` });
    }
    if ((monetary || body.amount !== undefined) && body.currency === undefined) {
      ctx.addIssue({ code: 'custom', path: ['currency'], message: 'an amount needs a currency' });
    }
    if (body.currency !== undefined && body.amount === undefined && !monetary) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'a currency needs an amount' });
    }
  })
  .meta(allRules(requiredTogether('amount', 'currency'), requiredWhen('remedy', MONETARY_REMEDY_KINDS, ['amount', 'currency'])));

export const decisionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('acknowledge') }),
  z.strictObject({
    type: z.literal('classify'),
    category: nonBlankText(100),
    product: nonBlankText(200),
    severity: z.enum(SEVERITIES),
    // Optional: without it, the process's routing rules choose the department.
    department: nonBlankText(100).optional(),
  }),
  // `assignee: null` releases the complaint (a queue claim given back): nobody has it, its team keeps it.
  z.strictObject({ type: z.literal('assign'), assignee: staffIdSchema.nullable(), team: nonBlankText(100).optional() }),
  z.strictObject({ type: z.literal('request_info'), question: nonBlankText(2_000) }),
  proposeResolutionSchema,
  z.strictObject({ type: z.literal('escalate'), reason: nonBlankText(1_000) }),
  z.strictObject({ type: z.literal('note'), text: nonBlankText(5_000) }),
  z.strictObject({
    type: z.literal('record_corrective_action'),
    rootCause: nonBlankText(2_000),
    action: nonBlankText(2_000),
    owner: staffIdSchema,
    dueDate: z.iso.date(),
  }),
  z.strictObject({
    type: z.literal('record_external_outcome'),
    body: nonBlankText(200),
    bodyReference: nonBlankText(100),
    decision: z.enum(EXTERNAL_DECISIONS),
    summary: nonBlankText(5_000),
  }),
  z.strictObject({ type: z.literal('withdraw'), reason: nonBlankText(1_000) }),
  z.strictObject({ type: z.literal('close_out_of_scope'), reason: nonBlankText(1_000) }),
  z.strictObject({
    type: z.literal('mark_duplicate'),
    duplicateOf: z.string().regex(REFERENCE_PATTERN, 'expected a reference like CMP-2026-000123'),
  }),
  z.strictObject({
    type: z.literal('record_customer_answer'),
    answer: z.enum(RECORDED_ANSWERS),
    // What the customer said (the reason, when rejected), as long as their own answer may be.
    text: nonBlankText(5_000),
    channel: z.enum(STAFF_RECORDED_CHANNELS),
  }),
  z.strictObject({ type: z.literal('cancel_info_request'), reason: nonBlankText(1_000) }),
  z.strictObject({ type: z.literal('reissue_link') }),
  z.strictObject({
    type: z.literal('link_repeat'),
    repeatOf: z.string().regex(REFERENCE_PATTERN, 'expected a reference like CMP-2026-000123'),
  }),
]);

export const customerAnswerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('customer_accepted'), round: roundSchema }),
  z.strictObject({ type: z.literal('customer_rejected'), round: roundSchema, reason: nonBlankText(2_000) }),
  z.strictObject({
    type: z.literal('customer_answered_info'),
    requestId: requestIdSchema,
    text: nonBlankText(5_000),
  }),
  z.strictObject({ type: z.literal('customer_wrote'), channel: z.enum(CUSTOMER_MESSAGE_CHANNELS), text: nonBlankText(5_000) }),
]);

const stageIdSchema = z.enum(TIMED_STAGES);

export const systemEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('acknowledgement_sent') }),
  z.strictObject({ type: z.literal('deadline_warning'), stage: stageIdSchema }),
  z.strictObject({ type: z.literal('deadline_breached'), stage: stageIdSchema, breachCount: z.number().int().min(1) }),
  z.strictObject({ type: z.literal('customer_answer_timed_out'), round: roundSchema }),
  z.strictObject({ type: z.literal('answer_reminder_due'), round: roundSchema }),
  z.strictObject({ type: z.literal('progress_update_due') }),
  z.strictObject({
    type: z.literal('activity_failed'),
    activity: z.string().max(100),
    errorType: z.string().max(100),
    message: z.string().max(2_000),
  }),
  z.strictObject({ type: z.literal('info_reminder_due'), requestId: requestIdSchema }),
  z.strictObject({ type: z.literal('info_answer_timed_out'), requestId: requestIdSchema }),
  z.strictObject({ type: z.literal('personal_data_erasure_requested'), erasureId: z.uuid() }),
]);

/** A whole event, e.g. for the process-definition simulation endpoint. */
export const lifecycleEventSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('decision'), at: isoInstantSchema, actor: actorSchema, decision: decisionSchema }),
  z.strictObject({ kind: z.literal('customer'), at: isoInstantSchema, answer: customerAnswerSchema }),
  z.strictObject({ kind: z.literal('system'), at: isoInstantSchema, system: systemEventSchema }),
]);

// The plain types live beside the reducer (no zod there); these checks keep schema and type equal.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const schemasMatchTypes: [
  Equal<z.infer<typeof complaintIntakeSchema>, ComplaintIntakeBody>,
  Equal<z.infer<typeof complaintFilingSchema>, ComplaintFilingBody>,
  Equal<z.infer<typeof actorSchema>, Actor>,
  Equal<z.infer<typeof decisionSchema>, Decision>,
  Equal<z.infer<typeof customerAnswerSchema>, CustomerAnswer>,
  Equal<z.infer<typeof systemEventSchema>, SystemEvent>,
  Equal<z.infer<typeof lifecycleEventSchema>, LifecycleEvent>,
] = [true, true, true, true, true, true, true];
void schemasMatchTypes;
