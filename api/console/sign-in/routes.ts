// Placeholder until its part of the console lands: no pages yet.
import { Hono } from 'hono';
import type { ConsoleDeps } from '../deps.js';
import type { ConsoleEnv } from '../env.js';

export function signInRoutes(_deps: ConsoleDeps) {
  return new Hono<ConsoleEnv>();
}
