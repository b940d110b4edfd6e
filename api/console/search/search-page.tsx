// The search page: a GET form with every filter of GET /v1/complaints, the API's refusals beside
// the fields, the results with their total (exact or estimated) and the API's cursor for the next
// page; for those who work complaints, "save as a queue" and the bulk actions over selected rows.
import type { Context } from 'hono';
import type { ApiError } from '../api-client.js';
import type { ComplaintView } from '../../staff/complaints.schemas.js';
import type { ConsoleEnv } from '../env.js';
import { CsrfField } from '../pages/csrf-field.js';
import { FieldError, fieldAttributes, FormErrorSummary, type IssuesByPath } from '../pages/form-errors.js';
import type { ConsoleTranslate } from '../../../texts/console/translate.js';
import { ComplaintTable } from './complaint-table.js';
import {
  CHOICE_FILTERS,
  DAY_FILTERS,
  FLAG_FILTERS,
  listValues,
  searchQueryString,
  SORTS,
  TEXT_FILTERS,
  TEXT_LIST_FILTERS,
  type ChoiceFilter,
  type SearchQuery,
} from './search-query.js';

export interface SearchResults {
  items: ComplaintView[];
  nextCursor: string | null;
  total: { count: number; exact: boolean };
}

export interface SearchPageProps {
  query: SearchQuery;
  cursor: string | undefined;
  results: SearchResults | undefined;
  error: ApiError | undefined;
  issues: IssuesByPath;
  /** The session's role works complaints: save as a queue, bulk actions. */
  works: boolean;
  teams: readonly { id: string; name: string }[];
  people: readonly { id: string; name: string }[];
  save?: { name: string; refusal?: string; invalid?: boolean };
}

const FORM = 'search';
const fieldId = (name: string) => `f-${name}`;
export const sortKey = (sort: string) => (sort.startsWith('-') ? `${sort.slice(1)}Desc` : sort);

/** The input each path of a refusal links to. */
function fieldIds(): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const [name, values] of Object.entries(CHOICE_FILTERS)) ids[name] = fieldId(`${name}-${values[0]}`);
  for (const name of [...TEXT_LIST_FILTERS, ...FLAG_FILTERS, ...DAY_FILTERS, ...TEXT_FILTERS, 'sort', 'cursor']) ids[name] = fieldId(name);
  return ids;
}

function ChoiceGroup({ name, query, issues, t }: { name: ChoiceFilter; query: SearchQuery; issues: IssuesByPath; t: ConsoleTranslate }) {
  const chosen = new Set(listValues(query, name));
  const describedBy = fieldAttributes(issues, FORM, name)['aria-describedby'];
  return (
    <fieldset class="choices" {...(describedBy ? { 'aria-describedby': describedBy } : {})}>
      <legend>{t(`console.search.field.${name}`)}</legend>
      <FieldError issues={issues} formId={FORM} path={name} />
      {CHOICE_FILTERS[name].map((value) => (
        <label class="check">
          <input type="checkbox" name={name} value={value} id={fieldId(`${name}-${value}`)} checked={chosen.has(value)} />{' '}
          {t(`console.search.${name}`, { value })}
        </label>
      ))}
    </fieldset>
  );
}

function TextField(props: { name: string; label: string; value: string | undefined; issues: IssuesByPath; hint?: string; type?: string; list?: string; shortcut?: string }) {
  const attrs = fieldAttributes(props.issues, FORM, props.name);
  const hintId = props.hint ? `${fieldId(props.name)}-hint` : undefined;
  const describedBy = [attrs['aria-describedby'], hintId].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={fieldId(props.name)}>{props.label}</label>
      {props.hint && (
        <p class="muted hint" id={hintId}>
          {props.hint}
        </p>
      )}
      <input
        type={props.type ?? 'text'}
        id={fieldId(props.name)}
        name={props.name}
        value={props.value ?? ''}
        {...(attrs['aria-invalid'] ? { 'aria-invalid': 'true' } : {})}
        {...(describedBy ? { 'aria-describedby': describedBy } : {})}
        {...(props.list ? { list: props.list } : {})}
        {...(props.shortcut ? { 'data-shortcut': props.shortcut } : {})}
      />
      <FieldError issues={props.issues} formId={FORM} path={props.name} />
    </div>
  );
}

function FlagField({ name, query, issues, t }: { name: (typeof FLAG_FILTERS)[number]; query: SearchQuery; issues: IssuesByPath; t: ConsoleTranslate }) {
  const attrs = fieldAttributes(issues, FORM, name);
  return (
    <div class="field">
      <label for={fieldId(name)}>{t(`console.search.field.${name}`)}</label>
      <select id={fieldId(name)} name={name} {...attrs}>
        <option value="">{t('console.search.any')}</option>
        <option value="true" selected={query[name] === 'true'}>
          {t('console.search.yes')}
        </option>
        <option value="false" selected={query[name] === 'false'}>
          {t('console.search.no')}
        </option>
      </select>
      <FieldError issues={issues} formId={FORM} path={name} />
    </div>
  );
}

