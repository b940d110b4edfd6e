// /console/audit (auditors, admins): the timeline of staff actions from GET /v1/audit/staff-actions
// — complaint decisions, console actions, process changes — newest first, filtered by person,
// action, source, period and complaint, one keyset page at a time ("Older entries").
import { Hono } from 'hono';
import { PROCESS_ACTIONS } from '../../../read-model/staff-audit-trail.js';
import { formatInstant } from '../../../texts/format.js';
import type { ConsoleTranslate } from '../../../texts/console/translate.js';
import type { ConsoleLanguage } from '../../../texts/console/languages.js';
import type { ApiError } from '../api-client.js';
import type { ConsoleDeps } from '../deps.js';
import type { ConsoleEnv } from '../env.js';
import { consoleRole } from '../guard.js';
import { FieldError, fieldAttributes, FormErrorSummary, issuesByPath } from '../pages/form-errors.js';
import { renderConsolePage } from '../pages/shell.js';
import { addPersonalDataReadsPage, AuditTabs } from './personal-data-reads.js';

export const AUDIT_ROLES = ['auditor', 'admin'] as const;

/** The decisions staff take on complaints (their event types), for the action filter. */
export const COMPLAINT_ACTIONS = [
  'acknowledge', 'classify', 'assign', 'request_info', 'cancel_info_request', 'propose_resolution', 'record_customer_answer',
  'escalate', 'note', 'record_corrective_action', 'record_external_outcome', 'withdraw', 'close_out_of_scope', 'mark_duplicate',
  'reissue_link', 'process_migrated',
] as const;
export const CONSOLE_ACTIONS = [
  'sign_in', 'sign_in_failed', 'locked_out', 'sign_out', 'session_ended', 'role_switched', 'person_created', 'password_set',
  'saved_queue_saved', 'bulk_action', 'forgery_refused',
] as const;

const FORM_ID = 'audit-filters';
const FILTERS = ['actor', 'action', 'source', 'reference', 'from', 'to'] as const;
const TIME_ZONE = 'Europe/Istanbul';

interface Entry {
  id: string;
  at: string;
  source: string;
  action: string;
  actorId: string | null;
  actorRole: string | null;
  subject: string | null;
  complaintReference: string | null;
  details: Record<string, unknown>;
}

export function auditRoutes(deps: ConsoleDeps) {
  const app = new Hono<ConsoleEnv>();
  app.use('/audit', consoleRole(...AUDIT_ROLES));
  app.use('/audit/*', consoleRole(...AUDIT_ROLES));
  addPersonalDataReadsPage(app, deps);
  app.get('/audit', async (c) => {
    const staff = c.get('staff');
    const api = deps.api(c);
    const given = Object.fromEntries(FILTERS.map((k) => [k, c.req.query(k)?.trim() || undefined])) as Record<(typeof FILTERS)[number], string | undefined>;
    const cursor = c.req.query('cursor') || undefined;
    const [trail, people] = await Promise.all([
      api.get<{ entries: Entry[]; nextCursor: string | null }>('/v1/audit/staff-actions', { ...given, cursor, limit: 50 }),
      api.get<{ people: { id: string; name: string }[] }>('/v1/staff'),
    ]);
    const names = new Map((people.ok ? people.data.people : []).map((p) => [p.id, p.name]));
    const error = trail.ok ? undefined : trail.error;
    const filterQuery = new URLSearchParams(Object.entries(given).filter((e): e is [string, string] => e[1] !== undefined));
    return renderConsolePage(c, trail.ok ? 200 : trail.error.code === 'VALIDATION_FAILED' ? 400 : 503, {
      title: staff.t('console.audit.title'),
      active: 'audit',
      children: (
        <>
          <AuditTabs current="actions" t={staff.t} />
          <AuditFilters given={given} error={error} people={[...names]} t={staff.t} />
          {trail.ok && (
            <>
              <AuditTable entries={trail.data.entries} names={names} t={staff.t} language={staff.language} />
              <nav class="pager" aria-label={staff.t('console.audit.pages')}>
                {cursor && <a href={`/console/audit?${filterQuery}`}>{staff.t('console.audit.newest')}</a>}{' '}
                {trail.data.nextCursor && (
                  <a href={`/console/audit?${new URLSearchParams([...filterQuery, ['cursor', trail.data.nextCursor]])}`} rel="next">
                    {staff.t('console.audit.older')}
                  </a>
                )}
              </nav>
            </>
          )}
        </>
      ),
    });
  });
  return app;
}

