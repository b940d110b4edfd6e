// /console/audit/personal-data-reads (auditors, admins): who read customers' personal data, which
// complaint, when — GET /v1/audit/personal-data-reads, filtered by person, complaint and period,
// one keyset page at a time. A tab beside the staff-action trail (/console/audit).
import type { Hono } from 'hono';
import { formatInstant } from '../../../texts/format.js';
import type { ConsoleTranslate } from '../../../texts/console/translate.js';
import type { ConsoleLanguage } from '../../../texts/console/languages.js';
import type { ApiError } from '../api-client.js';
import type { ConsoleDeps } from '../deps.js';
import type { ConsoleEnv } from '../env.js';
import { FieldError, fieldAttributes, FormErrorSummary, issuesByPath } from '../pages/form-errors.js';
import { renderConsolePage } from '../pages/shell.js';

export const PERSONAL_DATA_READS_PATH = '/audit/personal-data-reads';
const FORM_ID = 'reads-filters';
const FILTERS = ['actor', 'complaint', 'from', 'to'] as const;
const TIME_ZONE = 'Europe/Istanbul';

interface Read {
  id: string;
  at: string;
  actorId: string;
  actorRole: string;
  complaintReference: string | null;
  kind: string;
  contactMasked: boolean;
  item: string | null;
}

/** The two tabs of the Audit page; `current` is marked for assistive technology. */
export function AuditTabs({ current, t }: { current: 'actions' | 'reads'; t: ConsoleTranslate }) {
  return (
    <nav class="pager" aria-label={t('console.audit.tabs')}>
      <a href="/console/audit" aria-current={current === 'actions' ? 'page' : undefined}>
        {t('console.audit.tab.actions')}
      </a>{' '}
      <a href={`/console${PERSONAL_DATA_READS_PATH}`} aria-current={current === 'reads' ? 'page' : undefined}>
        {t('console.audit.tab.reads')}
      </a>
    </nav>
  );
}

export function addPersonalDataReadsPage(app: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  app.get(PERSONAL_DATA_READS_PATH, async (c) => {
    const staff = c.get('staff');
    const api = deps.api(c);
    const given = Object.fromEntries(FILTERS.map((k) => [k, c.req.query(k)?.trim() || undefined])) as Record<(typeof FILTERS)[number], string | undefined>;
    const cursor = c.req.query('cursor') || undefined;
    const [reads, people] = await Promise.all([
      api.get<{ entries: Read[]; nextCursor: string | null }>('/v1/audit/personal-data-reads', { ...given, cursor, limit: 50 }),
      api.get<{ people: { id: string; name: string }[] }>('/v1/staff'),
    ]);
    const names = new Map((people.ok ? people.data.people : []).map((p) => [p.id, p.name]));
    const filterQuery = new URLSearchParams(Object.entries(given).filter((e): e is [string, string] => e[1] !== undefined));
    const page = `/console${PERSONAL_DATA_READS_PATH}`;
    return renderConsolePage(c, reads.ok ? 200 : reads.error.code === 'VALIDATION_FAILED' ? 400 : 503, {
      title: staff.t('console.audit.reads.title'),
      active: 'audit',
      children: (
        <>
          <AuditTabs current="reads" t={staff.t} />
          <p>{staff.t('console.audit.reads.intro')}</p>
          <ReadFilters given={given} error={reads.ok ? undefined : reads.error} people={[...names]} t={staff.t} />
          {reads.ok && (
            <>
              <ReadTable reads={reads.data.entries} names={names} t={staff.t} language={staff.language} />
              <nav class="pager" aria-label={staff.t('console.audit.pages')}>
                {cursor && <a href={`${page}?${filterQuery}`}>{staff.t('console.audit.newest')}</a>}{' '}
                {reads.data.nextCursor && (
                  <a href={`${page}?${new URLSearchParams([...filterQuery, ['cursor', reads.data.nextCursor]])}`} rel="next">
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
}

function ReadFilters({ given, error, people, t }: { given: Record<string, string | undefined>; error: ApiError | undefined; people: [string, string][]; t: ConsoleTranslate }) {
  const issues = issuesByPath(error);
  const attrs = (path: string) => fieldAttributes(issues, FORM_ID, path);
  const ids = { actor: 'reads-actor', complaint: 'reads-complaint', from: 'reads-from', to: 'reads-to' };
  return (
    <form method="get" action={`/console${PERSONAL_DATA_READS_PATH}`} id={FORM_ID} class="dashboard-filters" aria-label={t('console.audit.reads.filters')}>
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
          <label for={ids.complaint}>{t('console.audit.reference')}</label>
          <input id={ids.complaint} name="complaint" value={given['complaint'] ?? ''} placeholder="CMP-2026-000123" size={18} {...attrs('complaint')} />
          <FieldError issues={issues} formId={FORM_ID} path="complaint" />
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

function ReadTable({ reads, names, t, language }: { reads: Read[]; names: Map<string, string>; t: ConsoleTranslate; language: ConsoleLanguage }) {
  if (reads.length === 0) return <p class="muted">{t('console.audit.reads.empty')}</p>;
  return (
    <div class="table-wrap" tabindex={0} role="region" aria-label={t('console.audit.reads.caption')}>
      <table class="audit-trail">
        <caption class="visually-hidden">{t('console.audit.reads.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('console.audit.col.when')}</th>
            <th scope="col">{t('console.audit.col.who')}</th>
            <th scope="col">{t('console.audit.reads.col.complaint')}</th>
            <th scope="col">{t('console.audit.reads.col.kind')}</th>
          </tr>
        </thead>
        <tbody>
          {reads.map((r) => (
            <tr data-read={r.id}>
              <td>
                <time datetime={r.at}>{formatInstant(r.at, language, TIME_ZONE) ?? r.at}</time>
              </td>
              <td>
                {names.get(r.actorId) ? `${names.get(r.actorId)} (${r.actorId})` : r.actorId}
                <br />
                <span class="muted">{t('console.shell.role', { role: r.actorRole })}</span>
              </td>
              <td>
                {r.complaintReference ? (
                  <a href={`/console/complaints/${encodeURIComponent(r.complaintReference)}`}>{r.complaintReference}</a>
                ) : (
                  t('console.audit.reads.complaintGone')
                )}
              </td>
              <td>
                {t('console.audit.reads.kind', { kind: r.kind })}
                {r.contactMasked && (
                  <>
                    <br />
                    <span class="muted">{t('console.audit.reads.masked')}</span>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
