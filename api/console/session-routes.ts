// Sign-out and the role switch: what the header's two forms post (requireStaffSession has checked
// their origin and token).
import { Hono } from 'hono';
import type { Role } from '../../domain/complaint.js';
import type { ConsoleDeps } from './deps.js';
import type { ConsoleEnv } from './env.js';
import { readForm } from '../customer/pages/layout.js';
import { homeOf } from './pages/navigation.js';
import { renderConsoleProblem } from './pages/shell.js';
import { clearSessionCookie } from './session-cookie.js';
import { endSession, switchSessionRole } from './session-store.js';
import { recordStaffAction } from './staff-audit.js';

export function sessionRoutes(deps: Pick<ConsoleDeps, 'sql' | 'settings'>) {
  const { sql, settings } = deps;
  return new Hono<ConsoleEnv>()
    .post('/sign-out', async (c) => {
      const staff = c.get('staff');
      await endSession(sql, staff.sessionIdHash, 'signed_out');
      await recordStaffAction(sql, { actorId: staff.person.id, actorRole: staff.role, action: 'sign_out' });
      clearSessionCookie(c, settings);
      return c.redirect('/console/sign-in', 303);
    })
    .post('/session/role', async (c) => {
      const staff = c.get('staff');
      const role = (await readForm(c))?.role;
      if (typeof role !== 'string' || !staff.person.roles.includes(role as Role)) return renderConsoleProblem(c, 403, '403');
      await switchSessionRole(sql, staff.sessionIdHash, role as Role);
      await recordStaffAction(sql, { actorId: staff.person.id, actorRole: role, action: 'role_switched', details: { from: staff.role } });
      return c.redirect(homeOf(role as Role), 303);
    });
}
