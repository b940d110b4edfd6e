// The public complaint form's configuration: the categories and products a customer chooses from,
// the privacy notice (KVKK information text) they consent to, and the attachment limits. Defaults
// fit a home-appliance maker; an operator replaces the lists and the notice with a JSON file
// (COMPLAINT_FORM_CONFIG_FILE), read once at start.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { AttachmentLimits } from '../domain/attachments/limits.js';
import type { Config } from './env.js';

/** The languages a customer may ask us to answer in (the form's "preferred language"). */
export const CUSTOMER_LANGUAGES = ['tr', 'en', 'fa', 'az'] as const;
export type CustomerLanguage = (typeof CUSTOMER_LANGUAGES)[number];

const perLanguage = z.partialRecord(z.enum(CUSTOMER_LANGUAGES), z.string().min(1).max(20_000));

const choiceSchema = z.strictObject({
  /** Stored on the complaint (`category`, `product`): a stable id, never a label. */
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, 'expected a lower-case id like washing-machine'),
  /** The label per language; a language without one uses the catalog's `form.category.<id>` (or `form.product.<id>`), then English, then the id. */
  labels: perLanguage.optional(),
});
export type FormChoice = z.infer<typeof choiceSchema>;

export const complaintFormFileSchema = z.strictObject({
  categories: z.array(choiceSchema).max(100).optional(),
  products: z.array(choiceSchema).max(500).optional(),
  privacyNotice: z
    .strictObject({
      /** Who controls the data (KVKK "veri sorumlusu"), named in the default notice. */
      dataController: z.string().min(1).max(200).optional(),
      /** The whole notice per language, replacing the default text (plain text, paragraphs by blank lines). */
      text: perLanguage.optional(),
    })
    .optional(),
});

export interface ComplaintFormSettings {
  categories: readonly FormChoice[];
  products: readonly FormChoice[];
  privacyNotice: { dataController: string; text: Partial<Record<CustomerLanguage, string>> };
  attachments: AttachmentLimits;
}

/** Default lists: ids only, their labels are in the catalog (texts/catalogs/<lang>/complaint-form.ts). */
export const DEFAULT_CATEGORIES: readonly FormChoice[] = [
  { id: 'product-defect' },
  { id: 'delivery' },
  { id: 'installation' },
  { id: 'repair-service' },
  { id: 'billing' },
  { id: 'customer-service' },
  { id: 'other' },
];

export const DEFAULT_PRODUCTS: readonly FormChoice[] = [
  { id: 'washing-machine' },
  { id: 'dishwasher' },
  { id: 'refrigerator' },
  { id: 'oven' },
  { id: 'air-conditioner' },
  { id: 'small-appliance' },
  { id: 'other' },
];

export const DEFAULT_COMPLAINT_FORM: ComplaintFormSettings = {
  categories: DEFAULT_CATEGORIES,
  products: DEFAULT_PRODUCTS,
  privacyNotice: { dataController: 'Plaint', text: {} },
  attachments: { maxCount: 5, maxBytes: 8 * 1024 * 1024, maxTotalBytes: 20 * 1024 * 1024 },
};

/** The form's settings from the configuration and, when COMPLAINT_FORM_CONFIG_FILE is set, that file (throws naming each bad field). */
export function loadComplaintFormSettings(
  config: Pick<Config, 'FORM_ATTACHMENTS_MAX_COUNT' | 'FORM_ATTACHMENT_MAX_BYTES' | 'FORM_ATTACHMENTS_TOTAL_MAX_BYTES' | 'COMPLAINT_FORM_CONFIG_FILE'>,
): ComplaintFormSettings {
  const file = config.COMPLAINT_FORM_CONFIG_FILE ? readFormFile(config.COMPLAINT_FORM_CONFIG_FILE) : {};
  return {
    categories: file.categories ?? DEFAULT_CATEGORIES,
    products: file.products ?? DEFAULT_PRODUCTS,
    privacyNotice: {
      dataController: file.privacyNotice?.dataController ?? DEFAULT_COMPLAINT_FORM.privacyNotice.dataController,
      text: file.privacyNotice?.text ?? {},
    },
    attachments: {
      maxCount: config.FORM_ATTACHMENTS_MAX_COUNT,
      maxBytes: config.FORM_ATTACHMENT_MAX_BYTES,
      maxTotalBytes: config.FORM_ATTACHMENTS_TOTAL_MAX_BYTES,
    },
  };
}

/** Parses the form's JSON file; the error names the file and each bad field. */
export function parseComplaintFormFile(text: string, path: string): z.infer<typeof complaintFormFileSchema> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`COMPLAINT_FORM_CONFIG_FILE ${path}: not JSON (${(err as Error).message})`);
  }
  const parsed = complaintFormFileSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new Error(`COMPLAINT_FORM_CONFIG_FILE ${path} is invalid:\n${lines.join('\n')}`);
  }
  for (const list of ['categories', 'products'] as const) {
    const ids = (parsed.data[list] ?? []).map((c) => c.id);
    const twice = ids.find((id, i) => ids.indexOf(id) !== i);
    if (twice) throw new Error(`COMPLAINT_FORM_CONFIG_FILE ${path}: ${list} lists '${twice}' twice`);
  }
  return parsed.data;
}

function readFormFile(path: string) {
  return parseComplaintFormFile(readFileSync(path, 'utf8'), path);
}
