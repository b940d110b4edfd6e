// My work: what is assigned to me, my live claims, one section per team queue (its count, how
// many are at risk or breached, the first in fair order, claim next), and my saved queues with
// their counts. Keyboard: queues.js moves between rows (j/k), opens (o/Enter), claims (c).
import type { ConsoleTranslate } from '../../../texts/console/translate.js';
import type { ConsoleLanguage } from '../../../texts/console/languages.js';
import { formatInstant } from '../../../texts/format.js';
import type { ComplaintView } from '../../staff/complaints.schemas.js';
import { CsrfField } from '../pages/csrf-field.js';
import { PostButton } from '../pages/post-button.js';
import { ComplaintTable, complaintHref } from '../search/complaint-table.js';
import { ShortcutsDialog } from '../search/search-page.js';
import type { SavedQueue } from './saved-queues.js';

export interface TeamQueue {
  id: string;
  name: string;
  /** The first of the queue in fair order (QUEUE_FIRST), or nothing and why it could not be read. */
  items: ComplaintView[];
  /** The API's counts of the whole queue: how many wait, how many of them are at risk, how many overdue. */
  counts: { total: number; atRisk: number; overdue: number };
  error?: string;
}

export interface LiveClaim {
  reference: string;
  team: string;
  claimedAt: string;
  assignment: string;
}

export interface SavedQueueRow extends SavedQueue {
  total?: { count: number; exact: boolean };
  error?: string;
}

export interface MyWorkProps {
  t: ConsoleTranslate;
  language: ConsoleLanguage;
  csrf: string;
  mine: { items: ComplaintView[]; total: { count: number; exact: boolean } } | { error: string };
  claims: LiveClaim[];
  teams: TeamQueue[];
  saved: SavedQueueRow[];
  /** A message after a post (role=status), or a refusal (role=alert). */
  notice?: { kind: 'ok' | 'refused'; text: string };
  now: Date;
}

/** Rows of a queue shown on My work; the rest are counted (by the API, over the whole queue). */
export const QUEUE_FIRST = 5;

function Notice({ notice }: { notice: MyWorkProps['notice'] }) {
  if (!notice) return null;
  return notice.kind === 'ok' ? (
    <p class="notice" role="status">
      {notice.text}
    </p>
  ) : (
    <div class="form-errors" role="alert">
      <p>{notice.text}</p>
    </div>
  );
}

function TeamSection({ team, props, first }: { team: TeamQueue; props: MyWorkProps; first: boolean }) {
  const { t } = props;
  // The API's overdue are the clocks shown red (breached), its at-risk the amber ones.
  const { total, atRisk, overdue: breached } = team.counts;
  const headingId = `team-${team.id}`;
  return (
    <section class="card team-queue" aria-labelledby={headingId} data-team={team.id}>
      <h3 id={headingId}>{t('console.queues.team.heading', { team: team.name })}</h3>
      {team.error ? (
        <p class="form-errors">{t('console.queues.team.readFailed', { message: team.error })}</p>
      ) : (
        <p class="queue-counts" data-count={total} data-at-risk={atRisk} data-breached={breached}>
          <strong>{t('console.queues.team.count', { count: total })}</strong>
          {' · '}
          <span class={atRisk ? 'clock-warning' : undefined}>{t('console.queues.team.atRisk', { count: atRisk })}</span>
          {' · '}
          <span class={breached ? 'clock-breached' : undefined}>{t('console.queues.team.breached', { count: breached })}</span>
        </p>
      )}
      <PostButton
        action={`/console/queues/${encodeURIComponent(team.id)}/claim`}
        csrf={props.csrf}
        formClass="inline"
        button={{ 'data-claim': team.id, ...(first ? { 'data-claim-default': '' } : {}), 'aria-label': t('console.queues.claimNextLabel', { team: team.name }) }}
      >
        {t('console.queues.claimNext')}
      </PostButton>
      {team.items.length === 0 ? (
        !team.error && <p class="muted">{t('console.queues.team.empty')}</p>
      ) : (
        <>
          <h4>{t('console.queues.team.first')}</h4>
          <ComplaintTable items={team.items} t={t} language={props.language} caption={`${team.name}: ${t('console.queues.team.first')}`} now={props.now} />
        </>
      )}
    </section>
  );
}

