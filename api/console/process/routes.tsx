// /console/process: process owners (and admins) read, change, try and migrate the process, all
// through /v1/process-definitions (the console is a client: validation, publishing rules and
// migrations are the API's). GET pages read; every POST form answers a page or a 303 to one.
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { TIMED_STAGES } from '../../../domain/complaint.js';
import type { ApiResult, ConsoleApi } from '../api-client.js';
import type { ConsoleDeps } from '../deps.js';
import type { ConsoleEnv } from '../env.js';
import { consoleRole } from '../guard.js';
import { renderConsoleFragment, renderConsolePage, renderConsoleProblem } from '../pages/shell.js';
import { EditorPage, retentionMonthsOf, stageFieldsFromForm, stageFieldsOf, withRetentionMonths, withStageFields, type EditorForm, type EditorProps } from './editor.js';
import { PreviewPage, ProgressFragment, ProgressPage, progressPath, type PlanFields, type PreviewView, type ProgressView } from './migration.js';
import { DefinitionsPage, DiffPage, VersionPage, type VersionPageErrors } from './pages.js';
import { applyEdit, editOf, SELECTION_PATH, selectionBody, selectionFieldsFromForm, selectionFieldsOf, type SelectionFields } from './selection-form.js';
import { SelectionPage, type SelectionPageProps } from './selection.js';
import { BacktestPage, examplePath, SimulatePage, type BacktestView, type SimulationView } from './trial.js';
import {
  apiVersionPath,
  field,
  issuesOf,
  versionPath,
  type DefinitionList,
  type DefinitionView,
  type DiffView,
  type SelectionView,
  type ValidationReport,
  type VersionView,
} from './view.js';

type C = Context<ConsoleEnv>;

const apiDefinition = (id: string) => `/v1/process-definitions/${encodeURIComponent(id)}`;
const versionNumber = (text: string | undefined) => (text && /^[1-9]\d{0,8}$/.test(text) ? Number(text) : undefined);
const DEFINITION_ID = /^[a-z][a-z0-9-]{0,59}$/;

/** A failed read as the page it should be: 404 for what does not exist, else the API's trouble. */
function problemOf(c: C, result: ApiResult<unknown>) {
  if (result.ok) throw new Error('not a failure');
  if (result.status === 404 || result.status === 400) return renderConsoleProblem(c, 404, '404');
  if (result.status === 403) return renderConsoleProblem(c, 403, '403');
  throw new Error(`API answered ${result.status}: ${result.error.code} ${result.error.message}`);
}

/** The calendars' zones: instants on a version's pages read in its calendar's zone. */
async function zoneOf(api: ConsoleApi, calendarId: unknown): Promise<string> {
  const list = await api.get<{ calendars: { id: string; timeZone: string }[] }>('/v1/calendars');
  return (list.ok && list.data.calendars.find((cal) => cal.id === calendarId)?.timeZone) || 'UTC';
}

