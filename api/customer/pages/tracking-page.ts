// /track: the page every customer message links to (`/track?reference=CMP-…`). GET shows a form for
// the reference (prefilled from the link) and the PIN. POST checks them on the same code path as
// POST /v1/track (same per-address limiter, counted by trackingFormAdmission before the form is
// read; same PIN lockout; the same refusal for a wrong PIN and an unknown reference) and shows the
// complaint as its customer sees it. The PIN is never written back into a page, and no answer
// link is minted here: the customer answers through the one we sent.
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { DomainError, ERROR_CODES } from '../../../domain/errors.js';
import { isLanguage, LANGUAGES, languageMetadata, type Language } from '../../../texts/languages.js';
import { hasMessage, translate, type MessageKey } from '../../../texts/translate.js';
import type { AppEnv } from '../../http/app-env.js';
import {
  acceptedLanguage,
  complaintTimeZone,
  escapeHtml as esc,
  htmlTexts,
  page,
  pageInstant,
  problemText,
  proposalSection,
  readForm,
} from './layout.js';
import { buildCustomerView, type CustomerView } from '../view.js';
import { fieldIssues } from '../../http/errors.js';
import { admitTrackingRequest, trackComplaint, TrackingRateLimitedError, trackRequestSchema, type TrackingDeps } from '../tracking.js';

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
        const checkForm = translate(language, 'page.tracking.checkForm');
        if (!form) return formPage(c, 400, language, { problem: checkForm, fixes: [fieldProblem(language, '(body)')] });
        const field = (name: string) => {
          const value = form[name];
          return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
        };
        language = pageLanguage(c, field('lang') ?? c.req.query('lang'));
        reference = field('reference')?.toUpperCase();
        const request = trackRequestSchema.safeParse({ reference, pin: field('pin') });
        if (!request.success) {
          const paths = [...new Set(fieldIssues(request.error.issues).map((i) => i.path))];
          const fixes = paths.map((path) => fieldProblem(language, path));
          return formPage(c, 400, language, { reference, problem: translate(language, 'page.tracking.checkForm'), fixes });
        }
        const complaint = await trackComplaint(c, deps, request.data);
        const view = buildCustomerView(complaint, undefined, language);
        return viewPage(c, language, view, complaintTimeZone(complaint));
      } catch (err) {
        return refusedPage(c, err, language, reference, deps.log);
      }
    });
}

/**
 * Counts a POST /track against its address's budget before the form is read (so malformed and
 * oversized posts count too); over the budget, the form again with 429.
 */
export function trackingFormAdmission(deps: TrackingPageDeps): MiddlewareHandler {
  return async (c, next) => {
    try {
      admitTrackingRequest(c, deps);
    } catch (err) {
      return refusedPage(c, err, pageLanguage(c, c.req.query('lang')), undefined, deps.log);
    }
    await next();
  };
}

/** `?lang=` (or the form's `lang`) if we have texts in it, else the browser's preference, else Turkish. */
function pageLanguage(c: Context, requested: string | undefined): Language {
  const asked = requested?.toLowerCase();
  return (asked !== undefined && isLanguage(asked) ? asked : undefined) ?? acceptedLanguage(c.req.header('accept-language')) ?? 'tr';
}

/** What to fix in a field of the form (`reference`, `pin`). */
function fieldProblem(language: Language, path: string): string {
  const key = `page.tracking.field.${path}`;
  return translate(language, hasMessage(key) ? key : 'page.form.fieldOther');
}

