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
import type { Language } from '../../../texts/languages.js';
import { hasMessage, translate, type MessageKey } from '../../../texts/translate.js';
import type { AppEnv } from '../../http/app-env.js';
import { fieldIssues } from '../../http/errors.js';
import { admitTrackingRequest, trackComplaint, TrackingRateLimitedError, trackRequestSchema, type TrackingDeps } from '../tracking.js';
import { buildCustomerView, type CustomerView } from '../view.js';
import type { AttachmentStore } from '../../../read-model/attachments.js';
import { AttachmentList, customerAttachments, type CustomerAttachment } from './attachment-list.js';
import { renderPage } from './frame.js';
import { LanguageSwitch } from './language-switch.js';
import { complaintTimeZone, FormProblem, isolatedCode, pageInstant, ProposalSection, problemText, readForm, textField, WrittenText } from './layout.js';
import { chosenLanguage, pageLanguage } from './page-language.js';

export interface TrackingPageDeps extends TrackingDeps {
  log: Logger;
  /** Where the complaint's evidence is kept: the result lists the customer's own files. */
  attachments: AttachmentStore;
}

/** Longest reference put back into the form; ours are 15 characters. */
const MAX_REFERENCE_LENGTH = 40;

/** What the form shows above its fields, and the reference to put back. */
interface FormState {
  reference?: string | undefined;
  problem?: string;
  fixes?: string[];
  /** The language the customer picked, posted back so the answer page keeps it. */
  chosen?: Language | undefined;
}

export function trackingPage(deps: TrackingPageDeps) {
  return new Hono<AppEnv>()
    .get('/', (c) => formPage(c, 200, pageLanguage(c), { reference: c.req.query('reference'), chosen: chosenLanguage(c) }))
    .post('/', async (c) => {
      let language = pageLanguage(c);
      let chosen = chosenLanguage(c);
      let reference: string | undefined;
      try {
        const form = await readForm(c);
        if (!form) {
          return formPage(c, 400, language, { problem: translate(language, 'page.tracking.checkForm'), fixes: [fieldProblem(language, '(body)')], chosen });
        }
        chosen = chosenLanguage(c, textField(form, 'lang'));
        language = pageLanguage(c, { formField: chosen });
        reference = textField(form, 'reference')?.toUpperCase();
        const request = trackRequestSchema.safeParse({ reference, pin: textField(form, 'pin') });
        if (!request.success) {
          const paths = [...new Set(fieldIssues(request.error.issues).map((i) => i.path))];
          const fixes = paths.map((path) => fieldProblem(language, path));
          return formPage(c, 400, language, { reference, problem: translate(language, 'page.tracking.checkForm'), fixes, chosen });
        }
        const complaint = await trackComplaint(c, deps, request.data);
        // Known now: unless the customer picked one, the page speaks the complaint's language.
        language = pageLanguage(c, { formField: chosen, complaintLocale: complaint.customer_locale });
        const view = buildCustomerView(complaint, undefined, language);
        const attachments = await customerAttachments(deps.attachments, complaint.id);
        return viewPage(c, language, view, complaintTimeZone(complaint), attachments);
      } catch (err) {
        return refusedPage(c, err, language, { reference, chosen }, deps.log);
      }
    });
}

/**
 * Counts a POST /track against its address's budget before the form is read (so malformed and
 * oversized posts count too); over the budget, the form again with 429.
 */
export function trackingFormAdmission(deps: Omit<TrackingPageDeps, 'attachments'>): MiddlewareHandler {
  return async (c, next) => {
    try {
      await admitTrackingRequest(c, deps);
    } catch (err) {
      return refusedPage(c, err, pageLanguage(c), { chosen: chosenLanguage(c) }, deps.log);
    }
    await next();
  };
}

/** What to fix in a field of the form (`reference`, `pin`). */
function fieldProblem(language: Language, path: string): string {
  const key = `page.tracking.field.${path}`;
  return translate(language, hasMessage(key) ? key : 'page.form.fieldOther');
}

