// /s/{token}: the satisfaction survey page the closure message links to. GET only shows the
// questions (mail scanners and link previewers open links); only the form's submit (POST) answers,
// with the rules of POST /v1/surveys/{token}. The page is in the complaint's language, `?lang=`
// switches it (the form posts back to the same address, so the choice stays).
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { DomainError, type FieldIssue } from '../../../domain/errors.js';
import { SURVEY_COMMENT_MAX, SURVEY_RATINGS, SURVEY_REASONS } from '../../../domain/survey/answer.js';
import { LANGUAGES, isLanguage, languageMetadata, type Language } from '../../../texts/languages.js';
import { hasMessage, translator, type MessageKey, type Translate } from '../../../texts/translate.js';
import type { AppEnv } from '../../http/app-env.js';
import { fieldIssues } from '../../http/errors.js';
import { answerSurvey, openSurvey, surveyAnswerBodySchema, type OpenedSurvey, type SurveyDeps } from '../survey.js';
import { renderPage } from './frame.js';

export interface SurveyPageDeps extends SurveyDeps {
  log: Logger;
}

/** What the customer chose, put back into the form when it comes back with a problem. */
interface Typed {
  handling?: number;
  outcome?: number;
  reasons: string[];
  comment: string;
}

/** The customer's language by default: Turkish (the seeds' customers' language). */
const DEFAULT_LANGUAGE: Language = 'tr';

export function surveyPages(deps: SurveyPageDeps) {
  return new Hono<AppEnv>()
    .get('/:token', async (c) => {
      let language = requestedLanguage(c) ?? DEFAULT_LANGUAGE;
      try {
        const survey = await openSurvey(deps, c.req.param('token'));
        language = requestedLanguage(c) ?? survey.language;
        return surveyForm(c, 200, survey, language, { reasons: [], comment: '' });
      } catch (err) {
        return problemPage(c, err, language, deps.log);
      }
    })
    .post('/:token', async (c) => {
      let language = requestedLanguage(c) ?? DEFAULT_LANGUAGE;
      try {
        const survey = await openSurvey(deps, c.req.param('token'));
        language = requestedLanguage(c) ?? survey.language;
        const form = await readForm(c);
        if (!form) return surveyForm(c, 400, survey, language, { reasons: [], comment: '' }, [{ path: '(body)', message: 'unreadable' }]);
        const typed = typedAnswer(form);
        const body = surveyAnswerBodySchema.safeParse({
          handling: typed.handling ?? form.handling,
          outcome: typed.outcome ?? form.outcome,
          ...(typed.reasons.length > 0 ? { reasons: typed.reasons } : {}),
          ...(typed.comment.trim() !== '' ? { comment: typed.comment } : {}),
          language,
        });
        if (!body.success) return surveyForm(c, 400, survey, language, typed, fieldIssues(body.error.issues));
        await answerSurvey(deps, survey, body.data);
        const t = translator(language);
        return renderPage(c, 200, { language, title: t('survey.thanks.title'), header: <LanguageSwitch language={language} />, children: <p>{t('survey.thanks.text')}</p> });
      } catch (err) {
        return problemPage(c, err, language, deps.log);
      }
    });
}

