// /console/queues, My work: my complaints, my live claims, my teams' queues with claim next and
// release (POST /v1/queues/{team}/claim, …/release), and my saved queues (rename, delete, reorder).
// Every complaint read and every claim goes through the API as the signed-in person.
import { Hono, type Context } from 'hono';
import { COMPLAINT_STATUSES, type Role } from '../../../domain/complaint.js';
import type { ConsoleDeps } from '../deps.js';
import type { ConsoleEnv } from '../env.js';
import { consoleRole } from '../guard.js';
import { renderConsolePage } from '../pages/shell.js';
import { recordStaffAction } from '../staff-audit.js';
import type { ComplaintView } from '../../staff/complaints.schemas.js';
import { runSearch } from '../search/routes.js';
import { searchQueryOf } from '../search/search-query.js';
import { MyWorkPage, QUEUE_FIRST, type LiveClaim, type MyWorkProps, type SavedQueueRow, type TeamQueue } from './my-work-page.js';
import { deleteQueue, moveQueue, renameQueue, savedQueueOf, savedQueuesOf } from './saved-queues.js';

const WORK_ROLES: Role[] = ['agent', 'supervisor', 'admin'];
/** Roles that see every team's queue, members or not. */
const ALL_TEAMS_ROLES: Role[] = ['supervisor', 'admin'];
const OPEN_STATUSES = COMPLAINT_STATUSES.filter((s) => s !== 'closed').join(',');

interface Claim extends LiveClaim {
  endReason: string | null;
}

/**
 * The status of My work answering a refused action: 400 for a request the API found malformed, 404
 * for what does not exist, 503 when the API could not answer, else 409 (an empty queue, the cap).
 */
const refusalStatus = (refusal: { status: number; error: { code: string } }) =>
  refusal.status >= 500 ? 503 : refusal.error.code === 'VALIDATION_FAILED' || refusal.error.code === 'UNPROCESSABLE' ? 400 : refusal.error.code === 'NOT_FOUND' ? 404 : 409;

async function myWork(c: Context<ConsoleEnv>, deps: ConsoleDeps, notice?: MyWorkProps['notice'], refusedWith: 400 | 404 | 409 | 503 = 409) {
  const staff = c.get('staff');
  const api = deps.api(c);
  const [mine, teamList, savedRows] = await Promise.all([
    api.get<{ items: ComplaintView[]; total: { count: number; exact: boolean } }>('/v1/complaints', { assignee: 'me', status: OPEN_STATUSES, sort: 'stageDeadline', limit: 25 }),
    api.get<{ teams: { id: string; name: string; memberIds: string[] }[] }>('/v1/teams'),
    savedQueuesOf(deps.sql, staff.person.id),
  ]);
  const everyTeam = ALL_TEAMS_ROLES.includes(staff.role);
  const teams = (teamList.ok ? teamList.data.teams : []).filter((team) => everyTeam || team.memberIds.includes(staff.person.id));
  const [queues, claimLists, saved] = await Promise.all([
    Promise.all(
      teams.map(async (team): Promise<TeamQueue> => {
        // The first few in fair order; the API counts the whole queue.
        const page = await api.get<{ items: ComplaintView[]; total: number; atRisk: number; overdue: number }>(`/v1/queues/${encodeURIComponent(team.id)}`, { limit: QUEUE_FIRST });
        return page.ok
          ? { id: team.id, name: team.name, items: page.data.items, counts: { total: page.data.total, atRisk: page.data.atRisk, overdue: page.data.overdue } }
          : { id: team.id, name: team.name, items: [], counts: { total: 0, atRisk: 0, overdue: 0 }, error: page.error.message };
      }),
    ),
    Promise.all(teams.map((team) => api.get<{ items: Claim[] }>(`/v1/queues/${encodeURIComponent(team.id)}/claims`))),
    Promise.all(
      savedRows.map(async (q): Promise<SavedQueueRow> => {
        const result = await runSearch(api, searchQueryOf(new URLSearchParams(q.query)), { limit: 1 });
        return result.ok ? { ...q, total: result.data.total } : { ...q, error: result.error.message };
      }),
    ),
  ]);
  const claims = claimLists.flatMap((list) => (list.ok ? list.data.items.filter((claim) => claim.endReason === null) : []));
  const props: MyWorkProps = {
    t: staff.t,
    language: staff.language,
    csrf: staff.csrfToken,
    mine: mine.ok ? { items: mine.data.items, total: mine.data.total } : { error: mine.error.message },
    claims,
    teams: queues,
    saved,
    now: new Date(),
    ...(notice ? { notice } : {}),
  };
  return renderConsolePage(c, notice?.kind === 'refused' ? refusedWith : 200, {
    title: staff.t('console.queues.title'),
    active: 'work',
    scripts: ['queues.js'],
    children: MyWorkPage({ props }),
  });
}

