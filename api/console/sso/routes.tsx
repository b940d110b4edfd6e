// GET /console/sso/start and /console/sso/callback: signing in to the console with the
// organisation's OpenID Connect provider (authorization code flow with PKCE, state and nonce).
// The attempt's secrets stay in PostgreSQL, keyed by a random cookie of this browser (SameSite=Lax:
// the provider's redirect back is a cross-site navigation), so a callback with another state, or
// from another browser, is refused. The roles come from the claim at every sign-in; the session
// is the password sign-in's (same table, same cookie).
import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { rolesFromClaim } from '../../../domain/staff-access/sso-roles.js';
import { personForIdentity, removeRolesOfIdentity, startSsoAttempt, takeSsoAttempt } from '../../../read-model/staff-identities.js';
import type { ConsoleLanguage } from '../../../texts/console/languages.js';
import { consoleTranslator } from '../../../texts/console/translate.js';
import type { ConsoleDeps } from '../deps.js';
import type { ConsoleEnv } from '../env.js';
import { homeOf } from '../pages/navigation.js';
import { renderPublicConsolePage } from '../pages/shell.js';
import { readSessionCookie, setSessionCookie } from '../session-cookie.js';
import { createSession, endSession, findSession } from '../session-store.js';
import { recordStaffAction } from '../staff-audit.js';
import { SIGN_IN_ROLE_ORDER } from '../sign-in/check-password.js';
import { safeNext, signInLanguage } from '../sign-in/sign-in-request.js';
import { newAttemptSecrets, oidcRelyingParty, type OidcRelyingParty } from './oidc-client.js';
import type { SsoSettings } from './sso-settings.js';

/** How long a browser may take at the provider before the attempt is void. */
export const SSO_ATTEMPT_MINUTES = 10;

type Refusal = 'failed' | 'noRole' | 'deactivated' | 'unavailable';

export function ssoRoutes(deps: Pick<ConsoleDeps, 'sql' | 'settings' | 'log'> & { sso: SsoSettings; relyingParty?: OidcRelyingParty }) {
  const { sql, settings, sso, log } = deps;
  const rp = deps.relyingParty ?? oidcRelyingParty(sso);
  const cookieName = settings.secureCookies ? '__Host-plaint_sso' : 'plaint_sso';
  const cookiePath = settings.secureCookies ? '/' : '/console/sso';

  const refuse = (c: Context, status: 400 | 403 | 503, language: ConsoleLanguage, reason: Refusal) => {
    const t = consoleTranslator(language);
    return renderPublicConsolePage(c, status, {
      language,
      title: t('console.sso.refused.title'),
      children: (
        <>
          <p role="alert">{t(`console.sso.refused.${reason}`, { provider: sso.providerName })}</p>
          <p>
            <a href={`/console/sign-in?lang=${language}`}>{t('console.sign-in.backToForm')}</a>
          </p>
        </>
      ),
    });
  };

  return new Hono<ConsoleEnv>()
    .get('/sso/start', async (c) => {
      const language = signInLanguage(c.req.query('lang'), c.req.header('accept-language'));
      const secrets = newAttemptSecrets();
      let url: URL;
      try {
        url = await rp.authorizationUrl(secrets);
      } catch (err) {
        log.warn({ err }, 'sso: the provider could not be reached');
        return refuse(c, 503, language, 'unavailable');
      }
      const token = await startSsoAttempt(sql, { ...secrets, next: safeNext(c.req.query('next')), language, minutes: SSO_ATTEMPT_MINUTES });
      setCookie(c, cookieName, token, { path: cookiePath, httpOnly: true, sameSite: 'Lax', secure: settings.secureCookies, maxAge: SSO_ATTEMPT_MINUTES * 60 });
      return c.redirect(url.href, 302);
    })
    .get('/sso/callback', async (c) => {
      const token = getCookie(c, cookieName);
      deleteCookie(c, cookieName, { path: cookiePath, secure: settings.secureCookies });
      const attempt = token && /^[A-Za-z0-9_-]{43}$/.test(token) ? await takeSsoAttempt(sql, token) : undefined;
      const fallbackLanguage = signInLanguage(undefined, c.req.header('accept-language'));
      const audit = (actorId: string | null, action: string, details: Record<string, unknown>) =>
        recordStaffAction(sql, { actorId, actorRole: null, action, subject: actorId, details: { method: 'sso', issuer: sso.issuer.href, ...details } });
      if (!attempt) {
        await audit(null, 'sign_in_failed', { reason: 'no_attempt' });
        return refuse(c, 400, fallbackLanguage, 'failed');
      }
      const language = signInLanguage(attempt.language, undefined);
      let identity;
      try {
        identity = await rp.exchange(new URL(c.req.url), attempt);
      } catch (err) {
        // A tampered state, a replayed code, a bad signature or an error the provider sent back.
        log.warn({ err: { name: (err as Error).name, message: (err as Error).message } }, 'sso: callback refused');
        await audit(null, 'sign_in_failed', { reason: 'callback_refused', error: (err as Error).name });
        return refuse(c, 400, language, 'failed');
      }
      const roles = rolesFromClaim(identity.roleClaim, sso.roleMap);
      if (roles.length === 0) {
        const personId = await removeRolesOfIdentity(sql, identity.issuer, identity.subject);
        await audit(personId ?? null, 'sign_in_failed', { reason: 'no_mapped_role', claim: sso.roleClaim });
        return refuse(c, 403, language, 'noRole');
      }
      const person = await personForIdentity(sql, { ...identity, language: identity.locale?.toLowerCase().startsWith('tr') ? 'tr' : language }, roles);
      if (!person.active) {
        await audit(person.id, 'sign_in_failed', { reason: 'deactivated' });
        return refuse(c, 403, language, 'deactivated');
      }
      const role = SIGN_IN_ROLE_ORDER.find((r) => roles.includes(r))!;
      const previousToken = readSessionCookie(c, settings);
      const previous = previousToken ? await findSession(sql, previousToken) : undefined;
      if (previous) await endSession(sql, previous.idHash, 'signed_out');
      const session = await createSession(sql, { personId: person.id, role, absoluteHours: settings.sessionAbsoluteHours, userAgent: c.req.header('user-agent') });
      setSessionCookie(c, settings, session.token);
      await recordStaffAction(sql, {
        actorId: person.id,
        actorRole: role,
        action: 'sign_in',
        subject: person.id,
        details: { method: 'sso', issuer: sso.issuer.href, roles, found: person.found },
      });
      // A page that moves on, not a redirect: the session cookie is SameSite=Strict, and a browser
      // leaves it off a redirect chain that began at the provider's site.
      const next = attempt.next ?? homeOf(role);
      const t = consoleTranslator(language);
      return renderPublicConsolePage(c, 200, {
        language,
        title: t('console.sso.signedIn.title'),
        refreshTo: next,
        children: (
          <p>
            <a href={next}>{t('console.sign-in.continue')}</a>
          </p>
        ),
      });
    });
}
