// The sign-in form: e-mail, password, a language switch, and the one message of a refusal (a
// generic one, a lockout, an expired form) tied to the fields it is about.
import type { ConsoleLanguage } from '../../../texts/console/languages.js';
import type { ConsoleTranslate } from '../../../texts/console/translate.js';
import { SIGN_IN_CSRF_FIELD } from './sign-in-request.js';

export interface SignInPageProps {
  t: ConsoleTranslate;
  language: ConsoleLanguage;
  token: string;
  next: string | undefined;
  email?: string;
  /** The refusal to show above the form, if any. */
  problem?: string | undefined;
  /** Someone with a live session opened the form: where to continue. */
  signedIn?: { name: string; href: string } | undefined;
  /** Single sign-on is configured: the button to the provider comes first. */
  sso?: { providerName: string } | undefined;
}

const OTHER_LANGUAGE: Record<ConsoleLanguage, ConsoleLanguage> = { en: 'tr', tr: 'en' };

export function SignInPage({ t, language, token, next, email, problem, signedIn, sso }: SignInPageProps) {
  const other = OTHER_LANGUAGE[language];
  const switchHref = `/console/sign-in?${new URLSearchParams({ lang: other, ...(next ? { next } : {}) }).toString()}`;
  return (
    <>
      <p class="language-switch">
        <a href={switchHref} lang={other} hreflang={other}>
          {t(`console.sign-in.language.${other}`)}
        </a>
      </p>
      {signedIn && (
        <div class="notice">
          <p>{t('console.sign-in.alreadySignedIn', { name: signedIn.name })}</p>
          <p>
            <a href={signedIn.href}>{t('console.sign-in.continue')}</a>
          </p>
        </div>
      )}
      {problem && (
        <div class="form-errors" role="alert" id="sign-in-problem">
          <p>{problem}</p>
        </div>
      )}
      {sso && (
        <>
          <p>
            <a class="button" href={`/console/sso/start?${new URLSearchParams({ lang: language, ...(next ? { next } : {}) }).toString()}`} data-sso-start>
              {t('console.sso.button', { provider: sso.providerName })}
            </a>
          </p>
          <p>{t('console.sso.or')}</p>
        </>
      )}
      <p>{t('console.sign-in.intro')}</p>
      <form method="post" action="/console/sign-in" class="sign-in" novalidate>
        <input type="hidden" name={SIGN_IN_CSRF_FIELD} value={token} />
        <input type="hidden" name="lang" value={language} />
        {next && <input type="hidden" name="next" value={next} />}
        <label for="sign-in-email">{t('console.sign-in.email')}</label>
        <input
          id="sign-in-email"
          name="email"
          type="email"
          autocomplete="username"
          required
          spellcheck={false}
          value={email ?? ''}
          {...(problem ? { 'aria-describedby': 'sign-in-problem', 'aria-invalid': 'true' } : {})}
        />
        <label for="sign-in-password">{t('console.sign-in.password')}</label>
        <input
          id="sign-in-password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
          {...(problem ? { 'aria-describedby': 'sign-in-problem', 'aria-invalid': 'true' } : {})}
        />
        <p>
          <button type="submit">{t('console.sign-in.submit')}</button>
        </p>
      </form>
    </>
  );
}
