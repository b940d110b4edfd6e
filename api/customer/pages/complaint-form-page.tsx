// The complaint form (GET /complaints/new, and again with problems after a refused POST): plain
// HTML that works without JavaScript. Problems are listed at the top (linked to their fields) and
// next to each field (aria-describedby, aria-invalid); values come back, files never do.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { CUSTOMER_LANGUAGES, type ComplaintFormSettings, type FormChoice } from '../../../config/complaint-form.js';
import { ATTACHMENT_TYPES } from '../../../domain/attachments/content-type.js';
import { LANGUAGES, languageMetadata, type Language } from '../../../texts/languages.js';
import { formatFileSize } from '../../../texts/file-size.js';
import { choiceLabel } from '../../../texts/form-choices.js';
import { translate, type MessageKey } from '../../../texts/translate.js';
import { HONEYPOT_FIELD, type FieldProblem, type FormField, type FormValues } from '../complaint-form.js';
import { renderPage } from './frame.js';

export const FORM_PATH = '/complaints/new';

export interface FormPageProps {
  language: Language;
  settings: ComplaintFormSettings;
  values?: FormValues | undefined;
  problems?: readonly FieldProblem[];
  /** A problem of the whole form (expired, already sent, too many posts). */
  notice?: string | undefined;
  formKey: string;
  csrfToken: string;
}

/** The form's page with `status` (200 when first shown, 4xx when refused). */
export function renderFormPage(c: Context, status: ContentfulStatusCode, props: FormPageProps) {
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(props.language, key, values);
  return renderPage(c, status, {
    language: props.language,
    title: t('form.title'),
    header: <LanguageLinks language={props.language} />,
    children: <ComplaintForm {...props} />,
  });
}

/** This page in every other language, each named in itself. */
function LanguageLinks({ language }: { language: Language }) {
  const others = LANGUAGES.filter((l) => l !== language);
  return (
    <nav aria-label={translate(language, 'form.pageLanguage')} class="page-languages">
      {others.map((other, i) => (
        <>
          {i > 0 ? ' · ' : ''}
          <a href={`${FORM_PATH}?lang=${other}`} hreflang={other} lang={other}>
            {languageMetadata(other).name}
          </a>
        </>
      ))}
    </nav>
  );
}

/** The privacy notice in `language`: the configured text, else the catalog's naming the data controller. */
export function privacyNoticeText(settings: ComplaintFormSettings, language: Language): string {
  return settings.privacyNotice.text[language] ?? translate(language, 'form.privacy.notice', { controller: settings.privacyNotice.dataController });
}

/** Text without NUL (a value refused for holding one comes back without it). */
const shown = (value: string) => value.replace(/\u0000/g, '');