function AuditFilters({ given, error, people, t }: { given: Record<string, string | undefined>; error: ApiError | undefined; people: [string, string][]; t: ConsoleTranslate }) {
  const issues = issuesByPath(error);
  const attrs = (path: string) => fieldAttributes(issues, FORM_ID, path);
  const ids = { actor: 'audit-actor', action: 'audit-action', source: 'audit-source', reference: 'audit-reference', from: 'audit-from', to: 'audit-to' };
  const group = (label: string, actions: readonly string[]) => (
    <optgroup label={label}>
      {actions.map((a) => (
        <option value={a} selected={a === given['action']}>
          {t('console.audit.action', { action: a })}
        </option>
      ))}
    </optgroup>
  );
  return (
    <form method="get" action="/console/audit" id={FORM_ID} class="dashboard-filters" aria-label={t('console.audit.filters')}>
      <FormErrorSummary error={error} issues={issues} t={t} fieldIds={ids} />
      <div class="filter-row">
        <div>
          <label for={ids.actor}>{t('console.audit.actor')}</label>
          <select id={ids.actor} name="actor" {...attrs('actor')}>
            <option value="">{t('console.audit.anyone')}</option>
            {people.map(([id, name]) => (
              <option value={id} selected={id === given['actor']}>{`${name} (${id})`}</option>
            ))}
            {given['actor'] && !people.some(([id]) => id === given['actor']) && (
              <option value={given['actor']} selected>
                {given['actor']}
              </option>
            )}
          </select>
          <FieldError issues={issues} formId={FORM_ID} path="actor" />
        </div>
        <div>
          <label for={ids.action}>{t('console.audit.actionFilter')}</label>
          <select id={ids.action} name="action" {...attrs('action')}>
            <option value="">{t('console.audit.anyAction')}</option>
            {group(t('console.audit.source', { source: 'complaint' }), COMPLAINT_ACTIONS)}
            {group(t('console.audit.source', { source: 'console' }), CONSOLE_ACTIONS)}
            {group(t('console.audit.source', { source: 'process' }), PROCESS_ACTIONS)}
          </select>
          <FieldError issues={issues} formId={FORM_ID} path="action" />
        </div>
        <div>
          <label for={ids.source}>{t('console.audit.sourceFilter')}</label>
          <select id={ids.source} name="source" {...attrs('source')}>
            <option value="">{t('console.audit.anySource')}</option>
            {(['complaint', 'console', 'process'] as const).map((s) => (
              <option value={s} selected={s === given['source']}>
                {t('console.audit.source', { source: s })}
              </option>
            ))}
          </select>
          <FieldError issues={issues} formId={FORM_ID} path="source" />
        </div>
        <div>
          <label for={ids.reference}>{t('console.audit.reference')}</label>
          <input id={ids.reference} name="reference" value={given['reference'] ?? ''} placeholder="CMP-2026-000123" size={18} {...attrs('reference')} />
          <FieldError issues={issues} formId={FORM_ID} path="reference" />
        </div>
        <div>
          <label for={ids.from}>{t('console.audit.from')}</label>
          <input type="date" id={ids.from} name="from" value={given['from'] ?? ''} {...attrs('from')} />
          <FieldError issues={issues} formId={FORM_ID} path="from" />
        </div>
        <div>
          <label for={ids.to}>{t('console.audit.to')}</label>
          <input type="date" id={ids.to} name="to" value={given['to'] ?? ''} {...attrs('to')} />
          <FieldError issues={issues} formId={FORM_ID} path="to" />
        </div>
        <div class="filter-submit">
          <button type="submit">{t('console.audit.apply')}</button>
        </div>
      </div>
    </form>
  );
}

function AuditTable({ entries, names, t, language }: { entries: Entry[]; names: Map<string, string>; t: ConsoleTranslate; language: ConsoleLanguage }) {
  if (entries.length === 0) return <p class="muted">{t('console.audit.empty')}</p>;
  return (
    <div class="table-wrap" tabindex={0} role="region" aria-label={t('console.audit.caption')}>
      <table class="audit-trail">
        <caption class="visually-hidden">{t('console.audit.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('console.audit.col.when')}</th>
            <th scope="col">{t('console.audit.col.who')}</th>
            <th scope="col">{t('console.audit.col.what')}</th>
            <th scope="col">{t('console.audit.col.concerning')}</th>
            <th scope="col">{t('console.audit.col.details')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr data-entry={e.id}>
              <td>
                <time datetime={e.at}>{formatInstant(e.at, language, TIME_ZONE) ?? e.at}</time>
              </td>
              <td>
                {e.actorId ? (names.get(e.actorId) ? `${names.get(e.actorId)} (${e.actorId})` : e.actorId) : t('console.audit.unknownActor')}
                {e.actorRole && (
                  <>
                    <br />
                    <span class="muted">{t('console.shell.role', { role: e.actorRole })}</span>
                  </>
                )}
              </td>
              <td>
                {t('console.audit.action', { action: e.action })}
                <br />
                <span class="badge">{t('console.audit.source', { source: e.source })}</span>
              </td>
              <td>
                {e.complaintReference ? <a href={`/console/complaints/${encodeURIComponent(e.complaintReference)}`}>{e.complaintReference}</a> : (e.subject ?? '')}
              </td>
              <td>{detailsText(e.details)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The source's details as `key: value` pairs, short: the complaint page has the rest. */
function detailsText(details: Record<string, unknown>): string {
  const parts = Object.entries(details)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  const text = parts.join('; ');
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
