// The complaint page: where it stands and its clock, the customer (as the API lets this role read
// them), who else has it open, the decisions allowed now, notes and corrective actions, the
// timeline, the communication record and the attachments.
import type { Role } from '../../../domain/complaint.js';
import type { ComplaintView, PossibleDuplicateView } from '../../staff/complaints.schemas.js';
import type { ConsoleTranslate, ConsoleMessageKey } from '../../../texts/console/translate.js';
import { hasConsoleMessage } from '../../../texts/console/translate.js';
import { PostButton } from '../pages/post-button.js';
import { StageClock } from '../pages/clock.js';
import { DecisionForm, type RefusedForm } from './decision-forms.js';
import { FiledNotice } from '../intake/new-complaint-page.js';
import type { Viewer } from './presence.js';
import { lifecycleOf, type ComplaintPageData, type FormatInstant, type TimelineEntry } from './view.js';

export interface PageState {
  /** A decision just taken (after the redirect). */
  done?: string | undefined;
  /** A message just sent again. */
  retried?: string | undefined;
  /** The form refused by the API, to show again with its errors. */
  refused?: RefusedForm | null;
  /** A refusal not tied to a shown form (a role, a message that cannot be retried). */
  alert?: string | null;
  /** The complaint changed after the page was opened (412). */
  stale?: boolean;
  /** Just filed on the console by this person: its tracking PIN, shown this once. */
  filed?: { reference: string; pin: string } | undefined;
}

const RETRYABLE = new Set(['failed', 'bounced', 'skipped']);
const RETRYING_ROLES: readonly Role[] = ['agent', 'supervisor', 'admin'];

function label(t: ConsoleTranslate, key: string, fallback: string): string {
  return hasConsoleMessage(key) ? t(key) : fallback;
}

function Facts({ rows }: { rows: [string, unknown][] }) {
  return (
    <dl class="facts">
      {rows.map(([term, value]) => (
        <>
          <dt>{term}</dt>
          <dd>{value === null || value === undefined || value === '' ? '—' : (value as string)}</dd>
        </>
      ))}
    </dl>
  );
}

export function ViewerList({ viewers, t }: { viewers: readonly Viewer[]; t: ConsoleTranslate }) {
  if (viewers.length === 0) return <p class="muted">{t('console.complaint.viewers.none')}</p>;
  return (
    <p>
      {t('console.complaint.viewers.some', { count: viewers.length })}{' '}
      <span class="viewers">
        {viewers.map((v, i) => (
          <>
            {i > 0 && ', '}
            <strong class="viewer">{v.name}</strong>
          </>
        ))}
      </span>
    </p>
  );
}

/**
 * An event's data as label: value pairs (free text as written, instants in the reader's language).
 * What is empty at any depth is left out: a migration records `{ old: null, new: null }` for the
 * deadlines a complaint does not have.
 */
function EventData({ entry, t, at }: { entry: TimelineEntry; t: ConsoleTranslate; at: FormatInstant }) {
  const show = (value: unknown): string => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}T/.test(value) ? at(value) : value;
    if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(1);
    if (typeof value === 'boolean') return t(value ? 'console.complaint.yes' : 'console.complaint.no');
    if (Array.isArray(value)) return value.map(show).filter((v) => v !== '').join(', ');
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => [k, show(v)] as const)
      .filter(([, shown]) => shown !== '')
      .map(([k, shown]) => `${label(t, `console.complaint.field.${k}`, k)}: ${shown}`)
      .join('; ');
  };
  const pairs = Object.entries(entry.data)
    .filter(([k]) => k !== 'type')
    .map(([k, v]) => [k, show(v)] as const)
    .filter(([, shown]) => shown !== '');
  if (pairs.length === 0) return null;
  return (
    <dl class="facts event-data">
      {pairs.map(([key, shown]) => (
        <>
          <dt>{label(t, `console.complaint.field.${key}`, key)}</dt>
          <dd class="prewrap">{shown}</dd>
        </>
      ))}
    </dl>
  );
}

