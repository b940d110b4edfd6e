// The OpenID Connect relying party (openid-client v6): discovery once per process (retried after
// a failure), the authorization URL with PKCE, state and nonce, and the code exchange, which checks
// the state, the ID token's signature, issuer, audience, expiry and nonce before anything is used.
import * as oidc from 'openid-client';
import type { SsoSettings } from './sso-settings.js';

export interface SsoIdentity {
  issuer: string;
  subject: string;
  email: string | undefined;
  emailVerified: boolean;
  name: string | undefined;
  locale: string | undefined;
  /** The role claim's raw value (ID token, else userinfo). */
  roleClaim: unknown;
}

export interface SsoAttemptSecrets {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface OidcRelyingParty {
  authorizationUrl(secrets: SsoAttemptSecrets): Promise<URL>;
  /** The identity of a callback URL, or throws when anything about it is off. */
  exchange(callbackUrl: URL, secrets: SsoAttemptSecrets): Promise<SsoIdentity>;
}

export function newAttemptSecrets(): SsoAttemptSecrets {
  return { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
}

export function oidcRelyingParty(settings: SsoSettings): OidcRelyingParty {
  let configuration: Promise<oidc.Configuration> | undefined;
  const discover = () => {
    configuration ??= oidc
      .discovery(settings.issuer, settings.clientId, settings.clientSecret, undefined, {
        // Plain HTTP only for a provider on http:// (tests, development); production requires https (config/env.ts).
        ...(settings.issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {}),
      })
      .catch((err: unknown) => {
        configuration = undefined;
        throw err;
      });
    return configuration;
  };

  return {
    async authorizationUrl(secrets) {
      const config = await discover();
      return oidc.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: settings.scopes.includes('openid') ? settings.scopes : `openid ${settings.scopes}`,
        state: secrets.state,
        nonce: secrets.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(secrets.codeVerifier),
        code_challenge_method: 'S256',
      });
    },
    async exchange(callbackUrl, secrets) {
      const config = await discover();
      // The callback's own URL is what we registered (behind a proxy the request's is the proxy's).
      const current = new URL(settings.redirectUri);
      current.search = callbackUrl.search;
      const tokens = await oidc.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: secrets.codeVerifier,
        expectedState: secrets.state,
        expectedNonce: secrets.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims()!;
      let source: Record<string, unknown> = claims;
      if (claims[settings.roleClaim] === undefined || claims.email === undefined) {
        const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
        source = { ...userinfo, ...claims };
      }
      const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
      return {
        issuer: claims.iss,
        subject: claims.sub,
        email: text(source.email),
        emailVerified: source.email_verified === true,
        name: text(source.name) ?? text(source.preferred_username),
        locale: text(source.locale),
        roleClaim: source[settings.roleClaim],
      };
    },
  };
}