export function processRoutes(deps: ConsoleDeps) {
  const app = new Hono<ConsoleEnv>();
  const guard = consoleRole('process_owner', 'admin');
  app.use('/process', guard);
  app.use('/process/*', guard);

  // Every route below names a definition; one that cannot be an id is not found.
  app.use('/process/:id/*', async (c, next) => (DEFINITION_ID.test(c.req.param('id')) ? next() : renderConsoleProblem(c, 404, '404')));

  app.get('/process', async (c) => {
    const api = deps.api(c);
    const [list, selection] = await Promise.all([api.get<DefinitionList>('/v1/process-definitions'), api.get<SelectionView>('/v1/process-selection')]);
    if (!list.ok) return problemOf(c, list);
    const staff = c.get('staff');
    return renderConsolePage(c, 200, {
      title: staff.t('console.process.index.title'),
      active: 'process',
      children: <DefinitionsPage staff={staff} definitions={list.data.definitions} selection={selection.ok ? selection.data : undefined} />,
    });
  });

  // ---- the selection rules ---------------------------------------------------------------

  /** The editor with `fields` (the rules in force when omitted), the definitions to choose from and the history. */
  async function selectionPage(c: C, status: ContentfulStatusCode, props: Omit<SelectionPageProps, 'staff' | 'fields' | 'definitions' | 'history'> & { fields?: SelectionFields }) {
    const api = deps.api(c);
    const staff = c.get('staff');
    const [list, current, history] = await Promise.all([
      api.get<DefinitionList>('/v1/process-definitions'),
      api.get<SelectionView>('/v1/process-selection'),
      api.get<{ revisions: SelectionView[] }>('/v1/process-selection/revisions'),
    ]);
    if (!list.ok) return problemOf(c, list);
    if (!current.ok) return problemOf(c, current);
    if (!history.ok) return problemOf(c, history);
    const { fields, ...rest } = props;
    return renderConsolePage(c, status, {
      title: staff.t('console.process.selection.edit.title'),
      active: 'process',
      children: <SelectionPage staff={staff} fields={fields ?? selectionFieldsOf(current.data)} definitions={list.data.definitions} history={history.data.revisions} {...rest} />,
    });
  }

  app.get('/process/selection', (c) => {
    const saved = versionNumber(c.req.query('saved'));
    return selectionPage(c, 200, saved ? { notice: { kind: 'saved', revision: saved } } : {});
  });

  app.post('/process/selection', async (c) => {
    const form = await c.req.parseBody({ all: true });
    const fields = selectionFieldsFromForm(form);
    const action = typeof form.action === 'string' ? form.action : 'save';
    const edit = editOf(action);
    // Adding, removing or moving a rule changes the form only: it comes back, not saved.
    if (edit) return selectionPage(c, 200, { fields: applyEdit(fields, edit), notice: { kind: 'unsaved' } });
    const saved = await deps.api(c).put<SelectionView>('/v1/process-selection', selectionBody(fields), fields.revision ? { 'if-match': `"${fields.revision}"` } : {});
    if (saved.ok) return c.redirect(`${SELECTION_PATH}?saved=${saved.data.revision}`, 303);
    if (saved.status === 403) return renderConsoleProblem(c, 403, '403');
    if (saved.status === 412) {
      // Someone changed the rules since this page was read: show theirs, not ours over them.
      const now = await deps.api(c).get<SelectionView>('/v1/process-selection');
      const notice = now.ok ? ({ kind: 'stale', revision: now.data.revision, who: now.data.changedBy } as const) : undefined;
      return selectionPage(c, 412, notice ? { notice } : {});
    }
    const issues = issuesOf(saved.error.details);
    return selectionPage(c, 400, { fields, issues, ...(issues.length === 0 ? { refusal: saved.error.message } : {}) });
  });

  /** The version page, with what a refused form said when there was one. */
  async function versionPage(c: C, id: string, v: number, status: ContentfulStatusCode = 200, errors?: VersionPageErrors, publishNote?: string) {
    const api = deps.api(c);
    const staff = c.get('staff');
    const [definition, version, diagram] = await Promise.all([
      api.get<DefinitionView>(apiDefinition(id)),
      api.get<VersionView>(apiVersionPath(id, v)),
      api.get<{ mermaid: string }>(`${apiVersionPath(id, v)}/diagram`, { lang: staff.language }),
    ]);
    if (!definition.ok) return problemOf(c, definition);
    if (!version.ok) return problemOf(c, version);
    const drawn = diagram.ok ? { mermaid: diagram.data.mermaid } : { issues: issuesOf(diagram.error.details), message: diagram.error.message };
    const timeZone = await zoneOf(api, version.data.content.calendarId);
    const done = c.req.query('done');
    return renderConsolePage(c, status, {
      title: staff.t('console.process.version.title', { id, version: v }),
      active: 'process',
      scripts: diagram.ok ? ['mermaid.min.js', 'process.js'] : [],
      children: (
        <VersionPage
          staff={staff}
          definition={definition.data}
          version={version.data}
          diagram={drawn}
          timeZone={timeZone}
          {...(done && /^[a-z]+$/.test(done) ? { done } : {})}
          {...(errors ? { errors } : {})}
          {...(publishNote !== undefined ? { publishNote } : {})}
        />
      ),
    });
  }

  app.get('/process/:id/versions/:v', async (c) => {
    const v = versionNumber(c.req.param('v'));
    if (!v) return renderConsoleProblem(c, 404, '404');
    return versionPage(c, c.req.param('id'), v);
  });

  app.get('/process/:id/diff', async (c) => {
    const id = c.req.param('id');
    const [from, to] = [versionNumber(c.req.query('from')), versionNumber(c.req.query('to'))];
    if (!from || !to) return c.redirect(`/console/process`, 303);
    const api = deps.api(c);
    const staff = c.get('staff');
    const [definition, diff] = await Promise.all([api.get<DefinitionView>(apiDefinition(id)), api.get<DiffView>(`${apiDefinition(id)}/diff`, { from, to, lang: staff.language })]);
    if (!definition.ok) return problemOf(c, definition);
    if (!diff.ok) return problemOf(c, diff);
    return renderConsolePage(c, 200, {
      title: staff.t('console.process.diff.title', { id, from, to }),
      active: 'process',
      children: <DiffPage staff={staff} definition={definition.data} diff={diff.data} />,
    });
  });

  app.post('/process/:id/drafts', async (c) => {
    const id = c.req.param('id');
    const from = versionNumber(field(await c.req.parseBody(), 'from'));
    if (!from) return renderConsoleProblem(c, 404, '404');
    const created = await deps.api(c).post<VersionView>(`${apiDefinition(id)}/versions`, { from });
    if (created.ok) return c.redirect(`${versionPath(id, created.data.version)}/edit`, 303);
    if (created.status === 404) return renderConsoleProblem(c, 404, '404');
    return versionPage(c, id, from, 409, { draft: created.error.message });
  });

  app.post('/process/:id/versions/:v/publish', async (c) => {
    const id = c.req.param('id');
    const v = versionNumber(c.req.param('v'));
    if (!v) return renderConsoleProblem(c, 404, '404');
    const changeNote = field(await c.req.parseBody(), 'changeNote');
    const published = await deps.api(c).post<VersionView>(`${apiVersionPath(id, v)}/publish`, { changeNote });
    if (published.ok) return c.redirect(`${versionPath(id, v)}?done=published`, 303);
    if (published.status === 404) return renderConsoleProblem(c, 404, '404');
    const issues = issuesOf(published.error.details);
    const noteIssue = issues.find((i) => i.path === 'changeNote');
    const error = noteIssue
      ? { issues: [], changeNote: noteIssue.message }
      : { issues, message: published.error.message };
    return versionPage(c, id, v, published.status === 422 ? 422 : published.status === 409 ? 409 : 400, { publish: error }, changeNote);
  });

  app.post('/process/:id/versions/:v/retire', async (c) => {
    const id = c.req.param('id');
    const v = versionNumber(c.req.param('v'));
    if (!v) return renderConsoleProblem(c, 404, '404');
    const retired = await deps.api(c).post<VersionView>(`${apiVersionPath(id, v)}/retire`);
    if (retired.ok) return c.redirect(`${versionPath(id, v)}?done=retired`, 303);
    if (retired.status === 404) return renderConsoleProblem(c, 404, '404');
    return versionPage(c, id, v, 409, { retire: retired.error.message });
  });

  // ---- the draft editor -------------------------------------------------------------------

  /** The stored draft, or the response to send instead (not found; not a draft: its page). */
  async function storedDraft(c: C, id: string, v: number): Promise<VersionView | Response> {
    const version = await deps.api(c).get<VersionView>(apiVersionPath(id, v));
    if (!version.ok) return problemOf(c, version);
    if (version.data.status !== 'draft') return c.redirect(versionPath(id, v), 303);
    return version.data;
  }

  const editorPage = (c: C, status: ContentfulStatusCode, props: Omit<EditorProps, 'staff'>) => {
    const staff = c.get('staff');
    return renderConsolePage(c, status, {
      title: staff.t('console.process.editor.title', { id: props.definitionId, version: props.version }),
      active: 'process',
      children: <EditorPage staff={staff} {...props} />,
    });
  };

  app.get('/process/:id/versions/:v/edit', async (c) => {
    const id = c.req.param('id');
    const v = versionNumber(c.req.param('v'));
    if (!v) return renderConsoleProblem(c, 404, '404');
    const draft = await storedDraft(c, id, v);
    if (draft instanceof Response) return draft;
    return editorPage(c, 200, {
      definitionId: id,
      version: v,
      fields: stageFieldsOf(draft.content),
      retentionMonths: retentionMonthsOf(draft.content),
      json: JSON.stringify(draft.content, null, 2),
    });
  });

  app.post('/process/:id/versions/:v/edit', async (c) => {
    const id = c.req.param('id');
    const v = versionNumber(c.req.param('v'));
    if (!v) return renderConsoleProblem(c, 404, '404');
    const form = await c.req.parseBody();
    const draft = await storedDraft(c, id, v);
    if (draft instanceof Response) return draft;
    const posted = field(form, 'form');
    const which: EditorForm = posted === 'json' || posted === 'retention' ? posted : 'deadlines';
    const stored = stageFieldsOf(draft.content);
    let content: Record<string, unknown>;
    let fields = stored;
    let retentionMonths = retentionMonthsOf(draft.content);
    let json: string;
    if (which === 'json') {
      json = field(form, 'content');
      let parsed: unknown;
      try {
        parsed = JSON.parse(json);
      } catch (err) {
        const message = c.get('staff').t('console.process.editor.notJson', { error: (err as Error).message });
        return editorPage(c, 400, { definitionId: id, version: v, fields, retentionMonths, json, form: which, issues: [{ path: '(JSON)', message }] });
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        const message = c.get('staff').t('console.process.editor.notObject');
        return editorPage(c, 400, { definitionId: id, version: v, fields, retentionMonths, json, form: which, issues: [{ path: '(JSON)', message }] });
      }
      content = parsed as Record<string, unknown>;
      fields = stageFieldsOf(content);
      retentionMonths = retentionMonthsOf(content);
    } else if (which === 'retention') {
      retentionMonths = field(form, 'retention.months');
      content = withRetentionMonths(draft.content, retentionMonths);
      json = JSON.stringify(content, null, 2);
    } else {
      fields = stageFieldsFromForm(form, stored);
      content = withStageFields(draft.content, fields);
      json = JSON.stringify(content, null, 2);
    }
    const api = deps.api(c);
    const props = { definitionId: id, version: v, fields, retentionMonths, json, form: which } as const;
    if (field(form, 'action') === 'save') {
      const saved = await api.put<VersionView>(apiVersionPath(id, v), content);
      if (saved.ok) return c.redirect(`${versionPath(id, v)}?done=saved`, 303);
      const issues = issuesOf(saved.error.details);
      return editorPage(c, saved.status === 409 ? 409 : 400, { ...props, issues, ...(issues.length === 0 ? { refusal: saved.error.message } : {}) });
    }
    const report = await api.post<ValidationReport>(`${apiVersionPath(id, v)}/validate`, content);
    if (!report.ok) return editorPage(c, 400, { ...props, issues: issuesOf(report.error.details), refusal: report.error.message });
    return editorPage(c, 200, { ...props, issues: report.data.issues, valid: report.data.valid });
  });

  // ---- simulate one path, backtest -------------------------------------------------------

  const simulatePage = async (c: C, id: string, v: number, status: ContentfulStatusCode, rest: Omit<Parameters<typeof SimulatePage>[0], 'staff' | 'definitionId' | 'version' | 'timeZone'>) => {
    const staff = c.get('staff');
    const api = deps.api(c);
    const version = await api.get<VersionView>(apiVersionPath(id, v));
    if (!version.ok) return problemOf(c, version);
    const timeZone = await zoneOf(api, version.data.content.calendarId);
    return renderConsolePage(c, status, {
      title: staff.t('console.process.simulate.title', { id, version: v }),
      active: 'process',
      children: <SimulatePage staff={staff} definitionId={id} version={v} timeZone={timeZone} {...rest} />,
    });
  };

  app.get('/process/:id/versions/:v/simulate', async (c) => {
    const v = versionNumber(c.req.param('v'));
    if (!v) return renderConsoleProblem(c, 404, '404');
    return simulatePage(c, c.req.param('id'), v, 200, { values: { ...examplePath(), until: '' } });
  });

  app.post('/process/:id/versions/:v/simulate', async (c) => {
    const id = c.req.param('id');
    const v = versionNumber(c.req.param('v'));
    if (!v) return renderConsoleProblem(c, 404, '404');
    const form = await c.req.parseBody();
    const values = { receivedAt: field(form, 'receivedAt').trim(), events: field(form, 'events'), until: field(form, 'until').trim() };
    let events: unknown;
    try {
      events = values.events.trim() === '' ? [] : JSON.parse(values.events);
    } catch (err) {
      return simulatePage(c, id, v, 400, { values, issues: [{ path: 'events', message: c.get('staff').t('console.process.editor.notJson', { error: (err as Error).message }) }] });
    }
    const body = { receivedAt: values.receivedAt, events, ...(values.until ? { until: values.until } : {}) };
    const result = await deps.api(c).post<SimulationView>(`${apiVersionPath(id, v)}/simulate`, body);
    if (result.ok) return simulatePage(c, id, v, 200, { values, result: result.data });
    if (result.status === 404) return renderConsoleProblem(c, 404, '404');
    const issues = issuesOf(result.error.details);
    return simulatePage(c, id, v, result.status === 422 ? 422 : 400, { values, issues, ...(issues.length === 0 || result.status === 422 ? { refusal: result.error.message } : {}) });
  });

  const backtestPage = (c: C, id: string, v: number, status: ContentfulStatusCode, rest: Omit<Parameters<typeof BacktestPage>[0], 'staff' | 'definitionId' | 'version'>) => {
    const staff = c.get('staff');
    return renderConsolePage(c, status, {
      title: staff.t('console.process.backtest.title', { id, version: v }),
      active: 'process',
      children: <BacktestPage staff={staff} definitionId={id} version={v} {...rest} />,
    });
  };

  app.get('/process/:id/versions/:v/backtest', async (c) => {
    const v = versionNumber(c.req.param('v'));
    if (!v) return renderConsoleProblem(c, 404, '404');
    const today = new Date();
    const yearAgo = new Date(today.getTime() - 365 * 86_400_000);
    const day = (d: Date) => d.toISOString().slice(0, 10);
    return backtestPage(c, c.req.param('id'), v, 200, { values: { from: day(yearAgo), to: day(new Date(today.getTime() + 86_400_000)), limit: '', filedUnder: '' } });
  });

  app.post('/process/:id/versions/:v/backtest', async (c) => {
    const id = c.req.param('id');
    const v = versionNumber(c.req.param('v'));
    if (!v) return renderConsoleProblem(c, 404, '404');
    const form = await c.req.parseBody();
    const values = { from: field(form, 'from'), to: field(form, 'to'), limit: field(form, 'limit').trim(), filedUnder: field(form, 'filedUnder').trim() };
    // A date is the start of that day in UTC; anything else goes as typed, for the API to name.
    const instant = (d: string) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d}T00:00:00Z` : d);
    const body = {
      received: { from: instant(values.from), to: instant(values.to) },
      ...(values.limit ? { limit: /^\d+$/.test(values.limit) ? Number(values.limit) : values.limit } : {}),
      ...(values.filedUnder ? { filedUnder: values.filedUnder } : {}),
    };
    const result = await deps.api(c).post<BacktestView>(`${apiVersionPath(id, v)}/backtest`, body);
    if (result.ok) return backtestPage(c, id, v, 200, { values, result: result.data });
    if (result.status === 404) return renderConsoleProblem(c, 404, '404');
    const issues = issuesOf(result.error.details);
    return backtestPage(c, id, v, result.status === 422 ? 422 : 400, { values, issues, ...(issues.length === 0 || result.status === 422 ? { refusal: result.error.message } : {}) });
  });

  // ---- migrations -----------------------------------------------------------------------

  const planOf = (form: Record<string, unknown>): PlanFields => ({
    targetVersion: field(form, 'targetVersion'),
    fromVersion: field(form, 'fromVersion'),
    rules: Object.fromEntries(TIMED_STAGES.map((stage) => [stage, field(form, `rule.${stage}`) || 'keep'])),
  });
  const planBody = (plan: PlanFields, dryRun: boolean) => ({
    targetVersion: versionNumber(plan.targetVersion) ?? plan.targetVersion,
    ...(plan.fromVersion ? { filter: { fromVersion: versionNumber(plan.fromVersion) ?? plan.fromVersion } } : {}),
    deadlineRules: plan.rules,
    dryRun,
  });
  const previewPage = (c: C, id: string, status: ContentfulStatusCode, props: { plan: PlanFields; preview?: PreviewView; issues?: ReturnType<typeof issuesOf>; refusal?: string }) => {
    const staff = c.get('staff');
    return renderConsolePage(c, status, {
      title: staff.t('console.process.migrate.previewTitle', { id, version: props.plan.targetVersion }),
      active: 'process',
      children: <PreviewPage staff={staff} definitionId={id} {...props} />,
    });
  };

  app.post('/process/:id/migrations/preview', async (c) => {
    const id = c.req.param('id');
    const plan = planOf(await c.req.parseBody());
    const result = await deps.api(c).post<PreviewView>(`${apiDefinition(id)}/migrations`, planBody(plan, true));
    if (result.ok) return previewPage(c, id, 200, { plan, preview: result.data });
    if (result.status === 404) return renderConsoleProblem(c, 404, '404');
    const issues = issuesOf(result.error.details);
    return previewPage(c, id, result.status === 409 ? 409 : result.status === 503 ? 503 : 400, { plan, issues, ...(issues.length === 0 ? { refusal: result.error.message } : {}) });
  });

  app.post('/process/:id/migrations/apply', async (c) => {
    const id = c.req.param('id');
    const plan = planOf(await c.req.parseBody());
    const result = await deps.api(c).post<ProgressView>(`${apiDefinition(id)}/migrations`, planBody(plan, false));
    if (result.ok) return c.redirect(progressPath(id, result.data.migrationId), 303);
    if (result.status === 404) return renderConsoleProblem(c, 404, '404');
    const issues = issuesOf(result.error.details);
    return previewPage(c, id, result.status === 409 ? 409 : result.status === 503 ? 503 : 400, { plan, issues, ...(issues.length === 0 ? { refusal: result.error.message } : {}) });
  });

  const readProgress = async (c: C) => {
    const id = c.req.param('id')!;
    const migrationId = c.req.param('migrationId')!;
    if (!/^[0-9a-f-]{36}$/.test(migrationId)) return undefined;
    const result = await deps.api(c).get<ProgressView>(`${apiDefinition(id)}/migrations/${migrationId}`, { limit: 200 });
    return result.ok ? result.data : undefined;
  };

  app.get('/process/:id/migrations/:migrationId', async (c) => {
    const progress = await readProgress(c);
    if (!progress) return renderConsoleProblem(c, 404, '404');
    const staff = c.get('staff');
    return renderConsolePage(c, 200, {
      title: staff.t('console.process.progress.title', { id: progress.definitionId, version: progress.targetVersion }),
      active: 'process',
      children: <ProgressPage staff={staff} progress={progress} />,
    });
  });

  app.get('/process/:id/migrations/:migrationId/progress', async (c) => {
    const progress = await readProgress(c);
    if (!progress) return renderConsoleProblem(c, 404, '404');
    return renderConsoleFragment(c, 200, <ProgressFragment staff={c.get('staff')} progress={progress} />);
  });

  return app;
}