function formPage(c: Context, status: ContentfulStatusCode, language: Language, form: FormState) {
  const t = htmlTexts(language);
  const reference = (form.reference ?? '').trim().slice(0, MAX_REFERENCE_LENGTH);
  const fixes = form.fixes?.length ? `<ul>${form.fixes.map((f) => `<li>${esc(f)}</li>`).join('')}</ul>` : '';
  const problem = form.problem ? `<div class="error" role="alert"><p>${esc(form.problem)}</p>${fixes}</div>\n` : '';
  const focus = (field: 'reference' | 'pin') => ((reference ? 'pin' : 'reference') === field ? ' autofocus' : '');
  // This page in every other language, each named in itself.
  const others = LANGUAGES.filter((l) => l !== language)
    .map((other) => {
      const href = `?lang=${other}${reference ? `&reference=${encodeURIComponent(reference)}` : ''}`;
      return `<a href="${esc(href)}" hreflang="${other}" lang="${other}">${esc(languageMetadata(other).name)}</a>`;
    })
    .join(' · ');
  return page(c, status, language, translate(language, 'page.tracking.title'), `${problem}<p>${t('page.tracking.intro')}</p>
<form method="post"><input type="hidden" name="lang" value="${language}">
<label for="reference">${t('page.tracking.referenceLabel')}</label>
<input id="reference" name="reference" type="text" value="${esc(reference)}" required maxlength="${MAX_REFERENCE_LENGTH}" autocomplete="off" autocapitalize="characters" spellcheck="false" placeholder="CMP-2026-000123"${focus('reference')}>
<label for="pin">${t('page.tracking.pinLabel')}</label>
<input id="pin" name="pin" type="password" inputmode="numeric" pattern="[0-9]{8}" minlength="8" maxlength="8" required autocomplete="off"${focus('pin')}>
<button type="submit">${t('page.tracking.submit')}</button></form>
<p class="note">${others}</p>`);
}

/** The complaint: status, dates (never a passed one as an aim), the proposal, our question and what happens next. */
function viewPage(c: Context, language: Language, view: CustomerView, timeZone: string) {
  const t = htmlTexts(language);
  const when = (at: string) => pageInstant(at, language, timeZone);
  const dates = (
    [
      ['page.tracking.receivedAt', view.receivedAt],
      ['page.tracking.acknowledgedAt', view.acknowledgedAt],
      ['page.tracking.aimToAnswerBy', view.aimToAnswerBy],
      ['page.tracking.nextUpdateBy', view.laterThanPlanned ? view.nextUpdateBy : null],
      ['page.tracking.closedAt', view.closedAt],
    ] as const satisfies readonly (readonly [MessageKey, string | null])[]
  )
    .flatMap(([label, at]) => (at ? [`<dt>${t(label)}</dt><dd>${esc(when(at))}</dd>`] : []))
    .join('');
  const late = view.laterThanPlanned ? `<p>${t('page.tracking.laterThanPlanned')}</p>\n` : '';
  const answerThroughMessage = `<p class="note">${t('page.tracking.answerThroughMessage')}</p>\n`;

  const p = view.proposal;
  const decided = p?.answer
    ? `<p>${t('page.tracking.answered', { outcome: p.answer.outcome, answeredAt: when(p.answer.answeredAt) })}</p>\n`
    : '';
  const waiting = p && !p.answer && view.status === 'resolution_proposed' ? answerThroughMessage : '';
  const proposal = p ? `${proposalSection(p, language, timeZone, `\n${decided}${waiting}`)}\n` : '';

  const q = view.pendingQuestion;
  const question = q
    ? `<section>
<h2>${t('page.questionHeading')}</h2>
<p class="text">${esc(q.question)}</p>
<p class="note">${t('page.tracking.askedAt', { askedAt: when(q.askedAt) })}</p>
${q.answerDueAt ? `<p>${t('page.proposal.answerBy', { answerDueAt: when(q.answerDueAt) })}</p>\n` : ''}${answerThroughMessage}</section>\n`
    : '';

  return page(c, 200, language, translate(language, 'page.complaintTitle', { reference: view.reference }), `<p>${t('page.status', { label: view.label })}</p>
<dl>${dates}</dl>
${late}${proposal}${question}<section>
<h2>${t('page.tracking.nextHeading')}</h2>
<p>${esc(view.nextStep)}</p></section>
<p class="note"><a href="?lang=${language}">${t('page.tracking.trackAnother')}</a></p>`);
}

/** The form again, with why we refused and the status the JSON endpoint would answer. */
function refusedPage(c: Context, err: unknown, language: Language, reference: string | undefined, log: Logger) {
  if (err instanceof TrackingRateLimitedError) {
    const minutes = Math.ceil(err.retryAfterSeconds / 60);
    return formPage(c, 429, language, { reference, problem: translate(language, 'page.tracking.tooManyAttempts', { minutes }) });
  }
  const code = err instanceof DomainError ? err.code : 'INTERNAL';
  if (code === 'UNAUTHENTICATED') return formPage(c, 401, language, { reference, problem: translate(language, 'page.tracking.noMatch') });
  if (code === 'INTERNAL') log.error({ err, requestId: c.get('requestId') }, 'unhandled error on the tracking page');
  return formPage(c, ERROR_CODES[code] as ContentfulStatusCode, language, { reference, problem: problemText(language, code).text });
}
