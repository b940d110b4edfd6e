// /track: the page every customer message links to (`/track?reference=CMP-…`). GET shows a form for
// the reference (prefilled from the link) and the PIN. POST checks them on the same code path as
// POST /v1/track (same per-address limiter, same PIN lockout, the same refusal for a wrong PIN and
// an unknown reference) and shows the complaint as its customer sees it. The PIN is never written
// back into a page, and no answer link is minted here: the customer answers through the one we sent.
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { DomainError, ERROR_CODES } from '../domain/errors.js';
import type { AppEnv } from './app-env.js';
import {
  acceptedLanguage,
  complaintTimeZone,
  escapeHtml as esc,
  formatInstant,
  page,
  proposalSection,
  readForm,
} from './customer-html.js';
import { buildCustomerView, CUSTOMER_LANGUAGES, type CustomerLanguage, type CustomerView } from './customer-view.js';
import { fieldIssues } from './errors.js';
import { PAGE_TEXTS } from './response-page-texts.js';
import { TRACKING_TEXTS } from './tracking-page-texts.js';
import { trackComplaint, TrackingRateLimitedError, trackRequestSchema, type TrackingDeps } from './tracking.js';

export interface TrackingPageDeps extends TrackingDeps {
  log: Logger;
}

/** Longest reference put back into the form; ours are 15 characters. */
const MAX_REFERENCE_LENGTH = 40;

/** What the form shows above its fields, and the reference to put back. */
interface FormState {
  reference?: string | undefined;
  problem?: string;
  fixes?: string[];
}

export function trackingPage(deps: TrackingPageDeps) {
  return new Hono<AppEnv>()
    .get('/', (c) => formPage(c, 200, pageLanguage(c, c.req.query('lang')), { reference: c.req.query('reference') }))
    .post('/', async (c) => {
      let language = pageLanguage(c, c.req.query('lang'));
      let reference: string | undefined;
      try {
        const form = await readForm(c);
        if (!form) {
          const t = TRACKING_TEXTS[language];
          return formPage(c, 400, language, { problem: t.checkForm, fixes: [t.fieldProblem('(body)')] });
        }
        const field = (name: string) => {
          const value = form[name];
          return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
        };
        language = pageLanguage(c, field('lang') ?? c.req.query('lang'));
        reference = field('reference')?.toUpperCase();
        const request = trackRequestSchema.safeParse({ reference, pin: field('pin') });
        if (!request.success) {
          const t = TRACKING_TEXTS[language];
          const fixes = [...new Set(fieldIssues(request.error.issues).map((i) => i.path))].map(t.fieldProblem);
          return formPage(c, 400, language, { reference, problem: t.checkForm, fixes });
        }
        const complaint = await trackComplaint(c, deps, request.data);
        const view = buildCustomerView(complaint, undefined, language);
        return viewPage(c, language, view, complaintTimeZone(complaint));
      } catch (err) {
        return refusedPage(c, err, language, reference, deps.log);
      }
    });
}

/** `?lang=` (or the form's `lang`) if we have texts in it, else the browser's preference, else Turkish. */
function pageLanguage(c: Context, requested: string | undefined): CustomerLanguage {
  const asked = CUSTOMER_LANGUAGES.find((l) => l === requested?.toLowerCase());
  return asked ?? acceptedLanguage(c.req.header('accept-language')) ?? 'tr';
}

