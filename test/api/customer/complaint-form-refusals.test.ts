import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COMPLAINT_FORM } from '../../../config/complaint-form.js';
import { aFilledForm, openForm, PDF, PNG, submitForm } from '../../helpers/complaint-form.js';
import { integrationContext, type IntegrationContext } from '../../helpers/integration.js';

let ctx: IntegrationContext;
let app: ReturnType<IntegrationContext['app']>;

// Small limits, so "too large" is a few kilobytes.
const complaintForm = { ...DEFAULT_COMPLAINT_FORM, attachments: { maxCount: 2, maxBytes: 4096, maxTotalBytes: 6000 } };

beforeAll(async () => {
  ctx = await integrationContext();
  // Complaints filed here run to their first record, so none is left for the intake reconciler
  // of a later file to find unrecorded.
  await ctx.startWorker();
  app = ctx.app({ complaintForm });
});
afterAll(() => ctx.close());

const filedFor = async (email: string) => (await ctx.sql`SELECT id FROM complaints WHERE customer_email = ${email}`).length;
const bigPng = (size: number) => Buffer.concat([PNG, Buffer.alloc(size - PNG.length)]);

/** The error summary's entries (linked to their fields) and whether `field` is marked invalid with its message. */
function problems(html: string) {
  const summary = [...html.matchAll(/<li><a href="#([a-z]+)">([^<]*)<\/a><\/li>/g)].map((m) => [m[1]!, m[2]!] as const);
  const marked = (field: string) =>
    new RegExp(`id="${field}"[^>]*aria-describedby="[^"]*${field}-error[^"]*" aria-invalid="true"`).test(html) &&
    html.includes(`<p id="${field}-error"`);
  return { summary, fields: summary.map(([f]) => f), marked };
}