function ComplaintForm(props: FormPageProps) {
  const { language, settings } = props;
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(language, key, values);
  const problems = props.problems ?? [];
  const values: FormValues = props.values ?? {
    name: '', email: '', phone: '', subject: '', description: '', category: '', product: '', consent: false,
    language: (CUSTOMER_LANGUAGES as readonly string[]).includes(language) ? language : 'tr',
  };
  const problemsOf = (field: FormField) => problems.filter((p) => p.field === field);
  const message = (p: FieldProblem) =>
    p.key === 'form.error.unstorable'
      ? t(p.key, { field: fieldLabel(p.field, t) })
      : t(p.key, sizesWritten(p.values, language));
  /** The attributes that tie a field to its hint and its problems. */
  const described = (field: FormField, hint?: string) => {
    const ids = [hint, problemsOf(field).length > 0 ? `${field}-error` : undefined].filter(Boolean).join(' ');
    return { 'aria-describedby': ids || undefined, 'aria-invalid': problemsOf(field).length > 0 ? 'true' : undefined };
  };
  const FieldError = ({ field }: { field: FormField }) => {
    const mine = problemsOf(field);
    if (mine.length === 0) return null;
    return (
      <p id={`${field}-error`} class="field-error">
        {mine.map((p, i) => (
          <>
            {i > 0 ? <br /> : ''}
            {message(p)}
          </>
        ))}
      </p>
    );
  };
  const required = <span class="note"> {t('form.required')}</span>;
  const Choices = ({ list, choices, value }: { list: 'category' | 'product'; choices: readonly FormChoice[]; value: string }) => (
    <select id={list} name={list} {...described(list)}>
      <option value="" selected={value === ''}>{t('form.choice.none')}</option>
      {choices.map((choice) => (
        <option value={choice.id} selected={value === choice.id}>
          {choiceLabel(list, choice, language)}
        </option>
      ))}
    </select>
  );
  const limits = settings.attachments;
  const fields = [...new Set(problems.map((p) => p.field))];

  return (
    <>
      <p>{t('form.intro')}</p>
      <p class="note">{t('form.requiredNote')}</p>
      {props.notice ? (
        <div class="error" role="alert">
          <p>{props.notice}</p>
        </div>
      ) : null}
      {problems.length > 0 ? (
        <div class="error" role="alert" aria-labelledby="error-summary-title" tabindex={-1} id="error-summary">
          <h2 id="error-summary-title">{t('form.errors.heading', { count: fields.length })}</h2>
          <ul>
            {problems.map((p) => (
              <li>
                <a href={`#${p.field}`}>{message(p)}</a>
              </li>
            ))}
          </ul>
          {settings.attachments.maxCount > 0 ? <p class="note">{t('form.attachments.reattach')}</p> : null}
        </div>
      ) : null}
      <form method="post" action={`${FORM_PATH}?lang=${language}`} enctype="multipart/form-data" novalidate>
        <input type="hidden" name="lang" value={language} />
        <input type="hidden" name="formKey" value={props.formKey} />
        <input type="hidden" name="csrf" value={props.csrfToken} />
        <fieldset>
          <legend>{t('form.section.you')}</legend>
          <label for="name">{t('form.name.label')}{required}</label>
          <FieldError field="name" />
          <input id="name" name="name" type="text" autocomplete="name" required aria-required="true" maxlength={200}
            value={shown(values.name)} {...described('name')} />
          <p id="contact-hint" class="note">{t('form.contact.hint')}</p>
          <label for="email">{t('form.email.label')}</label>
          <FieldError field="email" />
          <input id="email" name="email" type="email" autocomplete="email" maxlength={254} spellcheck={false}
            value={shown(values.email)} {...described('email', 'contact-hint')} />
          <label for="phone">{t('form.phone.label')}</label>
          <FieldError field="phone" />
          <p id="phone-hint" class="note">{t('form.phone.hint')}</p>
          <input id="phone" name="phone" type="tel" autocomplete="tel" maxlength={20} dir="ltr"
            value={shown(values.phone)} {...described('phone', 'contact-hint phone-hint')} />
          <label for="language">{t('form.language.label')}</label>
          <FieldError field="language" />
          <select id="language" name="language" {...described('language')}>
            {CUSTOMER_LANGUAGES.map((l) => (
              <option value={l} lang={l} selected={values.language === l}>
                {t(`form.language.option.${l}`)}
              </option>
            ))}
          </select>
        </fieldset>
        <fieldset>
          <legend>{t('form.section.complaint')}</legend>
          <label for="subject">{t('form.subject.label')}{required}</label>
          <FieldError field="subject" />
          <p id="subject-hint" class="note">{t('form.subject.hint')}</p>
          <input id="subject" name="subject" type="text" required aria-required="true" maxlength={200} autocomplete="off"
            value={shown(values.subject)} {...described('subject', 'subject-hint')} />
          <label for="description">{t('form.description.label')}{required}</label>
          <FieldError field="description" />
          <p id="description-hint" class="note">{t('form.description.hint')}</p>
          <textarea id="description" name="description" rows={8} required aria-required="true" maxlength={10_000} autocomplete="off"
            {...described('description', 'description-hint')}>{shown(values.description)}</textarea>
          <label for="category">{t('form.category.label')}</label>
          <FieldError field="category" />
          <Choices list="category" choices={settings.categories} value={values.category} />
          <label for="product">{t('form.product.label')}</label>
          <FieldError field="product" />
          <Choices list="product" choices={settings.products} value={values.product} />
          {limits.maxCount > 0 ? (
            <>
              <label for="attachments">{t('form.attachments.label')}</label>
              <FieldError field="attachments" />
              <p id="attachments-hint" class="note">
                {t('form.attachments.hint', { maxCount: limits.maxCount, maxSize: formatFileSize(limits.maxBytes, language), totalSize: formatFileSize(limits.maxTotalBytes, language) })}
              </p>
              <input id="attachments" name="attachments" type="file" multiple accept={[...ATTACHMENT_TYPES, '.heic'].join(',')}
                {...described('attachments', 'attachments-hint')} />
            </>
          ) : null}
        </fieldset>
        <div aria-hidden="true" class="offscreen">
          <label for={HONEYPOT_FIELD}>{t('form.honeypot.label')}</label>
          <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabindex={-1} autocomplete="off" value="" />
        </div>
        <fieldset>
          <legend>{t('form.privacy.legend')}</legend>
          <div id="privacy-notice" class="note">
            {privacyNoticeText(settings, language).split(/\n\s*\n/).map((paragraph) => (
              <p class="text">{paragraph}</p>
            ))}
          </div>
          <FieldError field="consent" />
          <label for="consent">
            <input id="consent" name="consent" type="checkbox" value="yes" required aria-required="true" checked={values.consent}
              {...described('consent')} /> {t('form.privacy.consent')}{required}
          </label>
        </fieldset>
        <button type="submit">{t('form.submit')}</button>
      </form>
    </>
  );
}

function fieldLabel(field: FormField, t: (key: MessageKey) => string): string {
  const labels: Record<FormField, MessageKey> = {
    name: 'form.name.label',
    email: 'form.email.label',
    phone: 'form.phone.label',
    language: 'form.language.label',
    subject: 'form.subject.label',
    description: 'form.description.label',
    category: 'form.category.label',
    product: 'form.product.label',
    attachments: 'form.attachments.label',
    consent: 'form.privacy.legend',
  };
  return t(labels[field]);
}

/** Byte counts of a problem (`maxSize`, `totalSize`) as the page's language writes sizes. */
function sizesWritten(values: FieldProblem['values'], language: Language): FieldProblem['values'] {
  if (!values) return values;
  const written = { ...values };
  for (const key of ['maxSize', 'totalSize'] as const) {
    const bytes = values[key];
    if (typeof bytes === 'number') written[key] = formatFileSize(bytes, language);
  }
  return written;
}