function formPage(c: Context, status: ContentfulStatusCode, language: Language, form: FormState) {
  const t = (key: MessageKey) => translate(language, key);
  const reference = (form.reference ?? '').trim().slice(0, MAX_REFERENCE_LENGTH);
  // The cursor goes where the customer types next: the PIN once the link gave the reference.
  const focusPin = reference !== '';
  const keep = reference ? { reference } : undefined;
  return renderPage(c, status, {
    language,
    title: t('page.tracking.title'),
    header: <LanguageSwitch current={language} url={c.req.url} keep={keep} />,
    children: (
      <>
        {form.problem && <FormProblem summary={form.problem} fixes={form.fixes} />}
        <p>{t('page.tracking.intro')}</p>
        <form method="post">
          {form.chosen && <input type="hidden" name="lang" value={form.chosen} />}
          <label for="reference">{t('page.tracking.referenceLabel')}</label>
          <input
            id="reference"
            name="reference"
            type="text"
            value={reference}
            required
            maxlength={MAX_REFERENCE_LENGTH}
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            placeholder="CMP-2026-000123"
            dir="ltr"
            autofocus={!focusPin}
          />
          <label for="pin">{t('page.tracking.pinLabel')}</label>
          <input
            id="pin"
            name="pin"
            type="password"
            inputmode="numeric"
            pattern="[0-9]{8}"
            minlength={8}
            maxlength={8}
            required
            autocomplete="off"
            dir="ltr"
            autofocus={focusPin}
          />
          <button type="submit">{t('page.tracking.submit')}</button>
        </form>
      </>
    ),
  });
}

/** The complaint: status, dates (never a passed one as an aim), the proposal, our question and what happens next. */
function viewPage(c: Context, language: Language, view: CustomerView, timeZone: string, attachments: readonly CustomerAttachment[]) {
  const t = (key: MessageKey, values?: Parameters<typeof translate>[2]) => translate(language, key, values);
  const when = (at: string) => pageInstant(at, language, timeZone);
  const dates = (
    [
      ['page.tracking.receivedAt', view.receivedAt],
      ['page.tracking.acknowledgedAt', view.acknowledgedAt],
      ['page.tracking.aimToAnswerBy', view.aimToAnswerBy],
      ['page.tracking.nextUpdateBy', view.laterThanPlanned ? view.nextUpdateBy : null],
      ['page.tracking.closedAt', view.closedAt],
    ] as const satisfies readonly (readonly [MessageKey, string | null])[]
  ).flatMap(([label, at]) => (at ? [{ label, at }] : []));
  const answerThroughMessage = <p class="note">{t('page.tracking.answerThroughMessage')}</p>;
  const p = view.proposal;
  const q = view.pendingQuestion;
  return renderPage(c, 200, {
    language,
    title: t('page.complaintTitle', { reference: isolatedCode(view.reference, language) }),
    // Switched, the page asks for the PIN again (it is never in a URL), the reference kept.
    header: <LanguageSwitch current={language} url={c.req.url} keep={{ reference: view.reference }} />,
    children: (
      <>
        <p>{t('page.status', { label: view.label })}</p>
        <dl>
          {dates.map(({ label, at }) => (
            <>
              <dt>{t(label)}</dt>
              <dd>{when(at)}</dd>
            </>
          ))}
        </dl>
        {view.laterThanPlanned && <p>{t('page.tracking.laterThanPlanned')}</p>}
        <AttachmentList language={language} attachments={attachments} />
        {p && (
          <ProposalSection proposal={p} language={language} timeZone={timeZone}>
            {p.answer && <p>{t('page.tracking.answered', { outcome: p.answer.outcome, answeredAt: when(p.answer.answeredAt) })}</p>}
            {!p.answer && view.status === 'resolution_proposed' && answerThroughMessage}
          </ProposalSection>
        )}
        {q && (
          <section>
            <h2>{t('page.questionHeading')}</h2>
            <WrittenText>{q.question}</WrittenText>
            <p class="note">{t('page.tracking.askedAt', { askedAt: when(q.askedAt) })}</p>
            {q.answerDueAt && <p>{t('page.proposal.answerBy', { answerDueAt: when(q.answerDueAt) })}</p>}
            {answerThroughMessage}
          </section>
        )}
        <section>
          <h2>{t('page.tracking.nextHeading')}</h2>
          <p>{view.nextStep}</p>
        </section>
        <p class="note">
          <a href={`?lang=${language}`}>{t('page.tracking.trackAnother')}</a>
        </p>
      </>
    ),
  });
}

/** The form again, with why we refused and the status the JSON endpoint would answer. */
function refusedPage(c: Context, err: unknown, language: Language, form: Pick<FormState, 'reference' | 'chosen'>, log: Logger) {
  if (err instanceof TrackingRateLimitedError) {
    const minutes = Math.ceil(err.retryAfterSeconds / 60);
    return formPage(c, 429, language, { ...form, problem: translate(language, 'page.tracking.tooManyAttempts', { minutes }) });
  }
  const code = err instanceof DomainError ? err.code : 'INTERNAL';
  if (code === 'UNAUTHENTICATED') return formPage(c, 401, language, { ...form, problem: translate(language, 'page.tracking.noMatch') });
  if (code === 'INTERNAL') log.error({ err, requestId: c.get('requestId') }, 'unhandled error on the tracking page');
  return formPage(c, ERROR_CODES[code] as ContentfulStatusCode, language, { ...form, problem: problemText(language, code).text });
}
