// /console/calendars: the business calendars by year, and their overrides (announced holiday
// dates, closures, extra working days) changed through /v1/calendars/{id}/overrides. Process owners
// and admins write; supervisors read (the API lets every staff role read a calendar).
import { Hono, type Context } from 'hono';
import type { ApiError } from '../api-client.js';
import type { ConsoleDeps } from '../deps.js';
import type { ConsoleEnv } from '../env.js';
import { consoleRole } from '../guard.js';
import { renderConsolePage, renderConsoleProblem } from '../pages/shell.js';
import { calendarPath, CalendarListPage, CalendarYearPage, type CalendarSummary, type OverrideFormState } from './pages.js';
import type { CalendarYearView, OverridesView } from './year-view.js';

type C = Context<ConsoleEnv>;
const WRITERS = ['process_owner', 'admin'];
const CALENDAR_ID = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;
const apiCalendar = (id: string) => `/v1/calendars/${encodeURIComponent(id)}`;
const text = (form: Record<string, unknown>, name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
const yearOf = (value: string | undefined) => (value && /^\d{4}$/.test(value) ? Number(value) : undefined);

export function calendarPageRoutes(deps: ConsoleDeps) {
  const app = new Hono<ConsoleEnv>();
  const guard = consoleRole('process_owner', 'admin', 'supervisor');
  app.use('/calendars', guard);
  app.use('/calendars/*', guard);
  app.use('/calendars/:id/*', async (c, next) => (CALENDAR_ID.test(c.req.param('id')) ? next() : renderConsoleProblem(c, 404, '404')));
  const writersOnly = consoleRole('process_owner', 'admin');

  app.get('/calendars', async (c) => {
    const list = await deps.api(c).get<{ calendars: CalendarSummary[] }>('/v1/calendars');
    if (!list.ok) throw new Error(`calendars: ${list.error.message}`);
    const staff = c.get('staff');
    return renderConsolePage(c, 200, { title: staff.t('console.calendars.index.title'), active: 'calendars', children: <CalendarListPage staff={staff} calendars={list.data.calendars} /> });
  });

  async function yearPage(c: C, id: string, year: number | undefined, state?: OverrideFormState) {
    const api = deps.api(c);
    const [calendar, overrides] = await Promise.all([api.get<CalendarYearView>(apiCalendar(id), { year }), api.get<OverridesView>(`${apiCalendar(id)}/overrides`)]);
    if (!calendar.ok) return renderConsoleProblem(c, 404, '404');
    const staff = c.get('staff');
    const done = c.req.query('done');
    return renderConsolePage(c, state ? (state.error.code === 'CONFLICT' ? 409 : 400) : 200, {
      title: staff.t('console.calendars.year.title', { name: calendar.data.name, year: calendar.data.year }),
      active: 'calendars',
      children: (
        <CalendarYearPage
          staff={staff}
          year={calendar.data}
          overrides={overrides.ok ? overrides.data : undefined}
          canWrite={WRITERS.includes(staff.role)}
          {...(done && /^[a-z]+$/.test(done) ? { done } : {})}
          {...(state ? { state } : {})}
        />
      ),
    });
  }

  app.get('/calendars/:id', async (c) => yearPage(c, c.req.param('id'), yearOf(c.req.query('year'))));

  /**
   * Stores `change(current)` as the next overrides version (the one the form was read from as
   * `baseVersion`, so a change made meanwhile is refused, not overwritten); answers the page.
   */
  async function change(
    c: C,
    form: OverrideFormState['form'],
    edit: (current: OverridesView['overrides']) => { document: OverridesView['overrides']; paths: (path: string) => string | undefined } | ApiError,
  ) {
    const id = c.req.param('id')!;
    const body = await c.req.parseBody();
    const values = Object.fromEntries(Object.entries(body).filter(([k, v]) => typeof v === 'string' && k !== '_csrf')) as Record<string, string>;
    const year = yearOf(values.year);
    const api = deps.api(c);
    const current = await api.get<OverridesView>(`${apiCalendar(id)}/overrides`);
    if (!current.ok) return renderConsoleProblem(c, 404, '404');
    const edited = edit(current.data.overrides);
    if ('code' in edited) return yearPage(c, id, year, { form, error: edited, issues: new Map(), values });
    const baseVersion = /^\d+$/.test(values.baseVersion ?? '') ? Number(values.baseVersion) : current.data.version;
    const stored = await api.put<OverridesView>(`${apiCalendar(id)}/overrides`, { ...edited.document, changeNote: text(body, 'changeNote'), baseVersion });
    if (stored.ok) return c.redirect(`${calendarPath(id, year)}${year ? '&' : '?'}done=${form === 'remove' ? 'removed' : 'stored'}`, 303);
    const issues = new Map<string, string[]>();
    for (const d of Array.isArray(stored.error.details) ? (stored.error.details as { path?: unknown; message?: unknown }[]) : []) {
      if (typeof d.path !== 'string' || typeof d.message !== 'string') continue;
      const path = d.path.replace(/^body\./, '');
      const key = path === 'changeNote' ? 'changeNote' : (edited.paths(path) ?? path);
      issues.set(key, [...(issues.get(key) ?? []), d.message]);
    }
    return yearPage(c, id, year, { form, error: stored.error, issues, values });
  }

  app.post('/calendars/:id/overrides/add', writersOnly, async (c) => {
    const body = await c.req.parseBody();
    const kind = text(body, 'kind') === 'open' ? 'open' : 'closed';
    return change(c, 'add', (current) => {
      const entry =
        kind === 'open'
          ? { kind, date: text(body, 'date'), name: text(body, 'name'), hours: [{ from: text(body, 'from'), to: text(body, 'to') }] }
          : { kind, date: text(body, 'date'), name: text(body, 'name') };
      const index = current.exceptions.length;
      const prefix = `exceptions.${index}`;
      return {
        document: { ...current, exceptions: [...current.exceptions, entry as OverridesView['overrides']['exceptions'][number]] },
        paths: (path) => (path === prefix ? 'date' : path.startsWith(`${prefix}.`) ? (path.slice(prefix.length + 1).split('.')[0] ?? path) : undefined),
      };
    });
  });

  app.post('/calendars/:id/overrides/announce', writersOnly, async (c) => {
    const body = await c.req.parseBody();
    return change(c, 'announce', (current) => {
      const index = current.movingHolidays.length;
      const prefix = `movingHolidays.${index}`;
      return {
        document: { ...current, movingHolidays: [...current.movingHolidays, { key: text(body, 'key'), firstDay: text(body, 'firstDay') }] },
        paths: (path) => (path === prefix ? 'firstDay' : path.startsWith(`${prefix}.`) ? (path.slice(prefix.length + 1).split('.')[0] ?? path) : undefined),
      };
    });
  });

  app.post('/calendars/:id/overrides/remove', writersOnly, async (c) => {
    const body = await c.req.parseBody();
    const index = Number(text(body, 'index'));
    const kind = text(body, 'kind');
    const staff = c.get('staff');
    return change(c, 'remove', (current) => {
      const list = kind === 'movingHoliday' ? current.movingHolidays : current.exceptions;
      if (!Number.isInteger(index) || index < 0 || index >= list.length) return { code: 'CONFLICT', message: staff.t('console.calendars.removeGone') };
      return {
        document: kind === 'movingHoliday' ? { ...current, movingHolidays: current.movingHolidays.filter((_, i) => i !== index) } : { ...current, exceptions: current.exceptions.filter((_, i) => i !== index) },
        paths: () => undefined,
      };
    });
  });

  return app;
}
