// Filling in the public complaint form as a browser does: GET it (cookie and hidden fields), then
// POST a multipart body built with FormData from the same origin.
import { randomUUID } from 'node:crypto';
import type { IntegrationContext } from './integration.js';

type App = ReturnType<IntegrationContext['app']>;

export const ORIGIN = 'http://localhost';

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
/** A one-page PDF. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

export interface FormSession {
  cookie: string;
  formKey: string;
  csrf: string;
  /** Client address (X-Forwarded-For), one per session so budgets and keys do not mix. */
  address: string;
}

/** Opens the form like a browser: keeps its cookie and reads the hidden fields. */
export async function openForm(app: App, query = '?lang=en', address = `198.51.100.${Math.floor(Math.random() * 250) + 1}`): Promise<FormSession & { html: string; status: number }> {
  const res = await app.request(`/complaints/new${query}`, { headers: { 'x-forwarded-for': address } });
  const html = await res.text();
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { cookie, formKey: hidden(html, 'formKey'), csrf: hidden(html, 'csrf'), address, html, status: res.status };
}

export function hidden(html: string, name: string): string {
  const match = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html);
  if (!match) throw new Error(`no hidden field ${name}`);
  return match[1]!;
}

export interface Filled {
  name?: string;
  email?: string;
  phone?: string;
  language?: string;
  subject?: string;
  description?: string;
  category?: string;
  product?: string;
  consent?: boolean;
  website?: string;
  files?: { name: string; bytes: Uint8Array; type?: string }[];
}

export const aFilledForm = (overrides: Filled = {}): Filled => ({
  name: 'Ayşe Yılmaz',
  email: `ayse.${randomUUID().slice(0, 8)}@example.com`,
  phone: '+90 532 000 00 00',
  language: 'tr',
  subject: 'Çamaşır makinesi su sızdırıyor',
  description: 'Makine iki haftalık, alttan su sızdırıyor ve mutfak ıslanıyor.',
  category: 'product-defect',
  product: 'washing-machine',
  consent: true,
  ...overrides,
});

/** Posts the form as a browser would from our own page (same Origin, the cookie, the hidden fields). */
export function submitForm(
  app: App,
  session: FormSession,
  filled: Filled,
  opts: { origin?: string | null; lang?: string; formKey?: string; csrf?: string; cookie?: string } = {},
) {
  const form = new FormData();
  form.set('lang', opts.lang ?? 'en');
  form.set('formKey', opts.formKey ?? session.formKey);
  form.set('csrf', opts.csrf ?? session.csrf);
  for (const key of ['name', 'email', 'phone', 'language', 'subject', 'description', 'category', 'product'] as const) {
    form.set(key, filled[key] ?? '');
  }
  if (filled.consent) form.set('consent', 'yes');
  form.set('website', filled.website ?? '');
  const files = filled.files ?? [];
  if (files.length === 0) form.append('attachments', new File([], ''), '');
  for (const f of files) form.append('attachments', new File([f.bytes], f.name, { type: f.type ?? 'application/octet-stream' }));
  const origin = opts.origin === undefined ? ORIGIN : opts.origin;
  return app.request(`/complaints/new?lang=${opts.lang ?? 'en'}`, {
    method: 'POST',
    headers: {
      ...(origin === null ? {} : { origin }),
      cookie: opts.cookie ?? session.cookie,
      'x-forwarded-for': session.address,
    },
    body: form,
  });
}

/** The confirmation page's reference and PIN. */
export function confirmation(html: string): { reference: string; pin: string } {
  const reference = /<strong dir="ltr">(CMP-\d{4}-\d{6,10})<\/strong>/.exec(html)?.[1];
  const pin = /<strong dir="ltr" class="pin">(\d{8})<\/strong>/.exec(html)?.[1];
  if (!reference || !pin) throw new Error(`no confirmation in the page: ${html.slice(0, 400)}`);
  return { reference, pin };
}
