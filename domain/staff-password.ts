// What makes a staff password acceptable, one rule list for the API (PUT /v1/staff/{id}/password),
// the People page and the person's own change: long enough to resist guessing (NIST SP 800-63B:
// length over composition rules), not their e-mail, not one character repeated, bounded so a
// megabyte "password" cannot keep the hash function busy.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

/** Why `password` may not be used by the person with `email`, in English; undefined when it may. */
export function passwordProblem(password: string, email: string | null | undefined): string | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters long`;
  if (length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters long`;
  if (new Set(password).size === 1) return 'must not be one character repeated';
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) return 'must not be the e-mail address';
  return undefined;
}
