// What the customer's HTML pages share (/r/{token} answer pages, /track): the page frame with its
// security headers, escaping, the page language and direction, dates in the complaint's calendar
// zone, and the proposal block. Plain HTML, no external assets; the words are in texts/.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { CALENDAR_DEFINITIONS } from '../../../domain/calendar/definitions.js';
import { formatInstant, formatMoney } from '../../../texts/format.js';
import { isLanguage, languageMetadata, type Language } from '../../../texts/languages.js';
import { hasMessage, translate, type MessageKey, type MessageValues } from '../../../texts/translate.js';
import type { CustomerComplaintRow, CustomerView } from '../view.js';

/** The posted form, or undefined when its body cannot be read as one (e.g. a malformed multipart body). */
export async function readForm(c: Context): Promise<Record<string, unknown> | undefined> {
  try {
    return await c.req.parseBody();
  } catch {
    return undefined;
  }
}

/** A whole page in `language`, not indexed, not cached, not framed, loading nothing from outside. */
export function page(c: Context, status: ContentfulStatusCode, language: Language, title: string, content: string) {
  // Left-to-right is the default; a right-to-left language (Persian) says so.
  const dir = languageMetadata(language).direction === 'rtl' ? ' dir="rtl"' : '';
  c.header('Content-Security-Policy', CSP);
  c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex');
  c.header('Referrer-Policy', 'no-referrer'); // tokens and references are in the URLs
  return c.html(
    `<!doctype html>
<html lang="${language}"${dir}><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(title)}</title>
<style>${STYLE}</style></head>
<body><main><h1>${esc(title)}</h1>
${content}
</main></body></html>`,
    status,
  );
}

/** Inline styles only; no script, image, font or frame may load. Forms post back here. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const STYLE =
  'body{font-family:system-ui,sans-serif;margin:0;background:#f6f6f4;color:#1d1d1b}' +
  'main{max-width:36rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:8px}' +
  '.text{white-space:pre-wrap}.note{color:#555;font-size:.9rem}' +
  '.error{border-left:4px solid #b00020;padding-left:1rem}' +
  'form{margin-top:1.25rem}label{display:block;margin:.75rem 0 .5rem}' +
  'textarea,input{width:100%;box-sizing:border-box;font-size:1rem}input{padding:.4rem}' +
  'button{margin-top:.5rem;padding:.6rem 1.2rem;font-size:1rem}dt{font-weight:600}dd{margin:0 0 .5rem}';

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch]!);
}
const esc = escapeHtml;

/** The most preferred language of `Accept-Language` that we have texts for (q-weights honoured), if any. */
export function acceptedLanguage(header: string | undefined): Language | undefined {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? '1');
      return { language: tag.trim().toLowerCase().split('-')[0] ?? '', q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((l) => l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((l) => l.language).find(isLanguage);
}

/** The zone of the complaint's calendar, where its business-time deadlines are counted. */
export function complaintTimeZone(complaint: CustomerComplaintRow): string {
  return CALENDAR_DEFINITIONS.find((d) => d.id === complaint.lifecycle?.calendarId)?.timeZone ?? 'UTC';
}

/** An instant as the page shows it: local date and time in the complaint's zone, the zone named. */
export function pageInstant(at: string, language: Language, timeZone: string): string {
  return formatInstant(at, language, timeZone, { withZoneName: true }) ?? at;
}

/** The page's words in `language`, escaped for HTML. */
export function htmlTexts(language: Language): (key: MessageKey, values?: MessageValues) => string {
  return (key, values) => escapeHtml(translate(language, key, values));
}

/** Title and text of the page for a refused link or answer, by error code (a code without its own words reads as INTERNAL). */
export function problemText(language: Language, code: string): { title: string; text: string } {
  const title = `page.problem.${code}.title`;
  const text = `page.problem.${code}.text`;
  return hasMessage(title) && hasMessage(text)
    ? { title: translate(language, title), text: translate(language, text) }
    : { title: translate(language, 'page.problem.INTERNAL.title'), text: translate(language, 'page.problem.INTERNAL.text') };
}

/** The proposal: heading, summary, remedy, amount and the answer's due date; `after` ends the section. */
export function proposalSection(
  p: NonNullable<CustomerView['proposal']>,
  language: Language,
  timeZone: string,
  after = '',
): string {
  const t = htmlTexts(language);
  const money = p.amount !== null && p.currency !== null ? formatMoney(p.amount, p.currency, language) : null;
  const amount = money ? `<dt>${t('page.proposal.amount')}</dt><dd>${esc(money)}</dd>` : '';
  const due = p.answerDueAt
    ? `<p>${t('page.proposal.answerBy', { answerDueAt: pageInstant(p.answerDueAt, language, timeZone) })}</p>`
    : '';
  return `<section>
<h2>${t('page.proposal.heading', { again: p.round > 1 ? 'yes' : 'no', round: p.round })}</h2>
<p class="text">${esc(p.summary)}</p>
<dl><dt>${t('page.proposal.remedy')}</dt><dd>${esc(p.remedyLabel)}</dd>${amount}</dl>
${due}${after}</section>`;
}
