// What the console's route groups are built from.
import type { Context } from 'hono';
import type { Sql } from 'postgres';
import type { Logger } from 'pino';
import type { CalendarResolver } from '../../read-model/calendar-resolver.js';
import type { SealedBox } from '../../security/sealed-box.js';
import type { RateLimiters } from '../http/rate-limit.js';
import type { ApiKeyPolicy } from '../../domain/staff-access/api-keys.js';
import type { ConsoleApi } from './api-client.js';
import type { SsoSettings } from './sso/sso-settings.js';

export interface ConsoleSettings {
  /** Cookies carry `Secure` (and the `__Host-` prefix): the console is served over HTTPS. */
  secureCookies: boolean;
  /** A session unused this long ends (idle timeout). */
  sessionIdleMinutes: number;
  /** A session ends this long after sign-in, used or not (absolute timeout). */
  sessionAbsoluteHours: number;
  /** Wrong passwords in a row before the account is locked. */
  signInMaxFailures: number;
  /** How long a locked account stays locked. */
  signInLockoutMinutes: number;
  /** The origin staff open (behind a proxy the request's own URL is the proxy's); forms from it are ours. */
  publicOrigin?: string | undefined;
  /** Behind a trusted proxy the client address is X-Forwarded-For's last entry (the sign-in rate limit counts by it). */
  trustProxy?: boolean | undefined;
}

export interface ConsoleDeps {
  sql: Sql;
  /** The API, in-process, acting as the request's signed-in staff member. */
  api: (c: Context) => ConsoleApi;
  log: Logger;
  settings: ConsoleSettings;
  calendars: CalendarResolver;
  /** Seals what a page hands the next one in a cookie (a new complaint's tracking PIN), with the payload keys. */
  sealedBox: SealedBox;
  /** The sign-in budget per client address, shared by every API instance. */
  rateLimiters: RateLimiters;
  /** The deployment's secret (LINK_SIGNING_SECRET): keys the HMAC of sign-in e-mails that have no account. */
  secret: string;
  /** The API keys' limits, for the People page's key form (default DEFAULT_API_KEY_POLICY). */
  apiKeyPolicy?: ApiKeyPolicy;
  /** Single sign-on with the organisation's OpenID Connect provider, when configured. */
  sso?: SsoSettings | undefined;
}

export const DEFAULT_CONSOLE_SETTINGS: ConsoleSettings = {
  secureCookies: false,
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  signInMaxFailures: 5,
  signInLockoutMinutes: 15,
};
