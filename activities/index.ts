import type { Sql } from 'postgres';
import { createReadModelActivities } from './read-model.js';

export interface ActivityDeps {
  sql: Sql;
}

/** Every activity, with its dependencies injected (the worker passes real ones, tests too). */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createReadModelActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
