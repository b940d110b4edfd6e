// consoleRole(...roles): a page group for some roles only; anyone else gets a rendered 403 page.
import type { MiddlewareHandler } from 'hono';
import type { Role } from '../../domain/complaint.js';
import type { ConsoleEnv } from './env.js';
import { renderConsoleProblem } from './pages/shell.js';

export function consoleRole(...roles: Role[]): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    if (!roles.includes(c.get('staff').role)) return renderConsoleProblem(c, 403, '403');
    return next();
  };
}
