// /r/{token}: the page a signed link opens. GET only shows the proposal (or our question) with its
// buttons and never changes anything: mail scanners and link previewers open links, and a help
// desk that took such visits for answers closed complaints nobody had accepted. Only the explicit
// form submit (POST) answers, with the same rules as POST /v1/responses/{token}.
// hono/jsx in the customer's language (or the one picked with the switch), no external assets.
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { DomainError, ERROR_CODES, type FieldIssue } from '../../../domain/errors.js';
import type { Language } from '../../../texts/languages.js';
import { hasMessage, translate, type MessageKey } from '../../../texts/translate.js';
import type { AppEnv } from '../../http/app-env.js';
import { fieldIssues } from '../../http/errors.js';
import { answerOrigin } from '../answer-origin.js';
import { answerThroughLink, linkAnswerBodySchema, openAnswerSlot, openLink, type CustomerLinkDeps, type LinkAnswerOutcome, type OpenedLink } from '../links.js';
import { buildCustomerView } from '../view.js';
import { renderPage } from './frame.js';
import { complaintTimeZone, FormProblem, isolatedCode, pageInstant, ProposalSection, problemText, readForm, textField, WrittenText } from './layout.js';
import { pageLanguage } from './page-language.js';

export interface ResponsePageDeps extends CustomerLinkDeps {
  log: Logger;
}

/** What the customer typed, put back into the form when it comes back with a problem. */
type Typed = { reason?: string | undefined; text?: string | undefined };

export function responsePages(deps: ResponsePageDeps) {
  return new Hono<AppEnv>()
    .get('/:token', async (c) => {
      let language = pageLanguage(c);
      try {
        const link = await openLink(deps, c.req.param('token'));
        language = pageLanguage(c, { complaintLocale: link.complaint.customer_locale });
        return answerPage(c, 200, link, language);
      } catch (err) {
        return problemPage(c, err, language, deps.log);
      }
    })
    .post('/:token', async (c) => {
      let language = pageLanguage(c);
      try {
        const link = await openLink(deps, c.req.param('token'));
        language = pageLanguage(c, { complaintLocale: link.complaint.customer_locale });
        const form = await readForm(c);
        if (!form) return answerPage(c, 400, link, language, {}, [{ path: '(body)', message: 'the form could not be read' }]);
        const typed: Typed = { reason: textField(form, 'reason', false), text: textField(form, 'text', false) };
        const body = linkAnswerBodySchema.safeParse({ decision: textField(form, 'decision', false), ...typed });
        if (!body.success) return answerPage(c, 400, link, language, typed, fieldIssues(body.error.issues));
        let answered: LinkAnswerOutcome;
        try {
          answered = await answerThroughLink(deps, link, body.data, answerOrigin(c, deps));
        } catch (err) {
          const unfit = err instanceof DomainError && err.code === 'VALIDATION_FAILED' && Array.isArray(err.details);
          if (!unfit) throw err;
          return answerPage(c, 400, link, language, typed, err.details as FieldIssue[]);
        }
        return thanksPage(c, language, answered);
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
  const t = (key: MessageKey, values?: Parameters<typeof translate>[2]) => translate(language, key, values);
  const { claims, complaint } = link;
  const view = buildCustomerView(complaint, undefined, language);
  const timeZone = complaintTimeZone(complaint);
  const fixes = [...new Set(issues.map((i) => i.path))].map((path) => fieldProblem(language, path));
  const head = (
    <>
      <p>{t('page.status', { label: view.label })}</p>
      {fixes.length > 0 && <FormProblem summary={t('page.answer.checkAnswer')} fixes={fixes} />}
    </>
  );
  const viewOnly = <p class="note">{t('page.answer.viewOnly')}</p>;
  const title = t('page.complaintTitle', { reference: isolatedCode(view.reference, language) });

  openAnswerSlot(link); // GONE unless the link's round or question is the open one
  if (claims.purpose === 'resolution') {
    const p = view.proposal!;
    return renderPage(c, status, {
      language,
      title,
      children: (
        <>
          {head}
          <ProposalSection proposal={p} language={language} timeZone={timeZone} />
          {viewOnly}
          <form method="post">
            <input type="hidden" name="decision" value="accept" />
            <button type="submit">{t('page.answer.accept')}</button>
          </form>
          <form method="post">
            <input type="hidden" name="decision" value="reject" />
            <label for="reason">{t('page.answer.reasonLabel')}</label>
            <textarea id="reason" name="reason" rows={5} maxlength={2000} dir="auto" required>
              {typed.reason ?? ''}
            </textarea>
            <button type="submit">{t('page.answer.reject')}</button>
          </form>
        </>
      ),
    });
  }

  const question = view.pendingQuestion!;
  return renderPage(c, status, {
    language,
    title,
    children: (
      <>
        {head}
        <section>
          <h2>{t('page.questionHeading')}</h2>
          <WrittenText>{question.question}</WrittenText>
          {question.answerDueAt && <p>{t('page.proposal.answerBy', { answerDueAt: pageInstant(question.answerDueAt, language, timeZone) })}</p>}
        </section>
        {viewOnly}
        <form method="post">
          <label for="text">{t('page.answer.answerLabel')}</label>
          <textarea id="text" name="text" rows={6} maxlength={5000} dir="auto" required>
            {typed.text ?? ''}
          </textarea>
          <button type="submit">{t('page.answer.send')}</button>
        </form>
      </>
    ),
  });
}

/** After the answer: the new status and what happens next, or that it is received and being recorded. */
function thanksPage(c: Context, language: Language, { outcome, view }: LinkAnswerOutcome) {
  return renderPage(c, outcome === 'taken' ? 200 : 202, {
    language,
    title: translate(language, 'page.answer.thanksTitle'),
    children:
      outcome === 'taken' ? (
        <>
          <p>{translate(language, 'page.status', { label: view.label })}</p>
          <p>{view.nextStep}</p>
        </>
      ) : (
        <p>{translate(language, 'page.answer.received')}</p>
      ),
  });
}

/** A friendly page for a refused link or answer, with the status the JSON endpoint would answer. */
function problemPage(c: Context, err: unknown, language: Language, log: Logger) {
  const code = err instanceof DomainError ? err.code : 'INTERNAL';
  if (code === 'INTERNAL') log.error({ err, requestId: c.get('requestId') }, 'unhandled error on a response page');
  const { title, text } = problemText(language, code === 'CONFLICT' ? 'INVALID_TRANSITION' : code);
  return renderPage(c, ERROR_CODES[code] as ContentfulStatusCode, { language, title, children: <p>{text}</p> });
}

/** What to fix in a field of the form (`decision`, `reason`, `text`). */
function fieldProblem(language: Language, path: string): string {
  const key = `page.answer.field.${path}`;
  return translate(language, hasMessage(key) ? key : 'page.form.fieldOther');
}
