// The public complaint form's use case: read the posted multipart form, check it field by field
// (the intake schema POST /v1/complaints uses, plus what the form adds: a way to reach the
// customer, the configured lists, consent, the attachments), and file it through the same
// fileComplaint as the JSON route, with the attachments and the consent in its transaction.
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { checkAttachments, type AcceptedFile, type AttachmentProblem, type IncomingFile } from '../../domain/attachments/limits.js';
import { STORABLE_TEXT_MESSAGE } from '../../domain/complaint-schemas.js';
import { CUSTOMER_LANGUAGES, type ComplaintFormSettings, type CustomerLanguage } from '../../config/complaint-form.js';
import type { AttachmentStore } from '../../read-model/attachments.js';
import { sha256Hex } from '../../read-model/attachments.js';
import { intakeRequestSchema, type IntakeRequest } from '../intake/intake.schemas.js';
import { fileComplaint, type IntakeDeps, type IntakeResult } from '../intake/file-complaint.js';

/** The form's fields, in the order the page shows them (and the error summary lists them). */
export const FORM_FIELDS = [
  'name',
  'email',
  'phone',
  'language',
  'subject',
  'description',
  'category',
  'product',
  'attachments',
  'consent',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** What the customer typed, as strings, to show back when the form is refused (never the files). */
export interface FormValues {
  name: string;
  email: string;
  phone: string;
  language: string;
  subject: string;
  description: string;
  category: string;
  product: string;
  consent: boolean;
}

/** The posted form: its values, its files and the fields that are not the customer's words. */
export interface PostedForm {
  values: FormValues;
  files: IncomingFile[];
  /** The hidden per-form idempotency key (one complaint however often it is sent). */
  formKey: string | undefined;
  /** The hidden anti-forgery token. */
  csrfToken: string | undefined;
  /** The field only bots fill in. */
  honeypot: string;
  /** The page language the form was shown in. */
  pageLanguage: string | undefined;
}

/** One problem of a field: a message key of texts/catalogs/<lang>/complaint-form.ts and its values. */
export interface FieldProblem {
  field: FormField;
  key: FormErrorKey;
  /** Placeholder values; `maxSize` and `totalSize` are bytes, which the page writes in its language. */
  values?: Record<string, string | number>;
}

export type FormErrorKey =
  | `form.error.${Exclude<FormField, 'attachments'>}`
  | 'form.error.contact'
  | 'form.error.unstorable'
  | 'form.error.attachments.tooMany'
  | 'form.error.attachments.tooLargeTotal'
  | 'form.error.attachments.tooLarge'
  | 'form.error.attachments.empty'
  | 'form.error.attachments.type';

/** The honeypot's field name: one a form-filling bot takes for a real field. */
export const HONEYPOT_FIELD = 'website';

/** Reads the multipart (or urlencoded) body; undefined when it cannot be read as a form. */
export async function readPostedForm(c: Context): Promise<PostedForm | undefined> {
  let body: Record<string, string | File | (string | File)[]>;
  try {
    body = await c.req.parseBody({ all: true });
  } catch {
    return undefined;
  }
  const text = (name: string): string => {
    const raw = body[name];
    const value = Array.isArray(raw) ? raw[0] : raw;
    return typeof value === 'string' ? value : '';
  };
  const rawFiles = body.attachments;
  const parts = Array.isArray(rawFiles) ? rawFiles : rawFiles === undefined ? [] : [rawFiles];
  // An empty file input still sends one part with no name and no bytes: no file was chosen.
  const chosen = parts.filter((p): p is File => typeof p !== 'string' && (p.name !== '' || p.size > 0));
  const files = await Promise.all(chosen.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
  return {
    values: {
      name: text('name').trim(),
      email: text('email').trim(),
      phone: text('phone').trim(),
      language: text('language').trim(),
      subject: text('subject').trim(),
      description: text('description'),
      category: text('category').trim(),
      product: text('product').trim(),
      consent: text('consent') === 'yes',
    },
    files,
    formKey: text('formKey') || undefined,
    csrfToken: text('csrf') || undefined,
    honeypot: text(HONEYPOT_FIELD),
    pageLanguage: text('lang') || undefined,
  };
}

export type CheckedForm =
  | { ok: true; request: IntakeRequest; files: AcceptedFile[]; language: CustomerLanguage }
  | { ok: false; problems: FieldProblem[] };

/** Checks every field at once, so the customer sees all problems together. */
export function checkForm(values: FormValues, files: readonly IncomingFile[], settings: ComplaintFormSettings): CheckedForm {
  const problems: FieldProblem[] = [];
  const optional = (v: string) => (v === '' ? undefined : v);
  const language = (CUSTOMER_LANGUAGES as readonly string[]).includes(values.language) ? (values.language as CustomerLanguage) : undefined;
  if (!language) problems.push({ field: 'language', key: 'form.error.language' });
  const candidate = {
    channel: 'web' as const,
    customer: {
      name: values.name,
      ...(optional(values.email) ? { email: values.email } : {}),
      ...(optional(values.phone) ? { phone: values.phone } : {}),
      locale: language ?? 'tr',
    },
    subject: values.subject,
    description: values.description,
    ...(optional(values.category) ? { category: values.category } : {}),
    ...(optional(values.product) ? { product: values.product } : {}),
  };
  const parsed = intakeRequestSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOfPath(issue.path.map(String));
      if (!field || problems.some((p) => p.field === field)) continue;
      problems.push(
        issue.message === STORABLE_TEXT_MESSAGE
          ? { field, key: 'form.error.unstorable' }
          : { field, key: `form.error.${field}` as FormErrorKey },
      );
    }
  }
  // The web answers by e-mail or SMS: without either we could not reach the customer at all.
  if (!values.email && !values.phone) problems.push({ field: 'email', key: 'form.error.contact' });
  const listed = (list: readonly { id: string }[], id: string) => id === '' || list.some((c) => c.id === id);
  if (!listed(settings.categories, values.category) && !problems.some((p) => p.field === 'category')) {
    problems.push({ field: 'category', key: 'form.error.category' });
  }
  if (!listed(settings.products, values.product) && !problems.some((p) => p.field === 'product')) {
    problems.push({ field: 'product', key: 'form.error.product' });
  }
  const attachments = checkAttachments(files, settings.attachments);
  if (!attachments.ok) problems.push(...attachments.problems.map(attachmentProblem));
  if (!values.consent) problems.push({ field: 'consent', key: 'form.error.consent' });
  if (problems.length > 0 || !parsed.success || !attachments.ok || !language) {
    return { ok: false, problems: sortByField(problems) };
  }
  return { ok: true, request: parsed.data, files: attachments.files, language };
}

