// Deciding a sign-in: the e-mail names one active directory person with a password, that password
// matches, and the account is not locked. Every way of failing looks alike from outside (one
// message; an unknown e-mail is verified against a dummy hash, so the time taken does not tell;
// an unknown e-mail "locks" after as many tries as a real one, so lockouts do not tell either).
import { createHmac, randomBytes } from 'node:crypto';
import type { Sql } from 'postgres';
import type { Role } from '../../../domain/complaint.js';
import { recordFailedSignIn, recordSuccessfulSignIn, signInCandidates, type SignInCandidate } from '../../../read-model/staff-credentials.js';
import { phantomSignInLockouts } from '../../../read-model/phantom-sign-in-lockouts.js';
import { hashPassword, needsRehash, verifyPassword } from '../../../security/passwords.js';
import type { ConsoleSettings } from '../deps.js';
import { recordStaffAction } from '../staff-audit.js';

/** The role a session starts in when a person holds several (the header switches). */
export const SIGN_IN_ROLE_ORDER: readonly Role[] = ['admin', 'supervisor', 'agent', 'process_owner', 'auditor'];

export type SignInOutcome =
  | { kind: 'signed_in'; person: SignInCandidate; role: Role }
  | { kind: 'refused' }
  | { kind: 'locked'; until: Date }
  | { kind: 'no_role' };

let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));

/**
 * `secret` is the deployment's (LINK_SIGNING_SECRET): the HMAC of an e-mail nobody has is the same
 * on every instance, so they share its lockout, and the audit can tell repeated tries at one
 * address from many addresses without keeping the address.
 */
export function passwordSignIn(sql: Sql, settings: Pick<ConsoleSettings, 'signInMaxFailures' | 'signInLockoutMinutes'>, secret: string) {
  const emailKey = createHmac('sha256', secret).update('plaint:sign-in-email-key:v1').digest();
  const emailHmac = (email: string) => createHmac('sha256', emailKey).update(email.trim().toLowerCase()).digest();
  const phantoms = phantomSignInLockouts(sql);
  const limits = { maxFailures: settings.signInMaxFailures, lockMinutes: settings.signInLockoutMinutes };

  async function refuseUnknown(email: string, password: string, reason: string, subject: string | null): Promise<SignInOutcome> {
    const key = emailHmac(email);
    const locked = await phantoms.lockedUntil(key);
    if (locked === undefined) await verifyPassword(password, await dummy());
    const details = { reason: locked === undefined ? reason : 'locked', emailHmac: key.toString('hex') };
    await recordStaffAction(sql, { actorId: null, actorRole: null, action: 'sign_in_failed', subject, details });
    if (locked !== undefined) return { kind: 'locked', until: locked };
    const lockedNow = await phantoms.fail(key, limits);
    return lockedNow === undefined ? { kind: 'refused' } : { kind: 'locked', until: lockedNow };
  }

  return async function signIn(email: string, password: string): Promise<SignInOutcome> {
    const candidates = email.includes('@') && email.length <= 254 ? await signInCandidates(sql, email) : [];
    // Two active people on one e-mail: which one signs in is no guess to make (an administrator fixes the directory).
    if (candidates.length > 1) return refuseUnknown(email, password, 'email_shared', null);
    const person = candidates[0];
    if (!person?.passwordHash) return refuseUnknown(email, password, person ? 'no_password' : 'unknown_email', person?.id ?? null);
    const audit = (action: string, details: Record<string, unknown> = {}) =>
      recordStaffAction(sql, { actorId: person.id, actorRole: null, action, subject: person.id, details });

    if (person.lockedUntil && person.lockedUntil.getTime() > Date.now()) {
      await audit('sign_in_failed', { reason: 'locked' });
      return { kind: 'locked', until: person.lockedUntil };
    }
    if (!(await verifyPassword(password, person.passwordHash))) {
      const { lockedUntil } = await recordFailedSignIn(sql, person.id, limits);
      await audit('sign_in_failed', { reason: 'wrong_password' });
      if (lockedUntil && lockedUntil.getTime() > Date.now()) {
        await audit('locked_out', { until: lockedUntil.toISOString(), lockoutMinutes: limits.lockMinutes });
        return { kind: 'locked', until: lockedUntil };
      }
      return { kind: 'refused' };
    }
    const role = SIGN_IN_ROLE_ORDER.find((r) => person.roles.includes(r));
    await recordSuccessfulSignIn(sql, person.id, needsRehash(person.passwordHash) ? await hashPassword(password) : undefined);
    if (!role) {
      await audit('sign_in_failed', { reason: 'no_role' });
      return { kind: 'no_role' };
    }
    await phantoms.succeed(emailHmac(email));
    return { kind: 'signed_in', person, role };
  };
}
