import type { AuthVariables } from './auth.js';

/** Hono's environment for every Plaint route: the variables middleware sets. */
export type AppEnv = { Variables: AuthVariables };
