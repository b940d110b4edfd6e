// After the form is filed: the reference and the PIN, shown this once (the page is never cached
// and the PIN is in no URL: the POST answers with this page itself), and where else we sent them.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Language } from '../../../texts/languages.js';
import { translate, type MessageKey } from '../../../texts/translate.js';
import { FORM_PATH } from './complaint-form-page.js';
import { renderPage } from './frame.js';

export interface ConfirmationProps {
  language: Language;
  reference: string;
  pin: string;
  email?: string | undefined;
  phone?: string | undefined;
  attachmentCount: number;
}

export function renderConfirmationPage(c: Context, status: ContentfulStatusCode, props: ConfirmationProps) {
  const { language } = props;
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(language, key, values);
  const via = props.phone && props.email ? 'both' : props.phone ? 'sms' : props.email ? 'email' : 'none';
  const sentBy = t('form.done.sentBy', { via, phone: props.phone ?? '', email: props.email ?? '' });
  const attachments = t('form.done.attachments', { count: props.attachmentCount });
  return renderPage(c, status, {
    language,
    title: t('form.done.title'),
    children: (
      <>
        <dl>
          <dt>{t('form.done.reference')}</dt>
          <dd>
            <strong dir="ltr">{props.reference}</strong>
          </dd>
          <dt>{t('form.done.pin')}</dt>
          <dd>
            <strong dir="ltr" class="pin">{props.pin}</strong>
          </dd>
        </dl>
        <p>{t('form.done.keep')}</p>
        {sentBy ? <p>{sentBy}</p> : null}
        {attachments ? <p>{attachments}</p> : null}
        <p>{t('form.done.next')}</p>
        <p>
          <a href={`/track?lang=${language}&reference=${encodeURIComponent(props.reference)}`}>{t('form.done.track')}</a>
        </p>
        <p class="note">
          <a href={`${FORM_PATH}?lang=${language}`}>{t('form.done.another')}</a>
        </p>
      </>
    ),
  });
}

/** A post from another site: we say so and link to our own form; nothing of it is shown back. */
export function renderForeignOriginPage(c: Context, language: Language) {
  const t = (key: MessageKey) => translate(language, key);
  return renderPage(c, 403, {
    language,
    title: t('form.problem.foreignOrigin.title'),
    children: (
      <>
        <p>{t('form.problem.foreignOrigin.text')}</p>
        <p>
          <a href={`${FORM_PATH}?lang=${language}`}>{t('form.problem.openForm')}</a>
        </p>
      </>
    ),
  });
}
