// GET /v1/data-subjects/export: a subject access request answered (admin only). The person is
// found by the customer lookup hashes of their e-mail or phone, exactly as search finds them, and
// the answer is a JSON file of everything held about them (read-model/subject-access.ts). Each
// complaint exported is a recorded read of its personal data, like any other staff read.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Sql } from 'postgres';
import type { FieldIssue } from '../../domain/errors.js';
import { readsBy, recordPersonalDataReads } from '../../read-model/personal-data-reads.js';
import { complaintsOfSubject, subjectAccessRecords, type SubjectKey } from '../../read-model/subject-access.js';
import type { CustomerLookupHasher } from '../../security/customer-lookup.js';
import type { DataKeyStore } from '../../security/data-keys.js';
import type { AppEnv } from '../http/app-env.js';
import { access } from '../http/access-matrix.js';
import { errorResponses, unprocessableError } from '../http/errors.js';
import { responseBody } from '../http/response-body.js';
import { validationHook } from '../http/validation.js';
import { param } from './audit-trail.js';

/** Bumped when a field changes meaning or goes away; new fields keep the version. */
export const SUBJECT_ACCESS_SCHEMA_VERSION = 1;

export const subjectQuerySchema = z.strictObject({
  email: z
    .string()
    .min(3)
    .max(320)
    .regex(/@/, 'expected an e-mail address')
    .optional()
    .meta(param('email', 'The e-mail address (case and surrounding space ignored). Give exactly one of email and phone.', 'ayse@example.com')),
  phone: z
    .string()
    .min(1)
    .max(40)
    .regex(/\d/, 'expected a phone number (digits)')
    .optional()
    .meta(param('phone', 'The phone number, in any usual form (+90 532 …, 0532 …). Give exactly one of email and phone.', '+90 532 000 00 17')),
});

const at = z.iso.datetime({ offset: true });
const text = z.string().nullable().meta({ description: 'null where the value could not be opened (its key was destroyed meanwhile)' });

const erasedComplaintSchema = z
  .object({
    erased: z.literal(true),
    reference: z.string(),
    receivedAt: at,
    erasedAt: at.meta({ description: "When the complaint's personal data was erased (its data key destroyed)" }),
    erasureReason: z.string().nullable().meta({ description: '`request` (the person asked) or `retention` (the retention period ended)' }),
  })
  .meta({ id: 'SubjectAccessErasedComplaint', description: 'An erased complaint: that it was, when and why; none of its data is held any more' });

const heldComplaintSchema = z
  .object({
    erased: z.literal(false),
    reference: z.string().meta({ example: 'CMP-2026-000123' }),
    channel: z.string().meta({ example: 'web' }),
    status: z.string(),
    closure: z.string().nullable(),
    receivedAt: at,
    acknowledgedAt: at.nullable(),
    closedAt: at.nullable(),
    updatedAt: at,
    locale: z.string().meta({ description: 'The language they were written to in' }),
    customer: z.object({ name: text, email: text, phone: text, country: text, postalAddress: text }).meta({ description: 'Contact details as stored' }),
    subject: text,
    description: text.meta({ description: 'What they wrote' }),
    category: z.string().nullable(),
    product: z.string().nullable(),
    entry: z
      .object({ enteredAt: at.nullable(), enteredBy: z.string().nullable(), frontOffice: z.string().nullable(), intermediary: text })
      .meta({ description: 'Who entered it and who passed it on (the intermediary), for a complaint staff entered' }),
    privacyConsents: z.array(z.object({ noticeSha256: z.string(), language: z.string(), consentedAt: at })),
    timeline: z
      .array(z.object({ seq: z.number().int(), type: z.string(), actor: z.object({ id: z.string(), role: z.string() }), at, data: z.record(z.string(), z.unknown()) }))
      .meta({ description: 'Every event, oldest first, as recorded: what they wrote (replies, answers) and what staff decided and wrote' }),
    messages: z
      .array(
        z.object({
          channel: z.string(),
          recipient: text,
          locale: z.string(),
          template: z.string(),
          subject: text,
          body: text.meta({ description: 'As rendered; an answer link shows as `[answer link]`' }),
          status: z.string(),
          createdAt: at,
          sentAt: at.nullable(),
          deliveredAt: at.nullable(),
          delivery: z.array(z.object({ at, event: z.string(), detail: z.string().nullable() })).meta({ description: 'Failures, bounces and retries' }),
        }),
      )
      .meta({ description: 'Every message written to them (e-mail, SMS, letter, passed on by an agent), with how its delivery went' }),
    proposals: z.array(
      z.object({
        round: z.number().int(),
        outcome: z.string().nullable(),
        remedy: z.string(),
        amount: z.string().nullable().meta({ description: 'Decimal, as text' }),
        currency: z.string().nullable(),
        proposedAt: at,
        answer: z.string().nullable(),
        answeredAt: at.nullable(),
      }),
    ),
    attachments: z
      .array(
        z.object({
          id: z.uuid(),
          name: text,
          contentType: z.string(),
          sizeBytes: z.number().int(),
          sha256: z.string().meta({ description: 'Hex SHA-256 of the file, to check the downloaded copy' }),
          createdAt: at,
          href: z.string().meta({ description: 'The staff download (GET, admin key); each download is itself a recorded read' }),
        }),
      )
      .meta({ description: 'Their files: metadata and where to download each (the bytes are not inlined: up to 20 MB per complaint)' }),
    surveyAnswers: z.array(
      z.object({ handling: z.number().int(), outcome: z.number().int(), reasons: z.array(z.string()), comment: text, language: z.string(), answeredAt: at }),
    ),
    inboundEmails: z
      .array(z.object({ via: z.string(), receivedAt: at, sizeBytes: z.number().int(), outcome: z.string(), reason: z.string().nullable(), refusedAttachments: z.array(z.string()) }))
      .meta({ description: 'E-mails received from them about it (their text is on the timeline; the mail itself is not kept)' }),
    integrationMessages: z
      .array(z.object({ source: z.string(), messageId: z.string(), platform: z.string(), handle: text, conversationUrl: text, receivedAt: at }))
      .meta({ description: 'Chat and social messages from them (the transcript is the complaint\'s text and timeline)' }),
  })
  .meta({ id: 'SubjectAccessComplaint' });

