// /console/complaints: search with every filter of GET /v1/complaints (the API validates; its
// refusals show beside the fields), "save this search as a queue" (validated by running it once),
// and bulk actions over the selected rows, each a decision through the API.
import { Hono, type Context } from 'hono';
import type { Role } from '../../../domain/complaint.js';
import type { ApiError, ConsoleApi } from '../api-client.js';
import type { ConsoleDeps } from '../deps.js';
import type { ConsoleEnv } from '../env.js';
import { consoleRole } from '../guard.js';
import { issuesByPath } from '../pages/form-errors.js';
import { renderConsolePage } from '../pages/shell.js';
import { recordStaffAction } from '../staff-audit.js';
import { saveQueue } from '../queues/saved-queues.js';
import { applyBulk, bulkDecisionOf, bulkReferencesOf, type BulkProblem } from './bulk.js';
import { BulkResults } from './bulk-page.js';
import { SearchPage, type SearchPageProps, type SearchResults } from './search-page.js';
import { searchQueryOf, searchQueryString, type SearchQuery } from './search-query.js';

const SEARCH_ROLES: Role[] = ['agent', 'supervisor', 'auditor', 'admin'];
/** Roles that work complaints: they save queues (My work is theirs) and take bulk decisions. */
export const WORKING_ROLES: Role[] = ['agent', 'supervisor', 'admin'];
const PAGE_SIZE = 25;

/** The teams and people the form suggests (datalists); an empty list when the directory is unreadable. */
async function directory(api: ConsoleApi) {
  const [teams, people] = await Promise.all([
    api.get<{ teams: { id: string; name: string }[] }>('/v1/teams'),
    api.get<{ people: { id: string; name: string; active: boolean; roles: Role[] }[] }>('/v1/staff'),
  ]);
  return {
    teams: teams.ok ? teams.data.teams : [],
    people: people.ok ? people.data.people.filter((p) => p.active && p.roles.some((r) => WORKING_ROLES.includes(r))) : [],
  };
}

export async function runSearch(api: ConsoleApi, query: SearchQuery, extra: { cursor?: string | undefined; limit: number }) {
  return api.get<SearchResults>('/v1/complaints', { ...query, limit: extra.limit, cursor: extra.cursor });
}

async function renderSearch(c: Context<ConsoleEnv>, deps: ConsoleDeps, query: SearchQuery, cursor: string | undefined, save?: SearchPageProps['save']) {
  const staff = c.get('staff');
  const api = deps.api(c);
  const [result, { teams, people }] = await Promise.all([runSearch(api, query, { cursor, limit: PAGE_SIZE }), directory(api)]);
  const error: ApiError | undefined = result.ok ? undefined : result.error;
  const props: SearchPageProps = {
    query,
    cursor,
    results: result.ok ? result.data : undefined,
    error,
    issues: issuesByPath(error),
    works: WORKING_ROLES.includes(staff.role),
    teams,
    people,
    ...(save ? { save } : {}),
  };
  const status = result.ok ? (save?.refusal || save?.invalid ? 400 : 200) : result.status === 400 || result.status === 422 ? 400 : 200;
  return renderConsolePage(c, status as 200 | 400, {
    title: staff.t('console.search.title'),
    active: 'search',
    scripts: ['queues.js'],
    children: SearchPage({ c, props }),
  });
}

export function searchRoutes(deps: ConsoleDeps) {
  const app = new Hono<ConsoleEnv>();
  app.get('/complaints', consoleRole(...SEARCH_ROLES), async (c) => {
    const params = new URL(c.req.url).searchParams;
    const cursor = params.get('cursor')?.trim() || undefined;
    return renderSearch(c, deps, searchQueryOf(params), cursor);
  });

  app.post('/complaints/save-queue', consoleRole(...WORKING_ROLES), async (c) => {
    const staff = c.get('staff');
    const form = await c.req.parseBody();
    const query = searchQueryOf(new URLSearchParams(String(form.query ?? '')));
    const name = String(form.name ?? '');
    // The query is saved only once the API takes it: a saved queue always opens.
    const check = await runSearch(deps.api(c), query, { limit: 1 });
    if (!check.ok) return renderSearch(c, deps, query, undefined, { name, invalid: true });
    const saved = await saveQueue(deps.sql, staff.person.id, name, searchQueryString(query));
    if ('refusal' in saved) return renderSearch(c, deps, query, undefined, { name, refusal: saved.refusal });
    await recordStaffAction(deps.sql, {
      actorId: staff.person.id,
      actorRole: staff.role,
      action: 'saved_queue_saved',
      subject: saved.queue.id,
      details: { name: saved.queue.name, query: saved.queue.query },
    });
    return c.redirect(`/console/queues?saved=${encodeURIComponent(saved.queue.name)}#saved-queues`, 303);
  });

  app.post('/complaints/bulk', consoleRole(...WORKING_ROLES), async (c) => {
    const staff = c.get('staff');
    const form = await c.req.parseBody({ all: true });
    const one = (name: string) => {
      const v = form[name];
      return typeof (Array.isArray(v) ? v[0] : v) === 'string' ? String(Array.isArray(v) ? v[0] : v) : undefined;
    };
    const raw = form.reference;
    const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v): v is string => typeof v === 'string');
    const back = searchQueryString(searchQueryOf(new URLSearchParams(one('back') ?? '')));
    const references = bulkReferencesOf(values);
    const decision = bulkDecisionOf({ action: one('action'), assignee: one('assignee'), team: one('team'), reason: one('reason'), text: one('text') });
    const page = (status: 200 | 400, outcomes: Parameters<typeof BulkResults>[0]['outcomes'], problem?: BulkProblem) =>
      renderConsolePage(c, status, {
        title: staff.t('console.search.bulk.resultTitle'),
        active: 'search',
        children: BulkResults({ t: staff.t, outcomes, back, ...(problem ? { problem } : {}) }),
      });
    if (typeof references === 'string') return page(400, [], references);
    if (typeof decision === 'string') return page(400, [], decision);
    const outcomes = await applyBulk(deps.api(c), deps.sql, { id: staff.person.id, role: staff.role }, references, decision);
    return page(200, outcomes);
  });
  return app;
}