function formPage(c: Context, status: ContentfulStatusCode, language: CustomerLanguage, form: FormState) {
  const t = TRACKING_TEXTS[language];
  const reference = (form.reference ?? '').trim().slice(0, MAX_REFERENCE_LENGTH);
  const fixes = form.fixes?.length ? `<ul>${form.fixes.map((f) => `<li>${esc(f)}</li>`).join('')}</ul>` : '';
  const problem = form.problem ? `<div class="error" role="alert"><p>${esc(form.problem)}</p>${fixes}</div>\n` : '';
  const focus = (field: 'reference' | 'pin') => ((reference ? 'pin' : 'reference') === field ? ' autofocus' : '');
  const other = t.otherLanguage;
  const otherHref = `?lang=${other.language}${reference ? `&reference=${encodeURIComponent(reference)}` : ''}`;
  return page(c, status, language, t.title, `${problem}<p>${esc(t.intro)}</p>
<form method="post"><input type="hidden" name="lang" value="${language}">
<label for="reference">${esc(t.referenceLabel)}</label>
<input id="reference" name="reference" type="text" value="${esc(reference)}" required maxlength="${MAX_REFERENCE_LENGTH}" autocomplete="off" autocapitalize="characters" spellcheck="false" placeholder="CMP-2026-000123"${focus('reference')}>
<label for="pin">${esc(t.pinLabel)}</label>
<input id="pin" name="pin" type="password" inputmode="numeric" pattern="[0-9]{8}" minlength="8" maxlength="8" required autocomplete="off"${focus('pin')}>
<button type="submit">${esc(t.submit)}</button></form>
<p class="note"><a href="${esc(otherHref)}" hreflang="${other.language}" lang="${other.language}">${esc(other.name)}</a></p>`);
}

/** The complaint: status, dates, the proposal, our question and what happens next. */
function viewPage(c: Context, language: CustomerLanguage, view: CustomerView, timeZone: string) {
  const t = TRACKING_TEXTS[language];
  const pt = PAGE_TEXTS[language];
  const when = (at: string) => formatInstant(at, language, timeZone);
  const dates = (
    [
      [t.receivedAt, view.receivedAt],
      [t.acknowledgedAt, view.acknowledgedAt],
      [t.aimToAnswerBy, view.aimToAnswerBy],
      [t.closedAt, view.closedAt],
    ] as const
  )
    .flatMap(([label, at]) => (at ? [`<dt>${esc(label)}</dt><dd>${esc(when(at))}</dd>`] : []))
    .join('');
  const answerThroughMessage = `<p class="note">${esc(t.answerThroughMessage)}</p>\n`;

  const p = view.proposal;
  const decided = p?.answer ? `<p>${esc(t.answered(p.answer.outcome, when(p.answer.answeredAt)))}</p>\n` : '';
  const waiting = p && !p.answer && view.status === 'resolution_proposed' ? answerThroughMessage : '';
  const proposal = p ? `${proposalSection(p, language, timeZone, `\n${decided}${waiting}`)}\n` : '';

  const q = view.pendingQuestion;
  const question = q
    ? `<section>
<h2>${esc(pt.questionHeading)}</h2>
<p class="text">${esc(q.question)}</p>
<p class="note">${esc(t.askedAt(when(q.askedAt)))}</p>
${q.answerDueAt ? `<p>${esc(pt.answerBy(when(q.answerDueAt)))}</p>\n` : ''}${answerThroughMessage}</section>\n`
    : '';

  return page(c, 200, language, pt.title(view.reference), `<p>${esc(pt.status(view.label))}</p>
<dl>${dates}</dl>
${proposal}${question}<section>
<h2>${esc(t.nextHeading)}</h2>
<p>${esc(view.nextStep)}</p></section>
<p class="note"><a href="?lang=${language}">${esc(t.trackAnother)}</a></p>`);
}

/** The form again, with why we refused and the status the JSON endpoint would answer. */
function refusedPage(c: Context, err: unknown, language: CustomerLanguage, reference: string | undefined, log: Logger) {
  const t = TRACKING_TEXTS[language];
  if (err instanceof TrackingRateLimitedError) {
    return formPage(c, 429, language, { reference, problem: t.tooManyAttempts(Math.ceil(err.retryAfterSeconds / 60)) });
  }
  const code = err instanceof DomainError ? err.code : 'INTERNAL';
  if (code === 'UNAUTHENTICATED') return formPage(c, 401, language, { reference, problem: t.noMatch });
  if (code === 'INTERNAL') log.error({ err, requestId: c.get('requestId') }, 'unhandled error on the tracking page');
  const { problems } = PAGE_TEXTS[language];
  const [, text] = problems[code] ?? problems.INTERNAL;
  return formPage(c, ERROR_CODES[code] as ContentfulStatusCode, language, { reference, problem: text });
}
