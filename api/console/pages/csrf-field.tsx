// The hidden field every console form posts: the session's CSRF token (requireStaffSession checks it).
import { CSRF_FIELD } from '../session.js';

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}
