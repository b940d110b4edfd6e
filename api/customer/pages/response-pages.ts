// /r/{token}: the page a signed link opens. GET only shows the proposal (or our question) with its
// buttons and never changes anything: mail scanners and link previewers open links, and a help
// desk that took such visits for answers closed complaints nobody had accepted. Only the explicit
// form submit (POST) answers, with the same rules as POST /v1/responses/{token}.
// Plain HTML in the customer's language, no external assets, every value escaped.
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { DomainError, ERROR_CODES, type FieldIssue } from '../../../domain/errors.js';
import { answerOrigin } from '../answer-origin.js';
import type { AppEnv } from '../../http/app-env.js';
import {
  answerThroughLink,
  linkAnswerBodySchema,
  openLink,
  type CustomerLinkDeps,
  type OpenedLink,
} from '../links.js';
import { languageOf, type Language } from '../../../texts/languages.js';
import { hasMessage, translate } from '../../../texts/translate.js';
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
        language = languageOf(link.complaint.customer_locale);
        return answerPage(c, 200, link, language);
      } catch (err) {
        return problemPage(c, err, language, deps.log);
      }
    })
    .post('/:token', async (c) => {
      let language = headerLanguage(c);
      try {
        const link = await openLink(deps, c.req.param('token'));
        language = languageOf(link.complaint.customer_locale);
        const form = await readForm(c);
        if (!form) return answerPage(c, 400, link, language, {}, [{ path: '(body)', message: 'the form could not be read' }]);
        const field = (name: string) => {
          const value = form[name];
          return typeof value === 'string' && value.trim() !== '' ? value : undefined;
        };
        const typed: Typed = { reason: field('reason'), text: field('text') };
        const body = linkAnswerBodySchema.safeParse({ decision: field('decision'), ...typed });
        if (!body.success) return answerPage(c, 400, link, language, typed, fieldIssues(body.error.issues));
        let view: CustomerView;
        try {
          view = await answerThroughLink(deps, link, body.data, answerOrigin(c, deps));
        } catch (err) {
          const unfit = err instanceof DomainError && err.code === 'VALIDATION_FAILED' && Array.isArray(err.details);
          if (!unfit) throw err;
          return answerPage(c, 400, link, language, typed, err.details as FieldIssue[]);
        }
        const thanks = `<p>${htmlTexts(language)('page.status', { label: view.label })}</p>\n<p>${esc(view.nextStep)}</p>`;
        return page(c, 200, language, translate(language, 'page.answer.thanksTitle'), thanks);
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
  language: Language,
  typed: Typed = {},
  issues: FieldIssue[] = [],
) {
  const t = htmlTexts(language);
  const { claims, complaint } = link;
  const view = buildCustomerView(complaint);
  const title = translate(language, 'page.complaintTitle', { reference: view.reference });
  const fixes = [...new Set(issues.map((i) => i.path))].map((path) => `<li>${esc(fieldProblem(language, path))}</li>`);
  const problems =
    fixes.length === 0 ? '' : `<div class="error" role="alert"><p>${t('page.answer.checkAnswer')}</p><ul>${fixes.join('')}</ul></div>\n`;
  const head = `<p>${t('page.status', { label: view.label })}</p>\n${problems}`;
  const viewOnly = `<p class="note">${t('page.answer.viewOnly')}</p>\n`;

  if (claims.purpose === 'resolution') {
    const p = view.proposal;
    const open = view.status === 'resolution_proposed' && p && p.round === claims.round && !p.answer;
    if (!open) throw answeredOrSuperseded();
    return page(c, status, language, title, `${head}${proposalSection(p, language, complaintTimeZone(complaint))}
${viewOnly}<form method="post"><input type="hidden" name="decision" value="accept">
<button type="submit">${t('page.answer.accept')}</button></form>
<form method="post"><input type="hidden" name="decision" value="reject">
<label for="reason">${t('page.answer.reasonLabel')}</label>
<textarea id="reason" name="reason" rows="5" maxlength="2000" required>${esc(typed.reason ?? '')}</textarea>
<button type="submit">${t('page.answer.reject')}</button></form>`);
  }

  const pending = complaint.lifecycle?.state.pendingInfoRequest;
  const question = view.pendingQuestion;
  const asked = view.status === 'awaiting_customer' && question && pending?.requestId === claims.requestId;
  if (!asked) throw answeredOrSuperseded();
  return page(c, status, language, title, `${head}<section>
<h2>${t('page.questionHeading')}</h2>
<p class="text">${esc(question.question)}</p>
${question.answerDueAt ? `<p>${t('page.proposal.answerBy', { answerDueAt: pageInstant(question.answerDueAt, language, complaintTimeZone(complaint)) })}</p>\n` : ''}</section>
${viewOnly}<form method="post"><label for="text">${t('page.answer.answerLabel')}</label>
<textarea id="text" name="text" rows="6" maxlength="5000" required>${esc(typed.text ?? '')}</textarea>
<button type="submit">${t('page.answer.send')}</button></form>`);
}

function answeredOrSuperseded(): DomainError {
  return new DomainError('GONE', 'This link is no longer valid: it was answered, or a newer one replaced it');
}

/** A friendly page for a refused link or answer, with the status the JSON endpoint would answer. */
function problemPage(c: Context, err: unknown, language: Language, log: Logger) {
  const code = err instanceof DomainError ? err.code : 'INTERNAL';
  if (code === 'INTERNAL') log.error({ err, requestId: c.get('requestId') }, 'unhandled error on a response page');
  const { title, text } = problemText(language, code === 'CONFLICT' ? 'INVALID_TRANSITION' : code);
  return page(c, ERROR_CODES[code] as ContentfulStatusCode, language, title, `<p>${esc(text)}</p>`);
}

/** What to fix in a field of the form (`decision`, `reason`, `text`). */
function fieldProblem(language: Language, path: string): string {
  const key = `page.answer.field.${path}`;
  return translate(language, hasMessage(key) ? key : 'page.form.fieldOther');
}


/** Before we know the complaint: the browser's preferred language if we have texts for it, else English. */
function headerLanguage(c: Context): Language {
  return acceptedLanguage(c.req.header('accept-language')) ?? 'en';
}
