// /r/{token}: the page a signed link opens. GET only shows the proposal (or our question) with its
// buttons and never changes anything: mail scanners and link previewers open links, and a help
// desk that took such visits for answers closed complaints nobody had accepted. Only the explicit
// form submit (POST) answers, with the same rules as POST /v1/responses/{token}.
// Plain HTML in the customer's language, no external assets, every value escaped.
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { CALENDAR_DEFINITIONS } from '../domain/calendar/definitions.js';
import { DomainError, ERROR_CODES, type FieldIssue } from '../domain/errors.js';
import type { AppEnv } from './app-env.js';
import {
  answerThroughLink,
  linkAnswerBodySchema,
  openLink,
  type CustomerLinkDeps,
  type OpenedLink,
} from './customer-links.js';
import { buildCustomerView, customerLanguage, type CustomerLanguage, type CustomerView } from './customer-view.js';
import { fieldIssues } from './errors.js';
import { PAGE_TEXTS } from './response-page-texts.js';

export interface ResponsePageDeps extends CustomerLinkDeps {
  log: Logger;
}

/** What the customer typed, put back into the form when it comes back with a problem. */
type Typed = { reason?: string | undefined; text?: string | undefined };

export function responsePages(deps: ResponsePageDeps) {
  return new Hono<AppEnv>()
    .get('/:token', async (c) => {
      let language = headerLanguage(c);
      try {
        const link = await openLink(deps, c.req.param('token'));
        language = customerLanguage(link.complaint.customer_locale);
        return answerPage(c, 200, link, language);
      } catch (err) {
        return problemPage(c, err, language, deps.log);
      }
    })
    .post('/:token', async (c) => {
      let language = headerLanguage(c);
      try {
        const link = await openLink(deps, c.req.param('token'));
        language = customerLanguage(link.complaint.customer_locale);
        const form = await c.req.parseBody();
        const field = (name: string) => {
          const value = form[name];
          return typeof value === 'string' && value.trim() !== '' ? value : undefined;
        };
        const typed: Typed = { reason: field('reason'), text: field('text') };
        const body = linkAnswerBodySchema.safeParse({ decision: field('decision'), ...typed });
        if (!body.success) return answerPage(c, 400, link, language, typed, fieldIssues(body.error.issues));
        let view: CustomerView;
        try {
          view = await answerThroughLink(deps, link, body.data);
        } catch (err) {
          const unfit = err instanceof DomainError && err.code === 'VALIDATION_FAILED' && Array.isArray(err.details);
          if (!unfit) throw err;
          return answerPage(c, 400, link, language, typed, err.details as FieldIssue[]);
        }
        const t = PAGE_TEXTS[language];
        const thanks = `<p>${esc(t.status(view.label))}</p>\n<p>${esc(view.nextStep)}</p>`;
        return page(c, 200, language, t.thanksTitle, thanks);
      } catch (err) {
        return problemPage(c, err, language, deps.log);
      }
    });
}

