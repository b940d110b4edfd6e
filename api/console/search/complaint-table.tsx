// One complaint per row, as My work and Search list them: the reference (the complaint page's link,
// which `o`/Enter open), subject, severity, status and stage, and the stage clock in working time.
// `selectable` adds the bulk actions' checkbox column, tied to the form `form` names.
import type { ComplaintView } from '../../staff/complaints.schemas.js';
import type { ConsoleTranslate } from '../../../texts/console/translate.js';
import type { ConsoleLanguage } from '../../../texts/console/languages.js';
import { formatInstant } from '../../../texts/format.js';
import { StageClock } from '../pages/clock.js';

export const complaintHref = (reference: string) => `/console/complaints/${encodeURIComponent(reference)}`;

export function statusText(c: ComplaintView, t: ConsoleTranslate): string {
  const status = t('console.search.status', { value: c.status });
  if (c.closure) return `${status} · ${t('console.search.closure', { value: c.closure })}`;
  return c.stage ? `${status} · ${t('console.search.stage', { value: c.stage.id })}` : status;
}

export function ComplaintTable(props: {
  items: readonly ComplaintView[];
  t: ConsoleTranslate;
  language: ConsoleLanguage;
  caption: string;
  /** Show who has it and the team (search); My work's lists are by definition theirs or nobody's. */
  withAssignee?: boolean;
  /** The bulk form's id: adds a checkbox per row. */
  selectForm?: string;
  now?: Date;
}) {
  const { items, t, language } = props;
  return (
    <div class="table-wrap">
      <table class="complaints" data-rows>
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            {props.selectForm && (
              <th scope="col">
                <span class="visually-hidden">{t('console.search.col.select')}</span>
              </th>
            )}
            <th scope="col">{t('console.search.col.reference')}</th>
            <th scope="col">{t('console.search.col.subject')}</th>
            <th scope="col">{t('console.search.col.severity')}</th>
            <th scope="col">{t('console.search.col.status')}</th>
            <th scope="col">{t('console.search.col.clock')}</th>
            {props.withAssignee && <th scope="col">{t('console.search.col.assignee')}</th>}
            <th scope="col">{t('console.search.col.received')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr data-row>
              {props.selectForm && (
                <td>
                  <input
                    type="checkbox"
                    name="reference"
                    value={c.reference}
                    form={props.selectForm}
                    id={`select-${c.reference}`}
                    aria-label={t('console.search.selectRow', { reference: c.reference })}
                    data-select-row
                  />
                </td>
              )}
              <th scope="row" data-label={t('console.search.col.reference')}>
                <a href={complaintHref(c.reference)} data-open>
                  {c.reference}
                </a>
              </th>
              <td data-label={t('console.search.col.subject')}>{c.subject}</td>
              <td data-label={t('console.search.col.severity')}>{c.severity ? t('console.search.severity', { value: c.severity }) : <span class="muted">{t('console.search.unclassified')}</span>}</td>
              <td data-label={t('console.search.col.status')}>{statusText(c, t)}</td>
              <td data-label={t('console.search.col.clock')}>
                <StageClock stage={c.stage} t={t} {...(props.now ? { now: props.now } : {})} />
              </td>
              {props.withAssignee && (
                <td data-label={t('console.search.col.assignee')}>
                  {c.assignee ?? <span class="muted">{t('console.search.unassigned')}</span>}
                  {' · '}
                  {c.team ?? <span class="muted">{t('console.search.noTeam')}</span>}
                </td>
              )}
              <td data-label={t('console.search.col.received')}>{formatInstant(c.receivedAt, language, null) ?? c.receivedAt}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