function SearchForm({ props, t }: { props: SearchPageProps; t: ConsoleTranslate }) {
  const { query, issues } = props;
  const assignees = listValues(query, 'assignee');
  const textList = (name: (typeof TEXT_LIST_FILTERS)[number]) =>
    name === 'assignee' ? assignees.filter((a) => a !== 'me').join(',') : query[name];
  const sortAttrs = fieldAttributes(issues, FORM, 'sort');
  return (
    <form method="get" action="/console/complaints" id={FORM} class="search-form" role="search" aria-label={t('console.search.filters')}>
      <div class="field wide">
        <TextField name="q" label={t('console.search.field.q')} value={query.q} issues={issues} hint={t('console.search.field.qHint')} type="search" shortcut="/" />
      </div>
      <div class="filters">
        {(Object.keys(CHOICE_FILTERS) as ChoiceFilter[]).map((name) => (
          <ChoiceGroup name={name} query={query} issues={issues} t={t} />
        ))}
        <fieldset class="choices">
          <legend>{t('console.search.group.more')}</legend>
          <p class="muted">{t('console.search.several')}</p>
          {TEXT_LIST_FILTERS.map((name) => (
            <TextField
              name={name}
              label={t(`console.search.field.${name}`)}
              value={textList(name)}
              issues={issues}
              {...(name === 'team' ? { list: 'teams-list' } : name === 'assignee' ? { list: 'people-list' } : {})}
            />
          ))}
          <label class="check">
            <input type="checkbox" name="assignee" value="me" id={fieldId('assignee-me')} checked={assignees.includes('me')} /> {t('console.search.field.assigneeMe')}
          </label>
        </fieldset>
        <fieldset class="choices">
          <legend>{t('console.search.group.clock')}</legend>
          {FLAG_FILTERS.map((name) => (
            <FlagField name={name} query={query} issues={issues} t={t} />
          ))}
          {DAY_FILTERS.map((name) => (
            <TextField name={name} label={t(`console.search.field.${name}`)} value={query[name]} issues={issues} type="date" />
          ))}
        </fieldset>
        <fieldset class="choices">
          <legend>{t('console.search.group.customer')}</legend>
          <TextField name="customerEmail" label={t('console.search.field.customerEmail')} value={query.customerEmail} issues={issues} type="email" />
          <TextField name="customerPhone" label={t('console.search.field.customerPhone')} value={query.customerPhone} issues={issues} type="tel" />
          <div class="field">
            <label for={fieldId('sort')}>{t('console.search.field.sort')}</label>
            <select id={fieldId('sort')} name="sort" {...sortAttrs}>
              {[...SORTS].reverse().map((sort) => (
                <option value={sort} selected={(query.sort ?? '-receivedAt') === sort}>
                  {t('console.search.sort', { sort: sortKey(sort) })}
                </option>
              ))}
            </select>
            <FieldError issues={issues} formId={FORM} path="sort" />
          </div>
        </fieldset>
      </div>
      <datalist id="teams-list">
        {props.teams.map((team) => (
          <option value={team.id}>{team.name}</option>
        ))}
      </datalist>
      <datalist id="people-list">
        {props.people.map((person) => (
          <option value={person.id}>{person.name}</option>
        ))}
      </datalist>
      <FieldError issues={issues} formId={FORM} path="cursor" />
      <p class="actions">
        <button type="submit">{t('console.search.submit')}</button> <a href="/console/complaints">{t('console.search.reset')}</a>
      </p>
    </form>
  );
}

function SaveQueueForm({ props, t, csrf }: { props: SearchPageProps; t: ConsoleTranslate; csrf: string }) {
  const save = props.save;
  const errorId = 'save-name-error';
  const refused = save?.refusal ? t('console.search.save.refused', { reason: save.refusal }) : save?.invalid ? t('console.search.save.invalid') : undefined;
  return (
    <section class="card save-queue" aria-labelledby="save-heading">
      <h2 id="save-heading">{t('console.search.save.heading')}</h2>
      <form method="post" action="/console/complaints/save-queue" class="inline-form">
        <CsrfField token={csrf} />
        <input type="hidden" name="query" value={searchQueryString(props.query)} />
        <label for="save-name">{t('console.search.save.name')}</label>
        <input
          id="save-name"
          name="name"
          maxlength={80}
          required
          value={save?.name ?? ''}
          {...(refused ? { 'aria-invalid': 'true', 'aria-describedby': errorId } : {})}
        />
        {refused && (
          <p class="field-error" id={errorId} role="alert">
            {refused}
          </p>
        )}
        <button type="submit" class="secondary">
          {t('console.search.save.submit')}
        </button>
      </form>
    </section>
  );
}

