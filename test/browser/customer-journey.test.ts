// The whole customer journey in a real browser, as a customer lives it: the complaint form, the
// acknowledgement in the mail catcher, the PIN from the SMS sink, the tracking page, two rejected
// proposals answered through the e-mailed links, the external remedies, and the survey. Every
// message goes out through the real dispatcher to the local inbox `npm start` runs (SMTP and the
// signed SMS webhook), never read from the outbox table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { Page } from 'playwright-core';
import { createDispatcher } from '../../delivery/dispatcher.js';
import { webhookSmsProvider } from '../../delivery/sms/webhook.js';
import { createSmtpTransport } from '../../delivery/smtp.js';
import { startDevInbox, type DevInbox, type InboxEmail, type InboxSms } from '../../dev-inbox/index.js';
import { createOutboxDelivery } from '../../read-model/outbox-delivery.js';
import { createStaffDirectory } from '../../read-model/staff-directory.js';
import { replyAddressBook } from '../../security/reply-address.js';
import { SealedBox } from '../../security/sealed-box.js';
import { translate } from '../../texts/translate.js';
import type { Language } from '../../texts/languages.js';
import { startBrowser, type BrowserSession } from '../helpers/browser.js';
import { STAFF_ID } from '../helpers/customer-fixtures.js';
import { bearer, eventually, integrationContext, LINK_SIGNING_SECRET, SMS_WEBHOOK_SECRET, type IntegrationContext } from '../helpers/integration.js';

let ctx: IntegrationContext;
let app: ReturnType<IntegrationContext['app']>;
let inbox: DevInbox;
let session: BrowserSession;
let stopDispatcher: () => Promise<void>;

beforeAll(async () => {
  ctx = await integrationContext();
  inbox = await startDevInbox({ smtpPort: 0, smsPort: 0, httpPort: 0, smsSecret: SMS_WEBHOOK_SECRET });
  app = ctx.app();
  session = await startBrowser(app);
  // Links in messages must open the app the browser talks to.
  ctx.activityDeps.publicBaseUrl = session.baseUrl;
  await ctx.startWorker();
  const dispatcher = createDispatcher(
    {
      sql: ctx.sql,
      outbox: createOutboxDelivery({ ...ctx.activityDeps, sealedBox: new SealedBox(ctx.encryptionKeys) }),
      dataKeys: ctx.activityDeps.dataKeys,
      email: createSmtpTransport({ host: inbox.smtp.host, port: inbox.smtp.port, secure: false, requireTls: false, from: 'Plaint <complaints@plaint.test>' }),
      sms: webhookSmsProvider({ url: inbox.smsUrl, secret: SMS_WEBHOOK_SECRET, timeoutMs: 5_000 }),
      staffAddresses: createStaffDirectory(ctx.sql),
      log: pino({ level: 'silent' }),
    },
    { maxAttempts: 3, backoffBaseMs: 100, backoffMaxMs: 400, leaseMs: 60_000, pollMs: 100, batchSize: 20, replyAddresses: replyAddressBook(LINK_SIGNING_SECRET, 'reply.plaint.test'), staffLocale: 'en', notBefore: new Date() },
  );
  stopDispatcher = dispatcher.start().stop;
});

afterAll(async () => {
  await stopDispatcher?.();
  await session?.close();
  await inbox?.close();
  await ctx?.close();
});

/** The outbox row of a template once the dispatcher sent it, and its idempotency key. */
async function sentRow(complaintId: string, template: string, nth = 0) {
  return eventually(async () => {
    const rows = await ctx.sql<{ key: string; status: string }[]>`
      SELECT idempotency_key AS key, status FROM outbox_messages
      WHERE complaint_id = ${complaintId} AND template = ${template} AND audience = 'customer' ORDER BY seq, ordinal`;
    const row = rows[nth];
    return row && ['sent', 'delivered'].includes(row.status) ? row : undefined;
  }, 30_000);
}

/** The e-mail the customer got for a template, as the mail catcher received it. */
async function emailFor(complaintId: string, template: string, nth = 0): Promise<InboxEmail> {
  const { key } = await sentRow(complaintId, template, nth);
  return eventually(async () => inbox.messages().find((m): m is InboxEmail => m.kind === 'email' && Boolean(m.messageId?.includes(key))), 10_000);
}