/** The earlier, closed complaint this one repeats (`link_repeat`): history the agent reads before deciding. */
function RepeatOf(props: { link: NonNullable<ComplaintView['repeatOf']>; repeated: ComplaintView | null; t: ConsoleTranslate; at: FormatInstant; who: (id: string) => string | null }) {
  const { link, repeated, t, at } = props;
  return (
    <section class="card" aria-labelledby="repeat-title" id="repeat-of">
      <h2 id="repeat-title">{t('console.complaint.repeat.title')}</h2>
      <p>{t('console.complaint.repeat.text', { reference: link.reference, who: props.who(link.linkedBy) ?? link.linkedBy, at: at(link.linkedAt) })}</p>
      <Facts
        rows={[
          [t('console.complaint.duplicates.reference'), <a href={`/console/complaints/${link.reference}`}>{link.reference}</a>],
          [t('console.complaint.repeat.subject'), repeated?.subject],
          [t('console.complaint.repeat.received'), at(repeated?.receivedAt)],
          [t('console.complaint.repeat.closed'), at(repeated?.closedAt)],
        ]}
      />
    </section>
  );
}

/** Earlier complaints of the same customer or with a very similar text, as the API found them just now. */
function PossibleDuplicates({ duplicates, t, at }: { duplicates: readonly PossibleDuplicateView[] | null; t: ConsoleTranslate; at: FormatInstant }) {
  return (
    <section aria-labelledby="duplicates-title" id="possible-duplicates">
      <h2 id="duplicates-title">{t('console.complaint.duplicates.title')}</h2>
      {duplicates === null ? (
        <p class="muted">{t('console.complaint.duplicates.unknown')}</p>
      ) : duplicates.length === 0 ? (
        <p class="muted">{t('console.complaint.duplicates.none')}</p>
      ) : (
        <>
          <p class="muted">{t('console.complaint.duplicates.intro')}</p>
          <div class="table-wrap" tabindex={0} role="region" aria-labelledby="duplicates-title">
            <table class="duplicates">
              <caption class="visually-hidden">{t('console.complaint.duplicates.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('console.complaint.duplicates.reference')}</th>
                  <th scope="col">{t('console.complaint.duplicates.subject')}</th>
                  <th scope="col">{t('console.complaint.duplicates.status')}</th>
                  <th scope="col">{t('console.complaint.duplicates.received')}</th>
                  <th scope="col">{t('console.complaint.duplicates.customer')}</th>
                  <th scope="col">{t('console.complaint.duplicates.why')}</th>
                  <th scope="col">{t('console.complaint.duplicates.score')}</th>
                </tr>
              </thead>
              <tbody>
                {duplicates.map((d) => (
                  <tr data-duplicate={d.reference}>
                    <td>
                      <a href={`/console/complaints/${d.reference}`}>{d.reference}</a>
                    </td>
                    <td>{d.subject}</td>
                    <td>
                      {t('console.complaint.status', { status: d.status })}
                      {d.closure && <div class="muted">{t('console.complaint.closure', { closure: d.closure })}</div>}
                    </td>
                    <td>{at(d.receivedAt)}</td>
                    <td>
                      {d.customer.name}
                      {(d.customer.email ?? d.customer.phone) && <div class="muted recipient">{d.customer.email ?? d.customer.phone}</div>}
                    </td>
                    <td>{t('console.complaint.duplicates.reason', { why: d.why })}</td>
                    <td>{t('console.complaint.duplicates.scoreValue', { score: d.score })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

export function ComplaintPage(props: {
  data: ComplaintPageData;
  role: Role;
  csrfToken: string;
  t: ConsoleTranslate;
  at: FormatInstant;
  viewers: readonly Viewer[];
  state: PageState;
}) {
  const { data, t, at, state } = props;
  const { complaint, directory } = data;
  const ref = complaint.reference;
  const lifecycle = lifecycleOf(complaint);
  const who = (id: string | null | undefined) => (id ? (directory.people.get(id) ?? id) : null);
  const stage = complaint.stage;
  const pending = lifecycle.pendingInfoRequest ?? null;
  const notes = data.timeline.filter((e) => e.type === 'note');
  const actions = lifecycle.correctiveActions ?? [];
  const allowed = complaint.allowedDecisions;
  const classification = lifecycle.classification ?? null;
  return (
    <>
      {state.filed && <FiledNotice t={t} reference={state.filed.reference} pin={state.filed.pin} />}
      {state.done && (
        <div class="notice" role="status">
          <p>{t('console.complaint.notice.done', { decision: label(t, `console.complaint.decision.${state.done}`, state.done) })}</p>
        </div>
      )}
      {state.retried && (
        <div class="notice" role="status">
          <p>{t('console.complaint.notice.retried')}</p>
        </div>
      )}
      {state.stale && (
        <div class="form-errors" role="alert">
          <p>{t('console.complaint.notice.stale')}</p>
        </div>
      )}
      {state.alert && (
        <div class="form-errors" role="alert">
          <p>{t('console.shell.formErrors.refused', { message: state.alert })}</p>
        </div>
      )}

      <p class="lede">
        <span class="badge">{t('console.complaint.status', { status: complaint.status })}</span>{' '}
        {complaint.closure && <span class="badge">{t('console.complaint.closure', { closure: complaint.closure })}</span>}{' '}
        <StageClock stage={stage} t={t} />
      </p>

      <section aria-labelledby="viewers-title" class="viewers-box">
        <h2 id="viewers-title" class="visually-hidden">
          {t('console.complaint.viewers.title')}
        </h2>
        <div id="viewers" hx-get={`/console/complaints/${ref}/viewers`} hx-trigger="load, every 15s" hx-swap="innerHTML" aria-live="polite" data-leave={`/console/complaints/${ref}/viewers/leave`} data-csrf={props.csrfToken}>
          <ViewerList viewers={props.viewers} t={t} />
        </div>
      </section>

      {pending && stage?.paused && (
        <section class="card paused" aria-labelledby="paused-title">
          <h2 id="paused-title">{t('console.complaint.paused.title')}</h2>
          <Facts
            rows={[
              [t('console.complaint.paused.since'), at(lifecycle.stage?.pausedAt ?? pending.askedAt)],
              [t('console.complaint.paused.asked'), pending.question],
              [t('console.complaint.paused.askedBy'), who(pending.askedBy)],
              [t('console.complaint.paused.due'), at(complaint.answerDueAt)],
            ]}
          />
        </section>
      )}

      <div class="grid">
        <section class="card" aria-labelledby="where-title">
          <h2 id="where-title">{t('console.complaint.where.title')}</h2>
          <Facts
            rows={[
              [t('console.complaint.where.stage'), stage ? t('console.complaint.stage', { stage: stage.id }) : null],
              [t('console.complaint.where.clock'), <StageClock stage={stage} t={t} />],
              [t('console.complaint.where.started'), at(stage?.startedAt)],
              [t('console.complaint.where.warningAt'), at(stage?.warningAt)],
              [t('console.complaint.where.deadline'), at(stage?.deadline)],
              [t('console.complaint.where.answerDue'), at(complaint.answerDueAt)],
              [t('console.complaint.where.progressUpdate'), at(complaint.progressUpdateAt)],
              [t('console.complaint.where.round'), String(complaint.round)],
              [t('console.complaint.where.escalation'), complaint.escalationLevel],
              [t('console.complaint.where.breaches'), String(complaint.breachCount)],
              [t('console.complaint.where.received'), at(complaint.receivedAt)],
              [t('console.complaint.where.channel'), t('console.complaint.option.channel', { value: complaint.channel })],
              ...(complaint.entry.frontOffice ? [[t('console.complaint.where.frontOffice'), complaint.entry.frontOffice] as [string, unknown]] : []),
              ...(complaint.entry.intermediary ? [[t('console.complaint.where.intermediary'), complaint.entry.intermediary] as [string, unknown]] : []),
              ...(complaint.entry.enteredBy ? [[t('console.complaint.where.enteredBy'), who(complaint.entry.enteredBy)] as [string, unknown]] : []),
              ...(complaint.entry.enteredAt && complaint.entry.enteredAt !== complaint.receivedAt
                ? [[t('console.complaint.where.enteredAt'), at(complaint.entry.enteredAt)] as [string, unknown]]
                : []),
              [t('console.complaint.where.process'), complaint.processVersion],
            ]}
          />
        </section>
        <section class="card" aria-labelledby="handling-title">
          <h2 id="handling-title">{t('console.complaint.handling.title')}</h2>
          <Facts
            rows={[
              [t('console.complaint.field.category'), complaint.category],
              [t('console.complaint.field.product'), complaint.product],
              [t('console.complaint.field.severity'), complaint.severity && t('console.complaint.option.severity', { value: complaint.severity })],
              [t('console.complaint.field.department'), complaint.department ?? classification?.department],
              [t('console.complaint.field.team'), complaint.team],
              [t('console.complaint.field.assignee'), who(complaint.assignee)],
            ]}
          />
        </section>
        <section class="card customer" aria-labelledby="customer-title">
          <h2 id="customer-title">{t('console.complaint.customer.title')}</h2>
          <Facts
            rows={[
              [t('console.complaint.customer.name'), complaint.customer.name],
              [t('console.complaint.customer.email'), complaint.customer.email],
              [t('console.complaint.customer.phone'), complaint.customer.phone],
              [t('console.complaint.customer.postalAddress'), complaint.customer.postalAddress && <span class="prewrap">{complaint.customer.postalAddress}</span>],
              [t('console.complaint.customer.locale'), complaint.customer.locale],
              [t('console.complaint.customer.country'), complaint.customer.country],
            ]}
          />
          {complaint.customer.masked && <p class="muted">{t('console.complaint.customer.masked')}</p>}
        </section>
      </div>

      <section class="card" aria-labelledby="complaint-text-title">
        <h2 id="complaint-text-title">{complaint.subject}</h2>
        <p class="prewrap">{complaint.description}</p>
      </section>

      {complaint.repeatOf && <RepeatOf link={complaint.repeatOf} repeated={data.repeated} t={t} at={at} who={who} />}

      <PossibleDuplicates duplicates={complaint.possibleDuplicates} t={t} at={at} />

      <section aria-labelledby="decisions-title" id="decisions">
        <h2 id="decisions-title">{t('console.complaint.decisions.title')}</h2>
        {allowed === null ? (
          <p class="form-errors">{t('console.complaint.decisions.unknown')}</p>
        ) : allowed.length === 0 ? (
          <p class="muted">{complaint.status === 'closed' ? t('console.complaint.decisions.closed') : t('console.complaint.decisions.none')}</p>
        ) : (
          <div class="grid decisions">
            {allowed.map((type) => (
              <DecisionForm
                type={type}
                reference={ref}
                etag={data.etag}
                csrfToken={props.csrfToken}
                t={t}
                sources={{ directory, lifecycle, vocabulary: data.vocabulary, possibleDuplicates: complaint.possibleDuplicates ?? [] }}
                refused={state.refused ?? null}
              />
            ))}
          </div>
        )}
      </section>

      <section aria-labelledby="notes-title">
        <h2 id="notes-title">{t('console.complaint.notes.title')}</h2>
        {notes.length === 0 ? (
          <p class="muted">{t('console.complaint.notes.none')}</p>
        ) : (
          <ul class="notes">
            {notes.map((n) => (
              <li>
                <p class="prewrap">{String(n.data.text ?? '')}</p>
                <p class="muted">{t('console.complaint.byAt', { who: who(n.actor.id) ?? n.actor.id, at: at(n.at) })}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="actions-title">
        <h2 id="actions-title">{t('console.complaint.actions.title')}</h2>
        {actions.length === 0 ? (
          <p class="muted">{t('console.complaint.actions.none')}</p>
        ) : (
          <div class="table-wrap" tabindex={0} role="region" aria-labelledby="actions-title">
            <table>
              <caption class="visually-hidden">{t('console.complaint.actions.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('console.complaint.actions.id')}</th>
                  <th scope="col">{t('console.complaint.field.rootCause')}</th>
                  <th scope="col">{t('console.complaint.field.action')}</th>
                  <th scope="col">{t('console.complaint.field.owner')}</th>
                  <th scope="col">{t('console.complaint.field.dueDate')}</th>
                </tr>
              </thead>
              <tbody>
                {actions.map((a) => (
                  <tr>
                    <td>{a.id}</td>
                    <td class="prewrap">{a.rootCause}</td>
                    <td class="prewrap">{a.action}</td>
                    <td>{who(a.owner)}</td>
                    <td>{at(a.dueDate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('console.complaint.timeline.title')}</h2>
        {data.timeline.length === 0 ? (
          <p class="muted">{t('console.complaint.timeline.none')}</p>
        ) : (
          <ol class="timeline">
            {[...data.timeline].reverse().map((e) => (
              <li data-event={e.type}>
                <p>
                  <strong>{t('console.complaint.event', { type: e.type })}</strong>{' '}
                  <span class="muted">
                    {t('console.complaint.eventBy', {
                      who: who(e.actor.id) ?? e.actor.id,
                      role: t('console.shell.role', { role: e.actor.role }),
                      at: at(e.at),
                    })}
                  </span>
                </p>
                <EventData entry={e} t={t} at={at} />
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="messages-title">
        <h2 id="messages-title">{t('console.complaint.messages.title')}</h2>
        {data.messages.length === 0 ? (
          <p class="muted">{t('console.complaint.messages.none')}</p>
        ) : (
          <div class="table-wrap" tabindex={0} role="region" aria-labelledby="messages-title">
            <table class="messages">
              <caption class="visually-hidden">{t('console.complaint.messages.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('console.complaint.messages.when')}</th>
                  <th scope="col">{t('console.complaint.messages.to')}</th>
                  <th scope="col">{t('console.complaint.messages.subject')}</th>
                  <th scope="col">{t('console.complaint.messages.status')}</th>
                  <th scope="col">{t('console.complaint.messages.attempts')}</th>
                  <th scope="col">{t('console.complaint.messages.lastError')}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t('console.complaint.messages.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.messages.map((m) => (
                  <tr data-message={m.id}>
                    <td>{at(m.createdAt)}</td>
                    <td>
                      {t('console.complaint.messages.channel', { channel: m.channel })}
                      <br />
                      <span class="recipient">{m.recipient}</span>
                    </td>
                    <td>{m.subject}</td>
                    <td>
                      <span class={`badge delivery-${m.status}`}>{t('console.complaint.messages.delivery', { status: m.status })}</span>
                      {m.deliveredAt && <div class="muted">{at(m.deliveredAt)}</div>}
                      {!m.deliveredAt && m.sentAt && <div class="muted">{at(m.sentAt)}</div>}
                      {m.nextAttemptAt && <div class="muted">{t('console.complaint.messages.nextAttempt', { at: at(m.nextAttemptAt) })}</div>}
                      {m.retriedBy && <div class="muted">{t('console.complaint.messages.retriedBy', { who: who(m.retriedBy) ?? m.retriedBy, at: at(m.retriedAt) })}</div>}
                    </td>
                    <td>{String(m.attempts)}</td>
                    <td>{m.lastError ?? '—'}</td>
                    <td>
                      {RETRYABLE.has(m.status) && RETRYING_ROLES.includes(props.role) && (
                        <PostButton action={`/console/complaints/${ref}/messages/${m.id}/retry`} csrf={props.csrfToken} formClass="inline" button={{ class: 'secondary', 'aria-label': t('console.complaint.messages.retryOne', { subject: m.subject }) }}>
                          {t('console.complaint.messages.retry')}
                        </PostButton>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="attachments-title">
        <h2 id="attachments-title">{t('console.complaint.attachments.title')}</h2>
        {data.attachments.length === 0 ? (
          <p class="muted">{t('console.complaint.attachments.none')}</p>
        ) : (
          <ul class="attachments">
            {data.attachments.map((a) => (
              <li>
                <a href={`/console/complaints/${ref}/attachments/${a.id}`} download={a.name}>
                  {a.name}
                </a>{' '}
                <span class="muted">{t('console.complaint.attachments.size', { type: a.contentType, kb: Math.max(1, Math.round(a.sizeBytes / 1024)), at: at(a.createdAt) })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export type { ConsoleMessageKey };