function SavedQueues({ props }: { props: MyWorkProps }) {
  const { t } = props;
  if (props.saved.length === 0) return <p class="muted">{t('console.queues.saved.none')}</p>;
  return (
    <div class="table-wrap">
      <table class="saved-queues">
        <caption class="visually-hidden">{t('console.queues.saved.heading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('console.queues.saved.col.name')}</th>
            <th scope="col">{t('console.queues.saved.col.count')}</th>
            <th scope="col">{t('console.queues.saved.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {props.saved.map((q, i) => (
            <tr data-row data-saved-queue={q.name}>
              <th scope="row">
                <a href={`/console/complaints${q.query ? `?${q.query}` : ''}`} data-open>
                  {q.name}
                </a>
              </th>
              <td>{q.total ? t('console.queues.saved.count', { count: q.total.count, exact: String(q.total.exact) }) : <span class="field-error">{t('console.queues.saved.unreadable', { message: q.error ?? '' })}</span>}</td>
              <td class="saved-actions">
                <form method="post" action={`/console/queues/saved/${q.id}/rename`} class="inline">
                  <CsrfField token={props.csrf} />
                  <label class="visually-hidden" for={`rename-${q.id}`}>
                    {t('console.queues.saved.renameLabel', { name: q.name })}
                  </label>
                  <input id={`rename-${q.id}`} name="name" value={q.name} maxlength={80} required size={14} />
                  <button type="submit" class="secondary">
                    {t('console.queues.saved.rename')}
                  </button>
                </form>
                {i > 0 && (
                  <PostButton action={`/console/queues/saved/${q.id}/up`} csrf={props.csrf} formClass="inline" button={{ class: 'secondary', 'aria-label': t('console.queues.saved.upLabel', { name: q.name }) }}>
                    {t('console.queues.saved.up')}
                  </PostButton>
                )}
                {i < props.saved.length - 1 && (
                  <PostButton action={`/console/queues/saved/${q.id}/down`} csrf={props.csrf} formClass="inline" button={{ class: 'secondary', 'aria-label': t('console.queues.saved.downLabel', { name: q.name }) }}>
                    {t('console.queues.saved.down')}
                  </PostButton>
                )}
                <PostButton action={`/console/queues/saved/${q.id}/delete`} csrf={props.csrf} formClass="inline" button={{ class: 'danger', 'aria-label': t('console.queues.saved.deleteLabel', { name: q.name }) }}>
                  {t('console.queues.saved.delete')}
                </PostButton>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Claims({ props }: { props: MyWorkProps }) {
  const { t } = props;
  if (props.claims.length === 0) return <p class="muted">{t('console.queues.claims.none')}</p>;
  return (
    <div class="table-wrap">
      <table class="claims">
        <caption class="visually-hidden">{t('console.queues.claims.heading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('console.search.col.reference')}</th>
            <th scope="col">{t('console.queues.claims.col.team')}</th>
            <th scope="col">{t('console.queues.claims.col.claimedAt')}</th>
            <th scope="col">{t('console.queues.claims.col.assignment')}</th>
            <th scope="col">{t('console.queues.claims.col.action')}</th>
          </tr>
        </thead>
        <tbody>
          {props.claims.map((claim) => (
            <tr data-row>
              <th scope="row">
                <a href={complaintHref(claim.reference)} data-open>
                  {claim.reference}
                </a>
              </th>
              <td>{claim.team}</td>
              <td>{formatInstant(claim.claimedAt, props.language, null) ?? claim.claimedAt}</td>
              <td>{t('console.queues.claims.assignment', { state: claim.assignment })}</td>
              <td>
                <PostButton action={`/console/queues/${encodeURIComponent(claim.team)}/release`} csrf={props.csrf} hidden={{ reference: claim.reference }} formClass="inline" button={{ class: 'secondary', 'aria-label': t('console.queues.releaseLabel', { reference: claim.reference }) }}>
                  {t('console.queues.release')}
                </PostButton>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function MyWorkPage({ props }: { props: MyWorkProps }) {
  const { t } = props;
  const mine = props.mine;
  return (
    <>
      <Notice notice={props.notice} />
      <div class="work-tools">
        <form method="get" action="/console/complaints" role="search" class="inline quick-search">
          <label for="quick-q">{t('console.queues.quickSearch')}</label>
          <input id="quick-q" name="q" type="search" data-shortcut="/" maxlength={200} />
          <button type="submit" class="secondary">
            {t('console.queues.quickSearch.submit')}
          </button>
        </form>
        <button type="button" class="secondary" data-shortcut="?" data-shortcuts-open aria-haspopup="dialog">
          {t('console.queues.shortcuts.open')}
        </button>
      </div>
      <section aria-labelledby="mine-heading">
        <h2 id="mine-heading">{t('console.queues.mine.heading')}</h2>
        {'error' in mine ? (
          <p class="form-errors">{mine.error}</p>
        ) : (
          <>
            <p data-mine-count={mine.total.count}>
              {t('console.queues.mine.count', { count: mine.total.count })} <a href="/console/complaints?assignee=me">{t('console.queues.mine.all')}</a>
            </p>
            {mine.items.length > 0 && <ComplaintTable items={mine.items} t={t} language={props.language} caption={t('console.queues.mine.heading')} now={props.now} />}
          </>
        )}
      </section>
      <section aria-labelledby="claims-heading">
        <h2 id="claims-heading">{t('console.queues.claims.heading')}</h2>
        <Claims props={props} />
      </section>
      <section aria-labelledby="teams-heading">
        <h2 id="teams-heading">{t('console.queues.teams.heading')}</h2>
        {props.teams.length === 0 ? (
          <p class="muted">{t('console.queues.teams.none')}</p>
        ) : (
          <div class="grid queues-grid">
            {props.teams.map((team, i) => (
              <TeamSection team={team} props={props} first={i === 0} />
            ))}
          </div>
        )}
      </section>
      <section aria-labelledby="saved-heading" id="saved-queues">
        <h2 id="saved-heading">{t('console.queues.saved.heading')}</h2>
        <SavedQueues props={props} />
      </section>
      <ShortcutsDialog t={t} />
    </>
  );
}