function attachmentProblem(p: AttachmentProblem): FieldProblem {
  switch (p.kind) {
    case 'too_many':
      return { field: 'attachments', key: 'form.error.attachments.tooMany', values: { maxCount: p.maxCount } };
    case 'too_large_total':
      return { field: 'attachments', key: 'form.error.attachments.tooLargeTotal', values: { totalSize: p.maxTotalBytes } };
    case 'too_large':
      return { field: 'attachments', key: 'form.error.attachments.tooLarge', values: { name: p.name, maxSize: p.maxBytes } };
    case 'empty':
      return { field: 'attachments', key: 'form.error.attachments.empty', values: { name: p.name } };
    case 'unsupported_type':
      return { field: 'attachments', key: 'form.error.attachments.type', values: { name: p.name } };
  }
}

function fieldOfPath(path: readonly string[]): FormField | undefined {
  const [head, sub] = path;
  if (head === 'customer') {
    if (sub === 'name' || sub === 'email' || sub === 'phone') return sub;
    if (sub === 'locale') return 'language';
    return undefined;
  }
  return (['subject', 'description', 'category', 'product'] as const).find((f) => f === head);
}

function sortByField(problems: FieldProblem[]): FieldProblem[] {
  return [...problems].sort((a, b) => FORM_FIELDS.indexOf(a.field) - FORM_FIELDS.indexOf(b.field));
}

export interface FormIntakeDeps extends IntakeDeps {
  attachments: AttachmentStore;
}

/**
 * Files a checked form: the complaint, its attachments and the consent to `notice` in one
 * transaction. The same `scopedKey` (the form's hidden key, per client address) with the same
 * content answers the first filing again, PIN included: a double submit files one complaint.
 */
export async function fileThroughForm(
  deps: FormIntakeDeps,
  form: { request: IntakeRequest; files: readonly AcceptedFile[]; noticeText: string; noticeLanguage: string },
  scopedKey: string,
): Promise<IntakeResult & { attachmentCount: number }> {
  const noticeSha256 = createHash('sha256').update(form.noticeText).digest('hex');
  const result = await fileComplaint(deps, form.request, scopedKey, {
    fingerprintParts: form.files.map((f) => `${sha256Hex(f.bytes)}:${f.name}`),
    async writeWithComplaint(tx, complaint) {
      await deps.attachments.store(tx, complaint.id, form.files);
      await tx`
        INSERT INTO complaint_privacy_consents (complaint_id, notice_sha256, language, consented_at)
        VALUES (${complaint.id}, ${noticeSha256}, ${form.noticeLanguage}, ${complaint.receivedAt})`;
    },
  });
  return { ...result, attachmentCount: form.files.length };
}
