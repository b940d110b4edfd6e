// Hono's environment for the console's pages: the signed-in staff member of this request.
import type { Role } from '../../domain/complaint.js';
import type { ConsoleLanguage } from '../../texts/console/languages.js';
import type { ConsoleTranslate } from '../../texts/console/translate.js';

export interface StaffSession {
  /** SHA-256 of the session cookie's token: the key of staff_sessions. */
  sessionIdHash: Buffer;
  person: { id: string; name: string; email: string | null; language: ConsoleLanguage; roles: Role[] };
  /** The role this session acts in (a person may hold several; the header switches). */
  role: Role;
  /** The token every form of this session posts back (`_csrf`) and htmx sends (`X-CSRF-Token`). */
  csrfToken: string;
  language: ConsoleLanguage;
  t: ConsoleTranslate;
}

export type ConsoleEnv = { Variables: { staff: StaffSession; requestId: string } };
