// /console: the staff console, a client of the API (every rule stays in the reducer and the
// routes). Assets and sign-in need no session; everything after requireStaffSession does, and
// each section guards its roles (consoleRole). Every posted form is read once before its handler
// (form-check.ts), and a thrown refusal is a 4xx page, never the 503 (console-errors.ts).
import { Hono } from 'hono';
import { assetRoutes } from './assets.js';
import { renderConsoleError } from './console-errors.js';
import type { ConsoleDeps } from './deps.js';
import type { ConsoleEnv } from './env.js';
import { refuseUnreadableForms } from './form-check.js';
import { homeOf } from './pages/navigation.js';
import { renderConsoleProblem } from './pages/shell.js';
import { requireStaffSession } from './session.js';
import { sessionRoutes } from './session-routes.js';
import { signInRoutes } from './sign-in/routes.js';
import { ssoRoutes } from './sso/routes.js';
import { peopleRoutes } from './people/routes.js';
import { queueRoutes } from './queues/routes.js';
import { searchRoutes } from './search/routes.js';
import { complaintPageRoutes } from './complaint/routes.js';
import { intakePageRoutes } from './intake/routes.js';
import { dashboardRoutes } from './dashboard/routes.js';
import { auditRoutes } from './audit/routes.js';
import { processRoutes } from './process/routes.js';
import { calendarPageRoutes } from './calendars/routes.js';

export function consoleRoutes(deps: ConsoleDeps) {
  const app = new Hono<ConsoleEnv>();
  app.route('/', assetRoutes());
  // Sign-in guards itself (it comes before the session): its form is read as every other one.
  app.use('/sign-in', refuseUnreadableForms);
  app.route('/', signInRoutes(deps));
  if (deps.sso) app.route('/', ssoRoutes({ ...deps, sso: deps.sso }));
  app.use('*', requireStaffSession(deps));
  app.use('*', refuseUnreadableForms);
  app.get('/', (c) => c.redirect(homeOf(c.get('staff').role), 303));
  app.route('/', sessionRoutes(deps));
  app.route('/', peopleRoutes(deps));
  app.route('/', queueRoutes(deps));
  app.route('/', searchRoutes(deps));
  // Before the complaint page: `new` is no reference.
  app.route('/', intakePageRoutes(deps));
  app.route('/', complaintPageRoutes(deps));
  app.route('/', dashboardRoutes(deps));
  app.route('/', auditRoutes(deps));
  app.route('/', processRoutes(deps));
  app.route('/', calendarPageRoutes(deps));
  app.notFound((c) => renderConsoleProblem(c, 404, '404'));
  app.onError((err, c) => renderConsoleError(c, err, deps.log));
  return app;
}