async function smsFor(complaintId: string, template: string): Promise<InboxSms> {
  const { key } = await sentRow(complaintId, template);
  return eventually(async () => inbox.messages().find((m): m is InboxSms => m.kind === 'sms' && m.clientId === key), 10_000);
}

function linkIn(text: string, path: '/track' | '/r/' | '/s/'): string {
  const url = new RegExp(`${session.baseUrl.replace(/[.:/]/g, '\\$&')}${path}[^\\s<>"]+`).exec(text)?.[0];
  if (!url) throw new Error(`no ${path} link in:\n${text}`);
  return url;
}

async function decide(reference: string, decision: Record<string, unknown>) {
  const res = await app.request(`/v1/complaints/${reference}/decisions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer('agent') },
    body: JSON.stringify(decision),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

async function waitForStatus(complaintId: string, status: string) {
  await eventually(async () => {
    const [row] = await ctx.sql<{ status: string }[]>`SELECT status FROM complaints WHERE id = ${complaintId}`;
    return row?.status === status ? row : undefined;
  }, 30_000);
}

/** Submits a form and waits for the page it answers with. */
async function submit(page: Page, button: string) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), page.click(button)]);
}

async function expectPageLanguage(page: Page, language: Language) {
  expect(await page.getAttribute('html', 'lang')).toBe(language);
  expect(await page.getAttribute('html', 'dir')).toBe(language === 'fa' ? 'rtl' : 'ltr');
}

async function rejectThrough(page: Page, email: InboxEmail, reason: string, language: Language) {
  await page.goto(linkIn(email.text, '/r/'));
  await expectPageLanguage(page, language);
  await page.fill('#reason', reason);
  await submit(page, `button:has-text("${translate(language, 'page.answer.reject')}")`);
}

const JOURNEYS: { language: Language; name: string; subject: string; description: string }[] = [
  {
    language: 'fa',
    name: 'مریم احمدی',
    subject: 'ماشین لباسشویی نشت می‌کند',
    description: 'ماشین دو هفته پیش خریداری شد و از زیر آن آب نشت می‌کند؛ آشپزخانه خیس شده است.',
  },
  {
    language: 'tr',
    name: 'Ayşe Yılmaz',
    subject: 'Çamaşır makinesi su sızdırıyor',
    description: 'Makine iki haftalık, alttan su sızdırıyor ve mutfak ıslanıyor.',
  },
];

describe.each(JOURNEYS)('a customer writing in $language', ({ language, name, subject, description }) => {
  it('files through the form, hears back by e-mail and SMS, rejects twice, reads the external remedies and answers the survey', async () => {
    const email = `customer.${language}.${Date.now()}@example.com`;
    const phone = `+90532${String(Date.now()).slice(-7)}`;
    const page = await session.newPage({ locale: language === 'fa' ? 'fa-IR' : 'tr-TR' });

    // The form, in the customer's language.
    await page.goto(`/complaints/new?lang=${language}`);
    await expectPageLanguage(page, language);
    await page.fill('#name', name);
    await page.fill('#email', email);
    await page.fill('#phone', phone);
    await page.selectOption('#language', language);
    await page.fill('#subject', subject);
    await page.fill('#description', description);
    await page.selectOption('#category', { index: 1 });
    await page.selectOption('#product', { index: 1 });
    await page.check('#consent');
    await submit(page, 'main button[type=submit]');
    const confirmation = await page.content();
    const reference = /CMP-\d{4}-\d{6,10}/.exec(confirmation)?.[0];
    expect(reference, confirmation).toBeDefined();
    const [complaint] = await ctx.sql<{ id: string; channel: string; locale: string }[]>`
      SELECT id, channel, customer_locale AS locale FROM complaints WHERE reference = ${reference!}`;
    expect(complaint).toMatchObject({ channel: 'web', locale: language });
    const complaintId = complaint!.id;

    // The acknowledgement by e-mail, in the customer's language, with the tracking link.
    const acknowledgement = await emailFor(complaintId, 'acknowledgement');
    expect(acknowledgement.to).toEqual([email]);
    expect(acknowledgement.subject).toContain(reference);
    expect(acknowledgement.headers['content-language']).toBe(language);
    expect(acknowledgement.replyTo).toContain(`reply+${reference!.toLowerCase()}`.slice(0, 6));

    // The PIN by SMS: the one the confirmation page showed once.
    const pinSms = await smsFor(complaintId, 'tracking_pin');
    expect(pinSms.to).toBe(phone);
    const smsDigits = pinSms.text.replaceAll(reference!, '').replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d)));
    const pin = /(?<!\d)\d{8}(?!\d)/.exec(smsDigits)?.[0];
    expect(pin).toBeDefined();
    expect(confirmation.replaceAll(reference!, '')).toContain(pin!);
    expect(pinSms.text).toContain(reference!);

    // The tracking page through the e-mailed link, with the PIN from the SMS.
    await page.goto(linkIn(acknowledgement.text, '/track'));
    await expectPageLanguage(page, language);
    expect(await page.inputValue('input[name=reference]')).toBe(reference);
    await page.fill('input[name=pin]', pin!);
    await submit(page, 'main button[type=submit]');
    await expectPageLanguage(page, language);
    expect(await page.locator('input[name=pin]').count()).toBe(0);
    expect(await page.textContent('main')).toContain(reference!);

    // Staff investigate and propose; the customer rejects round 1 through the e-mailed link.
    await decide(reference!, { type: 'assign', assignee: STAFF_ID, team: 'after-sales-istanbul' });
    await waitForStatus(complaintId, 'in_review');
    await decide(reference!, { type: 'classify', category: 'product_defect', product: 'WM-8000', severity: 'high', department: 'after_sales' });
    await decide(reference!, { type: 'propose_resolution', outcome: 'upheld', summary: 'We repair the machine at your home.', remedy: 'repair' });
    const round1 = await emailFor(complaintId, 'resolution_proposed', 0);
    await rejectThrough(page, round1, language === 'fa' ? 'تعمیر کافی نیست؛ دستگاه نو می‌خواهم.' : 'Onarım yetmez, yeni makine istiyorum.', language);
    await waitForStatus(complaintId, 'reinvestigating');

    // Round 2, rejected too: the complaint goes to the external bodies, and the customer is told which.
    await decide(reference!, { type: 'propose_resolution', outcome: 'upheld', summary: 'We replace the machine.', remedy: 'replacement' });
    const round2 = await emailFor(complaintId, 'resolution_proposed', 1);
    expect(linkIn(round2.text, '/r/')).not.toBe(linkIn(round1.text, '/r/'));
    await rejectThrough(page, round2, language === 'fa' ? 'هنوز راضی نیستم.' : 'Hâlâ memnun değilim.', language);
    await waitForStatus(complaintId, 'open_external');
    const remedies = await emailFor(complaintId, 'external_remedies');
    expect(remedies.text).toContain(reference!);
    expect(remedies.html).toContain(`lang="${language}"`);
    expect(remedies.html).toContain(`dir="${language === 'fa' ? 'rtl' : 'ltr'}"`);

    // The external body decides; the closure message carries the survey, answered once.
    await decide(reference!, {
      type: 'record_external_outcome',
      body: 'Tüketici Hakem Heyeti (İstanbul)',
      bodyReference: 'THH-2026-1234',
      decision: 'partially_upheld',
      summary: 'The board asked for a partial refund.',
    });
    const closure = await emailFor(complaintId, 'complaint_closed');
    await page.goto(linkIn(closure.text, '/s/'));
    await expectPageLanguage(page, language);
    await page.check('input[name=handling][value="4"]');
    await page.check('input[name=outcome][value="2"]');
    await page.check('input[name=reasons] >> nth=0');
    await page.fill('#comment', language === 'fa' ? 'پاسخ‌ها سریع بودند.' : 'Yanıtlar hızlıydı.');
    await submit(page, 'main button[type=submit]');
    const [answer] = await ctx.sql<{ handling: number; outcome: number; language: string }[]>`
      SELECT handling, outcome, language FROM survey_answers WHERE complaint_id = ${complaintId}`;
    expect(answer).toMatchObject({ handling: 4, outcome: 2, language });

    // Nothing went twice: every e-mail arrived once.
    const mine = inbox.messages().filter((m): m is InboxEmail => m.kind === 'email' && m.to.includes(email));
    expect(mine.every((m) => m.duplicates === 0)).toBe(true);
    await page.context().close();
  });
});