/** The open proposal with Accept and Reject, or our open question with an answer box; else GONE. */
function answerPage(
  c: Context,
  status: ContentfulStatusCode,
  link: OpenedLink,
  language: CustomerLanguage,
  typed: Typed = {},
  issues: FieldIssue[] = [],
) {
  const t = PAGE_TEXTS[language];
  const { claims, complaint } = link;
  const view = buildCustomerView(complaint);
  const fixes = [...new Set(issues.map((i) => i.path))].map((path) => `<li>${esc(t.fieldProblem(path))}</li>`);
  const problems =
    fixes.length === 0 ? '' : `<div class="error" role="alert"><p>${esc(t.checkAnswer)}</p><ul>${fixes.join('')}</ul></div>\n`;
  const head = `<p>${esc(t.status(view.label))}</p>\n${problems}`;
  const viewOnly = `<p class="note">${esc(t.viewOnly)}</p>\n`;

  if (claims.purpose === 'resolution') {
    const p = view.proposal;
    const open = view.status === 'resolution_proposed' && p && p.round === claims.round && !p.answer;
    if (!open) throw answeredOrSuperseded();
    const timeZone = CALENDAR_DEFINITIONS.find((d) => d.id === complaint.lifecycle?.calendarId)?.timeZone ?? 'UTC';
    const money = p.amount !== null && p.currency !== null ? formatMoney(p.amount, p.currency, language) : null;
    const amount = money ? `<dt>${esc(t.amount)}</dt><dd>${esc(money)}</dd>` : '';
    const due = p.answerDueAt ? `<p>${esc(t.answerBy(formatInstant(p.answerDueAt, language, timeZone)))}</p>` : '';
    return page(c, status, language, t.title(view.reference), `${head}<section>
<h2>${esc(t.proposalHeading(p.round))}</h2>
<p class="text">${esc(p.summary)}</p>
<dl><dt>${esc(t.remedy)}</dt><dd>${esc(p.remedyLabel)}</dd>${amount}</dl>
${due}</section>
${viewOnly}<form method="post"><input type="hidden" name="decision" value="accept">
<button type="submit">${esc(t.accept)}</button></form>
<form method="post"><input type="hidden" name="decision" value="reject">
<label for="reason">${esc(t.reasonLabel)}</label>
<textarea id="reason" name="reason" rows="5" maxlength="2000" required>${esc(typed.reason ?? '')}</textarea>
<button type="submit">${esc(t.reject)}</button></form>`);
  }

  const pending = complaint.lifecycle?.state.pendingInfoRequest;
  const question = view.pendingQuestion;
  const asked = view.status === 'awaiting_customer' && question && pending?.requestId === claims.requestId;
  if (!asked) throw answeredOrSuperseded();
  return page(c, status, language, t.title(view.reference), `${head}<section>
<h2>${esc(t.questionHeading)}</h2>
<p class="text">${esc(question.question)}</p></section>
${viewOnly}<form method="post"><label for="text">${esc(t.answerLabel)}</label>
<textarea id="text" name="text" rows="6" maxlength="5000" required>${esc(typed.text ?? '')}</textarea>
<button type="submit">${esc(t.send)}</button></form>`);
}

function answeredOrSuperseded(): DomainError {
  return new DomainError('GONE', 'This link is no longer valid: it was answered, or a newer one replaced it');
}

/** A friendly page for a refused link or answer, with the status the JSON endpoint would answer. */
function problemPage(c: Context, err: unknown, language: CustomerLanguage, log: Logger) {
  const code = err instanceof DomainError ? err.code : 'INTERNAL';
  if (code === 'INTERNAL') log.error({ err, requestId: c.get('requestId') }, 'unhandled error on a response page');
  const { problems } = PAGE_TEXTS[language];
  const [title, text] = problems[code === 'CONFLICT' ? 'INVALID_TRANSITION' : code] ?? problems.INTERNAL;
  return page(c, ERROR_CODES[code] as ContentfulStatusCode, language, title, `<p>${esc(text)}</p>`);
}

function page(c: Context, status: ContentfulStatusCode, language: CustomerLanguage, title: string, content: string) {
  c.header('Content-Security-Policy', CSP);
  c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex');
  c.header('Referrer-Policy', 'no-referrer'); // the token is in the URL
  return c.html(
    `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8">
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
  'form{margin-top:1.25rem}label{display:block;margin-bottom:.5rem}textarea{width:100%;box-sizing:border-box}' +
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

/** Before we know the complaint: the browser's first language if we have texts for it, else English. */
function headerLanguage(c: Context): CustomerLanguage {
  return customerLanguage(c.req.header('accept-language')?.split(/[,;]/)[0]?.trim() || 'en');
}

const INTL_LOCALE: Readonly<Record<CustomerLanguage, string>> = { en: 'en-GB', tr: 'tr-TR' };

/** In the complaint's calendar zone, where its business-time deadlines are counted. */
function formatInstant(at: string, language: CustomerLanguage, timeZone: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[language], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(at));
}

function formatMoney(amount: number, currency: string, language: CustomerLanguage): string {
  try {
    return new Intl.NumberFormat(INTL_LOCALE[language], { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}
