// GET/POST /console/sign-in: staff sign in with the e-mail of their directory entry and their
// password. Mounted before the session middleware, so this page guards itself: the same-origin
// check and a pre-session double-submit token on the post, a budget of attempts per client
// address, lockout per account (check-password.ts). Every sign-in starts a new session (a token
// planted before sign-in never becomes a signed-in one) and ends the browser's previous one.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { clientAddress, clientNetwork } from '../../http/client-address.js';
import { readForm, textField } from '../../customer/pages/layout.js';
import { consoleTranslator } from '../../../texts/console/translate.js';
import type { ConsoleLanguage } from '../../../texts/console/languages.js';
import type { ConsoleDeps } from '../deps.js';
import type { ConsoleEnv } from '../env.js';
import { homeOf } from '../pages/navigation.js';
import { renderConsoleProblem, renderPublicConsolePage } from '../pages/shell.js';
import { fromOurOrigin } from '../same-origin.js';
import { readSessionCookie, setSessionCookie } from '../session-cookie.js';
import { createSession, endSession, findSession, sessionEndReason } from '../session-store.js';
import { recordStaffAction } from '../staff-audit.js';
import { passwordSignIn } from './check-password.js';
import { SignInPage, type SignInPageProps } from './sign-in-page.js';
import { issueSignInToken, safeNext, signInLanguage, signInTokenMatches } from './sign-in-request.js';

/** Sign-in posts one client address may make a minute (on top of each account's lockout). */
export const SIGN_IN_POSTS_PER_MINUTE = 20;

export function signInRoutes(deps: Pick<ConsoleDeps, 'sql' | 'settings' | 'rateLimiters' | 'sso' | 'secret'>, opts: { postsPerMinute?: number } = {}) {
  const { sql, settings } = deps;
  const signIn = passwordSignIn(sql, settings, deps.secret);
  const limiter = deps.rateLimiters('console-sign-in', opts.postsPerMinute ?? SIGN_IN_POSTS_PER_MINUTE, 60_000);

  /** The live session this browser already has, if any. */
  const liveSession = async (c: Context) => {
    const token = readSessionCookie(c, settings);
    const session = token ? await findSession(sql, token) : undefined;
    return session && !sessionEndReason(session, new Date(), settings.sessionIdleMinutes) ? session : undefined;
  };

  const page = async (c: Context, status: 200 | 400 | 403 | 423, language: ConsoleLanguage, props: Partial<SignInPageProps> = {}) => {
    const t = consoleTranslator(language);
    const session = await liveSession(c);
    const next = props.next;
    const signedIn = session ? { name: session.person.name, href: next ?? homeOf(session.role) } : undefined;
    return renderPublicConsolePage(c, status, {
      language,
      title: t('console.sign-in.title'),
      children: <SignInPage t={t} language={language} token={issueSignInToken(c, settings)} signedIn={signedIn} sso={deps.sso && { providerName: deps.sso.providerName }} {...props} next={next} />,
    });
  };

  return new Hono<ConsoleEnv>()
    .get('/sign-in', (c) => {
      const language = signInLanguage(c.req.query('lang'), c.req.header('accept-language'));
      return page(c, 200, language, { next: safeNext(c.req.query('next')) });
    })
    .post('/sign-in', async (c) => {
      const verdict = await limiter.hit(clientNetwork(clientAddress(c, settings.trustProxy ?? false)));
      const form = (await readForm(c)) ?? {};
      const language = signInLanguage(textField(form, 'lang'), c.req.header('accept-language'));
      const t = consoleTranslator(language);
      if (!verdict.allowed) {
        c.header('Retry-After', String(verdict.retryAfterSeconds));
        return renderPublicConsolePage(c, 429, {
          language,
          title: t('console.sign-in.rateLimited.title'),
          children: (
            <>
              <p role="alert">{t('console.sign-in.rateLimited.text', { seconds: verdict.retryAfterSeconds })}</p>
              <p>
                <a href={`/console/sign-in?lang=${language}`}>{t('console.sign-in.backToForm')}</a>
              </p>
            </>
          ),
        });
      }
      if (!fromOurOrigin(c, settings.publicOrigin)) {
        await recordStaffAction(sql, { actorId: null, actorRole: null, action: 'forgery_refused', subject: '/console/sign-in' });
        return renderConsoleProblem(c, 403, 'CSRF');
      }
      const next = safeNext(textField(form, 'next'));
      const email = (textField(form, 'email') ?? '').slice(0, 300);
      if (!signInTokenMatches(c, settings, form._csrf)) return page(c, 403, language, { next, email, problem: t('console.sign-in.formExpired') });
      const password = typeof form.password === 'string' ? form.password : '';
      // Longer than any acceptable password: refused without hashing a megabyte.
      const outcome = password.length > 0 && password.length <= 1000 && email ? await signIn(email, password) : { kind: 'refused' as const };
      if (outcome.kind === 'refused') return page(c, 400, language, { next, email, problem: t('console.sign-in.refused') });
      if (outcome.kind === 'locked') {
        const minutes = Math.max(1, Math.ceil((outcome.until.getTime() - Date.now()) / 60_000));
        return page(c, 423, language, { next, email, problem: t('console.sign-in.locked', { minutes }) });
      }
      if (outcome.kind === 'no_role') return page(c, 403, language, { next, email, problem: t('console.sign-in.noRole') });

      const previous = await liveSession(c);
      if (previous) await endSession(sql, previous.idHash, 'signed_out');
      const session = await createSession(sql, { personId: outcome.person.id, role: outcome.role, absoluteHours: settings.sessionAbsoluteHours, userAgent: c.req.header('user-agent') });
      setSessionCookie(c, settings, session.token);
      await recordStaffAction(sql, { actorId: outcome.person.id, actorRole: outcome.role, action: 'sign_in', subject: outcome.person.id });
      return c.redirect(next ?? homeOf(outcome.role), 303);
    });
}