function surveyForm(c: Context, status: ContentfulStatusCode, survey: OpenedSurvey, language: Language, typed: Typed, issues: FieldIssue[] = []) {
  const t = translator(language);
  const problems = [...new Set(issues.map((i) => fieldOf(i.path)))];
  const invalid = (field: string) => (problems.includes(field) ? 'true' : undefined);
  return renderPage(c, status, {
    language,
    title: t('survey.page.title'),
    header: <LanguageSwitch language={language} />,
    children: (
      <>
        <p>{t('survey.page.intro', { reference: survey.reference })}</p>
        {problems.length > 0 && (
          <div class="error" role="alert">
            <p>{t('survey.check')}</p>
            <ul>
              {problems.map((field) => (
                <li>{t(hasMessage(`survey.field.${field}`) ? (`survey.field.${field}` as MessageKey) : 'survey.field.other')}</li>
              ))}
            </ul>
          </div>
        )}
        <p class="note">{t('survey.page.viewOnly')}</p>
        <form method="post">
          <RatingGroup name="handling" legend={t('survey.handling.legend')} t={t} chosen={typed.handling} />
          <RatingGroup name="outcome" legend={t('survey.outcome.legend')} t={t} chosen={typed.outcome} />
          <fieldset>
            <legend>{t('survey.reasons.legend')}</legend>
            {SURVEY_REASONS.map((id) => (
              <label>
                <input type="checkbox" name="reasons" value={id} checked={typed.reasons.includes(id)} /> {t(`survey.reason.${id}`)}
              </label>
            ))}
          </fieldset>
          <label for="comment">{t('survey.comment.label')}</label>
          <p class="note" id="comment-hint">
            {t('survey.comment.hint')}
          </p>
          <textarea id="comment" name="comment" rows={5} maxlength={SURVEY_COMMENT_MAX} aria-describedby="comment-hint" aria-invalid={invalid('comment')}>
            {typed.comment}
          </textarea>
          <button type="submit">{t('survey.submit')}</button>
        </form>
      </>
    ),
  });
}

/**
 * One 1–5 question: a fieldset whose legend is the question, a labelled radio per step. What to fix
 * is said in the alert above the form (aria-invalid is not for groups).
 */
function RatingGroup(props: { name: 'handling' | 'outcome'; legend: string; t: Translate; chosen: number | undefined }) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {SURVEY_RATINGS.map((n) => (
        <label>
          <input type="radio" name={props.name} value={String(n)} required checked={props.chosen === n} /> {props.t(`survey.scale.${n}`)}
        </label>
      ))}
    </fieldset>
  );
}

/** Links to this page in every language, each named in its own language. */
function LanguageSwitch({ language }: { language: Language }) {
  const t = translator(language);
  return (
    <nav aria-label={t('survey.language.label')}>
      <ul class="choices">
        {LANGUAGES.map((id) => (
          <li>
            <a href={`?lang=${id}`} lang={id} hreflang={id} aria-current={id === language ? 'true' : undefined}>
              {languageMetadata(id).name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A page for a refused link or answer, with the status the JSON route would answer. */
function problemPage(c: Context, err: unknown, language: Language, log: Logger) {
  const code = err instanceof DomainError ? err.code : 'INTERNAL';
  if (code === 'INTERNAL') log.error({ err, requestId: c.get('requestId') }, 'unhandled error on the survey page');
  const [status, kind]: [ContentfulStatusCode, 'invalid' | 'expired' | 'answered' | 'error'] =
    code === 'NOT_FOUND' || code === 'VALIDATION_FAILED'
      ? [404, 'invalid']
      : code === 'GONE'
        ? [410, 'expired']
        : code === 'CONFLICT'
          ? [409, 'answered']
          : [500, 'error'];
  const t = translator(language);
  return renderPage(c, status, {
    language,
    title: t(`survey.${kind}.title`),
    header: <LanguageSwitch language={language} />,
    children: <p>{t(`survey.${kind}.text`)}</p>,
  });
}

/** The form's fields: ratings as numbers when they are digits, every ticked reason, the comment. */
function typedAnswer(form: Record<string, unknown>): Typed {
  const rating = (value: unknown) => (typeof value === 'string' && /^[1-5]$/.test(value) ? Number(value) : undefined);
  const reasons = ([] as unknown[]).concat(form.reasons ?? []).filter((r): r is string => typeof r === 'string');
  const comment = typeof form.comment === 'string' ? form.comment : '';
  return { handling: rating(form.handling), outcome: rating(form.outcome), reasons, comment };
}

/** `reasons.2` → `reasons`; `(body)` stays. */
function fieldOf(path: string): string {
  return path.split('.')[0] ?? path;
}

async function readForm(c: Context): Promise<Record<string, unknown> | undefined> {
  try {
    return await c.req.parseBody({ all: true });
  } catch {
    return undefined;
  }
}

/** `?lang=fa` when it names a language we have. */
function requestedLanguage(c: Context): Language | undefined {
  const lang = c.req.query('lang');
  return lang !== undefined && isLanguage(lang) ? lang : undefined;
}
