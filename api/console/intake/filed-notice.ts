// The tracking PIN of a complaint just filed on the console, carried to its page once. The API
// shows a PIN only in the intake response, and the agent must give it to a customer standing at
// the desk or on the phone; the PIN never goes into a URL (history, logs, Referer). So the filing
// response sets a short-lived cookie, sealed with the payload keys (AES-256-GCM), bound to this
// session, scoped to that complaint's path; its page reads it once and clears it.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { SealedBox } from '../../../security/sealed-box.js';
import type { ConsoleSettings } from '../deps.js';
import type { StaffSession } from '../env.js';

const COOKIE = 'plaint_filed';
/** Long enough to reach the page after the redirect, on a slow connection too. */
const LIFETIME_SECONDS = 300;

export interface FiledComplaint {
  reference: string;
  pin: string;
}

interface Sealed extends FiledComplaint {
  session: string;
  expiresAt: number;
}

const pathOf = (reference: string) => `/console/complaints/${reference}`;

export function leaveFiledNotice(c: Context, box: SealedBox, settings: Pick<ConsoleSettings, 'secureCookies'>, staff: StaffSession, filed: FiledComplaint): void {
  const sealed: Sealed = { ...filed, session: staff.sessionIdHash.toString('hex'), expiresAt: Date.now() + LIFETIME_SECONDS * 1000 };
  setCookie(c, COOKIE, box.seal(sealed), {
    path: pathOf(filed.reference),
    httpOnly: true,
    sameSite: 'Strict',
    secure: settings.secureCookies,
    maxAge: LIFETIME_SECONDS,
  });
}

/** The notice left for this complaint's page by this session, if any (cleared: it shows once). */
export function takeFiledNotice(c: Context, box: SealedBox, settings: Pick<ConsoleSettings, 'secureCookies'>, staff: StaffSession, reference: string): FiledComplaint | undefined {
  const value = getCookie(c, COOKIE);
  if (!value) return undefined;
  deleteCookie(c, COOKIE, { path: pathOf(reference), secure: settings.secureCookies });
  try {
    const notice = box.open<Sealed>(value);
    const valid = notice.reference === reference && notice.session === staff.sessionIdHash.toString('hex') && notice.expiresAt > Date.now();
    return valid ? { reference: notice.reference, pin: notice.pin } : undefined;
  } catch {
    return undefined; // sealed with a retired key, or not ours: nothing to show
  }
}