export const subjectAccessExportSchema = z
  .object({
    format: z.literal('plaint.subject-access'),
    schemaVersion: z.literal(SUBJECT_ACCESS_SCHEMA_VERSION).meta({ description: 'Bumped when a field changes meaning or goes away' }),
    generatedAt: at,
    subject: z
      .object({ email: z.string().optional(), phone: z.string().optional() })
      .meta({ description: 'What they were looked up by, as given; complaints match it as search does (e-mail: case and spaces ignored; phone: any usual form)' }),
    complaints: z.array(z.union([heldComplaintSchema, erasedComplaintSchema])).meta({ description: 'Oldest first' }),
  })
  .meta({ id: 'SubjectAccessExport' });

const route = createRoute({
  method: 'get',
  path: '/export',
  summary: 'Everything held about one person, as a JSON file (subject access; staff: admin)',
  description:
    'Give exactly one of `email` and `phone` (a 422 naming the fields otherwise; also a 422 for a phone number that holds no number, such as `00`). Their complaints are found through the ' +
    'customer lookup hashes, as `GET /v1/complaints?customerEmail=` finds them; no complaint is an empty list. Answered as ' +
    '`Content-Disposition: attachment`. Every complaint exported is recorded as a read (`GET /v1/audit/personal-data-reads`, kind `export`).',
  security: [{ apiKey: [] }],
  middleware: [access('GET /v1/data-subjects/export')] as const,
  request: { query: subjectQuerySchema },
  responses: {
    200: {
      description: 'The export',
      headers: { 'Content-Disposition': { description: 'attachment; filename="subject-access-<date>.json"', schema: { type: 'string' as const } } },
      content: { 'application/json': { schema: subjectAccessExportSchema } },
    },
    ...errorResponses(400, 401, 403, 422),
  },
});

export function dataSubjectRoutes(deps: { sql: Sql; customerLookup: CustomerLookupHasher; dataKeys: DataKeyStore }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(route, async (c) => {
    const query = c.req.valid('query');
    const key = subjectKeyOf(query, deps.customerLookup);
    const rows = await complaintsOfSubject(deps.sql, key);
    const held = rows.filter((r) => r.destroyed_at === null).map((r) => r.id);
    const [complaints] = await Promise.all([
      subjectAccessRecords(deps.sql, deps.dataKeys, rows),
      recordPersonalDataReads(deps.sql, readsBy(c.get('actor')!, 'export', held, { requestId: c.get('requestId') })),
    ]);
    const generatedAt = new Date();
    const body = {
      format: 'plaint.subject-access',
      schemaVersion: SUBJECT_ACCESS_SCHEMA_VERSION,
      generatedAt: generatedAt.toISOString(),
      subject: query.email !== undefined ? { email: query.email } : { phone: query.phone },
      complaints,
    };
    // The file's name says when, never whom: it travels by e-mail and sits in download folders.
    c.header('Content-Disposition', `attachment; filename="subject-access-${generatedAt.toISOString().slice(0, 10)}.json"`);
    c.header('Cache-Control', 'private, no-store');
    return c.json(responseBody(subjectAccessExportSchema, body), 200);
  });
}

function subjectKeyOf(query: z.infer<typeof subjectQuerySchema>, hasher: CustomerLookupHasher): SubjectKey {
  const issues: FieldIssue[] = [];
  if (query.email !== undefined && query.phone !== undefined) {
    issues.push({ path: 'query.email', message: 'give either email or phone, not both' }, { path: 'query.phone', message: 'give either email or phone, not both' });
  } else if (query.email === undefined && query.phone === undefined) {
    issues.push({ path: 'query.email', message: 'give the e-mail address or the phone number (phone)' });
  }
  const email = query.email === undefined ? undefined : hasher.email(query.email);
  const phone = query.phone === undefined ? undefined : hasher.phone(query.phone);
  if (email === null) issues.push({ path: 'query.email', message: 'expected an e-mail address' });
  if (phone === null) issues.push({ path: 'query.phone', message: 'expected a phone number (digits)' });
  // Every field fits the document here: what is wrong is a rule its description states.
  if (issues.length > 0 || (!email && !phone)) throw unprocessableError(issues);
  return email ? { email } : { phone: phone! };
}