function BulkForm({ props, t, csrf }: { props: SearchPageProps; t: ConsoleTranslate; csrf: string }) {
  return (
    <form method="post" action="/console/complaints/bulk" id="bulk" class="card bulk">
      <CsrfField token={csrf} />
      <input type="hidden" name="back" value={searchQueryString(props.query)} />
      <fieldset>
        <legend>{t('console.search.bulk.heading')}</legend>
        <p class="muted">{t('console.search.bulk.hint')}</p>
        <div class="bulk-actions">
          <div>
            <label class="check">
              <input type="radio" name="action" value="assign" id="bulk-assign" checked /> {t('console.search.bulk.assign')}
            </label>
            <label for="bulk-assignee">{t('console.search.bulk.assignee')}</label>
            <input id="bulk-assignee" name="assignee" list="people-list" autocomplete="off" />
            <label for="bulk-team">{t('console.search.bulk.team')}</label>
            <input id="bulk-team" name="team" list="teams-list" autocomplete="off" />
          </div>
          <div>
            <label class="check">
              <input type="radio" name="action" value="escalate" id="bulk-escalate" /> {t('console.search.bulk.escalate')}
            </label>
            <label for="bulk-reason">{t('console.search.bulk.reason')}</label>
            <textarea id="bulk-reason" name="reason" rows={2} maxlength={1000}></textarea>
          </div>
          <div>
            <label class="check">
              <input type="radio" name="action" value="note" id="bulk-note" /> {t('console.search.bulk.note')}
            </label>
            <label for="bulk-text">{t('console.search.bulk.text')}</label>
            <textarea id="bulk-text" name="text" rows={2} maxlength={5000}></textarea>
          </div>
        </div>
        <button type="submit">{t('console.search.bulk.submit')}</button>
      </fieldset>
    </form>
  );
}

export function SearchPage({ c, props }: { c: Context<ConsoleEnv>; props: SearchPageProps }) {
  const { t, language, csrfToken } = c.get('staff');
  const { results } = props;
  const base = searchQueryString(props.query);
  const nextHref = results?.nextCursor ? `/console/complaints?${new URLSearchParams([...new URLSearchParams(base), ['cursor', results.nextCursor]]).toString()}` : undefined;
  const firstHref = `/console/complaints${base ? `?${base}` : ''}`;
  const selectable = props.works && results && results.items.length > 0;
  return (
    <>
      <p class="shortcut-help">
        <button type="button" class="secondary" data-shortcut="?" data-shortcuts-open aria-haspopup="dialog">
          {t('console.queues.shortcuts.open')}
        </button>
      </p>
      <FormErrorSummary error={props.error} issues={props.issues} t={t} fieldIds={fieldIds()} />
      <SearchForm props={props} t={t} />
      {results && (
        <section aria-labelledby="results-heading" class="results">
          <h2 id="results-heading">{t('console.search.results')}</h2>
          <p role="status" data-total={results.total.count} data-exact={String(results.total.exact)}>
            {t('console.search.total', { count: results.total.count, exact: String(results.total.exact) })}
            {props.cursor && ` ${t('console.search.laterPage')}`}
          </p>
          {!props.works && <p class="muted">{t('console.search.readOnly')}</p>}
          {results.items.length === 0 ? (
            <p>{t('console.search.none')}</p>
          ) : (
            <>
              {selectable && (
                <p class="select-all" hidden data-select-all-wrap>
                  <label class="check">
                    <input type="checkbox" id="select-all" data-select-all /> {t('console.search.selectAll')}
                  </label>
                </p>
              )}
              <ComplaintTable items={results.items} t={t} language={language} caption={t('console.search.results')} withAssignee {...(selectable ? { selectForm: 'bulk' } : {})} />
            </>
          )}
          <nav class="pages" aria-label={t('console.search.results')}>
            {props.cursor && <a href={firstHref}>{t('console.search.firstPage')}</a>} {nextHref && <a href={nextHref} rel="next">{t('console.search.nextPage')}</a>}
          </nav>
          {selectable && <BulkForm props={props} t={t} csrf={csrfToken} />}
        </section>
      )}
      {props.works && (!props.error || props.save) && <SaveQueueForm props={props} t={t} csrf={csrfToken} />}
      <ShortcutsDialog t={t} />
    </>
  );
}

/** The list of the keys queues.js answers to; `?` or the visible button opens it. */
export function ShortcutsDialog({ t }: { t: ConsoleTranslate }) {
  const rows: [string[], string][] = [
    [['j'], t('console.queues.shortcuts.j')],
    [['k'], t('console.queues.shortcuts.k')],
    [['o', 'Enter'], t('console.queues.shortcuts.o')],
    [['c'], t('console.queues.shortcuts.c')],
    [['/'], t('console.queues.shortcuts.slash')],
    [['?'], t('console.queues.shortcuts.help')],
  ];
  return (
    <dialog id="shortcuts" aria-labelledby="shortcuts-title" class="shortcuts">
      <h2 id="shortcuts-title">{t('console.queues.shortcuts.title')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('console.queues.shortcuts.key')}</th>
            <th scope="col">{t('console.queues.shortcuts.does')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([keys, does]) => (
            <tr>
              <td>
                {keys.map((k, i) => (
                  <>
                    {i > 0 && ` ${t('console.queues.shortcuts.or')} `}
                    <kbd>{k}</kbd>
                  </>
                ))}
              </td>
              <td>{does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">{t('console.queues.shortcuts.note')}</p>
      <form method="dialog">
        <button type="submit" data-shortcuts-close>
          {t('console.queues.shortcuts.close')}
        </button>
      </form>
    </dialog>
  );
}