/** The message a redirect back to My work carries (?saved=…, ?released=…). */
function noticeOf(c: Context<ConsoleEnv>): MyWorkProps['notice'] {
  const t = c.get('staff').t;
  const q = (name: string) => c.req.query(name)?.slice(0, 200);
  const saved = q('saved');
  if (saved) return { kind: 'ok', text: t('console.queues.saved.saved', { name: saved }) };
  const renamed = q('renamed');
  if (renamed) return { kind: 'ok', text: t('console.queues.saved.renamed', { name: renamed }) };
  const deleted = q('deleted');
  if (deleted) return { kind: 'ok', text: t('console.queues.saved.deleted', { name: deleted }) };
  const released = q('released');
  if (released) return { kind: 'ok', text: t('console.queues.released', { reference: released }) };
  return undefined;
}

const backToWork = (c: Context, query: Record<string, string> = {}) => {
  const params = new URLSearchParams(query).toString();
  return c.redirect(`/console/queues${params ? `?${params}` : ''}#saved-queues`, 303);
};

export function queueRoutes(deps: ConsoleDeps) {
  const app = new Hono<ConsoleEnv>();
  app.use('/queues', consoleRole(...WORK_ROLES));
  app.use('/queues/*', consoleRole(...WORK_ROLES));

  app.get('/queues', (c) => myWork(c, deps, noticeOf(c)));

  app.post('/queues/:team/claim', async (c) => {
    const team = c.req.param('team');
    const t = c.get('staff').t;
    const claimed = await deps.api(c).post<{ claim: { reference: string } }>(`/v1/queues/${encodeURIComponent(team)}/claim`);
    if (claimed.ok) return c.redirect(`/console/complaints/${encodeURIComponent(claimed.data.claim.reference)}`, 303);
    const { error } = claimed;
    const max = (error.details as { maxLiveClaims?: number } | undefined)?.maxLiveClaims;
    const text =
      error.code === 'QUEUE_EMPTY'
        ? t('console.queues.queueEmpty', { team })
        : error.code === 'CONFLICT' && max !== undefined
          ? t('console.queues.claimCap', { max })
          : t('console.queues.claimRefused', { message: error.message });
    return myWork(c, deps, { kind: 'refused', text }, refusalStatus(claimed));
  });

  app.post('/queues/:team/release', async (c) => {
    const team = c.req.param('team');
    const form = await c.req.parseBody();
    const reference = typeof form.reference === 'string' ? form.reference : '';
    const released = await deps.api(c).post(`/v1/queues/${encodeURIComponent(team)}/release`, { reference });
    if (released.ok) return c.redirect(`/console/queues?released=${encodeURIComponent(reference)}`, 303);
    const text = c.get('staff').t('console.queues.releaseRefused', { reference: reference.slice(0, 40), message: released.error.message });
    return myWork(c, deps, { kind: 'refused', text }, refusalStatus(released));
  });

  const refusedSave = (c: Context<ConsoleEnv>, reason: string) =>
    myWork(c, deps, { kind: 'refused', text: c.get('staff').t('console.search.save.refused', { reason }) }, reason === 'name_taken' ? 409 : 400);
  const notFound = (c: Context<ConsoleEnv>) => myWork(c, deps, { kind: 'refused', text: c.get('staff').t('console.queues.saved.notFound') }, 404);

  app.post('/queues/saved/:id/rename', async (c) => {
    const staff = c.get('staff');
    const form = await c.req.parseBody();
    const result = await renameQueue(deps.sql, staff.person.id, c.req.param('id'), typeof form.name === 'string' ? form.name : '');
    if (!result) return notFound(c);
    if ('refusal' in result) return refusedSave(c, result.refusal);
    await recordStaffAction(deps.sql, { actorId: staff.person.id, actorRole: staff.role, action: 'saved_queue_renamed', subject: result.queue.id, details: { name: result.queue.name } });
    return backToWork(c, { renamed: result.queue.name });
  });

  app.post('/queues/saved/:id/delete', async (c) => {
    const staff = c.get('staff');
    const queue = await deleteQueue(deps.sql, staff.person.id, c.req.param('id'));
    if (!queue) return notFound(c);
    await recordStaffAction(deps.sql, { actorId: staff.person.id, actorRole: staff.role, action: 'saved_queue_deleted', subject: queue.id, details: { name: queue.name } });
    return backToWork(c, { deleted: queue.name });
  });

  for (const direction of ['up', 'down'] as const) {
    app.post(`/queues/saved/:id/${direction}`, async (c) => {
      const staff = c.get('staff');
      const id = c.req.param('id');
      if (!(await savedQueueOf(deps.sql, staff.person.id, id))) return notFound(c);
      await moveQueue(deps.sql, staff.person.id, id, direction);
      return backToWork(c);
    });
  }
  return app;
}