describe('POST /complaints/new refuses', () => {
  it('a text file named .png, by its content, naming the file next to the field and keeping the other values', async () => {
    const session = await openForm(app);
    const filled = aFilledForm({ files: [{ name: 'photo.png', bytes: Buffer.from('I am not a picture'), type: 'image/png' }] });
    const res = await submitForm(app, session, filled);
    expect(res.status).toBe(400);
    const html = await res.text();
    const p = problems(html);
    expect(p.fields).toEqual(['attachments']);
    expect(p.summary[0]![1]).toContain('“photo.png” is not a JPEG, PNG, WebP or HEIC photo or a PDF document');
    expect(p.marked('attachments')).toBe(true);
    expect(html).toContain(`value="${filled.email}"`);
    expect(html).toContain('Makine iki haftalık');
    expect(html).toContain('please attach them again');
    expect(await filedFor(filled.email!)).toBe(0);
  });

  it('too many files, and a file too large, with the field named', async () => {
    const session = await openForm(app);
    const filled = aFilledForm({
      files: [
        { name: 'a.png', bytes: PNG },
        { name: 'b.pdf', bytes: PDF },
        { name: 'c.png', bytes: bigPng(5000) },
      ],
    });
    const html = await (await submitForm(app, session, filled)).text();
    const p = problems(html);
    expect(p.summary.map(([, m]) => m)).toEqual(['Attach at most 2 files.', '“c.png” is larger than 4 kB.']);
    expect(p.marked('attachments')).toBe(true);
    expect(await filedFor(filled.email!)).toBe(0);
  });

  it('a body over the form limit with a page naming the attachments, not JSON', async () => {
    const session = await openForm(app);
    const filled = aFilledForm({ files: [{ name: 'huge.png', bytes: bigPng(6000 + 300 * 1024) }] });
    const res = await submitForm(app, session, filled);
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const p = problems(await res.text());
    expect(p.fields).toEqual(['attachments']);
    expect(await filedFor(filled.email!)).toBe(0);
  });

  it('missing consent, missing contact and a blank subject, all at once, in order', async () => {
    const session = await openForm(app);
    const filled = aFilledForm({ consent: false, email: '', phone: '', subject: '   ' });
    const res = await submitForm(app, session, filled);
    expect(res.status).toBe(400);
    const html = await res.text();
    const p = problems(html);
    expect(p.fields).toEqual(['email', 'subject', 'consent']);
    expect(p.summary[2]![1]).toBe('To file a complaint, please confirm that you have read the privacy notice.');
    expect(p.marked('consent')).toBe(true);
    expect(html).toContain('There are problems with 3 fields');
    expect(html).not.toMatch(/id="consent"[^>]*checked/);
  });

  it('a category or product not in the configured lists', async () => {
    const session = await openForm(app);
    const html = await (await submitForm(app, session, aFilledForm({ category: 'made-up', product: 'x' }))).text();
    expect(problems(html).fields).toEqual(['category', 'product']);
  });

  it('a post from another site (foreign Origin), showing nothing of it back', async () => {
    const session = await openForm(app);
    const filled = aFilledForm();
    const res = await submitForm(app, session, filled, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain('It was sent from another web site.');
    expect(html).not.toContain(filled.email!);
    expect(await filedFor(filled.email!)).toBe(0);
    const noOrigin = await submitForm(app, session, filled, { origin: null });
    expect(noOrigin.status).toBe(403);
  });

  it('a token that does not belong to the browser\'s cookie, with the values kept and a fresh token', async () => {
    const session = await openForm(app);
    const other = await openForm(app);
    const filled = aFilledForm();
    const res = await submitForm(app, session, filled, { csrf: other.csrf });
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain('This form had expired.');
    expect(html).toContain(`value="${filled.email}"`);
    expect(await filedFor(filled.email!)).toBe(0);
    const noCookie = await submitForm(app, session, filled, { cookie: '' });
    expect(noCookie.status).toBe(403);
  });

  it('nothing when the honeypot is filled, with a page that looks filed', async () => {
    const session = await openForm(app);
    const filled = aFilledForm({ website: 'http://spam.example' });
    const res = await submitForm(app, session, filled);
    expect(res.status).toBe(201);
    const html = await res.text();
    expect(html).toContain('Thank you, we have your complaint');
    expect(html).toMatch(/CMP-\d{4}-\d{6}/);
    expect(await filedFor(filled.email!)).toBe(0);
  });

  it('a NUL byte or odd Unicode without a 500: named fields, or filed as written', async () => {
    const session = await openForm(app);
    const nul = aFilledForm({ name: 'Ay\u0000şe', description: 'Su\u0000 sızdırıyor, gerçekten çok.' });
    const res = await submitForm(app, session, nul);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).not.toContain('\u0000');
    expect(problems(html).fields).toEqual(['name', 'description']);

    const odd = aFilledForm({
      name: 'Zoë \u202Eevil\u202C 😀',
      subject: 'ﷺ𝕏 ẞ İı',
      description: 'Combining: e\u0301, ZWJ 👩‍👩‍👧, Persian: شکایت من, RTL mark \u200F done.',
      files: [{ name: '\u0000../\u202Egnp.exe.png', bytes: PNG }],
    });
    const filed = await submitForm(app, session, odd, { formKey: crypto.randomUUID() });
    expect(filed.status).toBe(201);
    const [row] = await ctx.sql<{ id: string }[]>`SELECT id FROM complaints WHERE customer_email = ${odd.email!}`;
    const [file] = await ctx.sql<{ original_name: string }[]>`SELECT original_name FROM complaint_attachments WHERE complaint_id = ${row!.id}`;
    // Sealed at rest: the stored name is a pd1 string; opened, it is the cleaned name.
    expect(file!.original_name).toMatch(/^pd1\./);
    expect(await ctx.activityDeps.dataKeys.open(file!.original_name)).toBe('gnp.exe.png');
  });

  it('a malformed multipart body with the form again, not a 500', async () => {
    const session = await openForm(app);
    const res = await app.request('/complaints/new?lang=en', {
      method: 'POST',
      headers: { origin: 'http://localhost', cookie: session.cookie, 'x-forwarded-for': session.address, 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nunterminated',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('We could not read the form.');
  });
});

describe('the per-address budget', () => {
  it('is shared with POST /v1/complaints and answers the form with 429 and Retry-After', async () => {
    const limited = ctx.app({ complaintForm, publicIntakePerMinute: 2 });
    const session = await openForm(limited, '?lang=en', '203.0.113.77');
    expect((await submitForm(limited, session, aFilledForm())).status).toBe(201);
    const json = await limited.request('/v1/complaints', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': session.address },
      body: '{}',
    });
    expect(json.status).toBe(400);
    const res = await submitForm(limited, session, aFilledForm(), { formKey: crypto.randomUUID() });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await res.text()).toContain('Too many complaints were sent from your connection.');
  });
});
