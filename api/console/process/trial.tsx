// Trying a version before it counts: one path simulated (its stage clocks and timeline as tables)
// and the backtest report (past complaints replayed through it, compared with what was recorded).
import type { z } from '@hono/zod-openapi';
import type { backtestSchema, simulationSchema } from '../../staff/process-simulation.schemas.js';
import type { StaffSession } from '../env.js';
import { CsrfField } from '../pages/csrf-field.js';
import { IssueList, Refusal, versionPath, when, type PathIssue } from './view.js';

export type SimulationView = z.output<typeof simulationSchema>;
export type BacktestView = z.output<typeof backtestSchema>;

const DAY = 86_400_000;

/** A path to start from: received now (to the hour), classified a day later, a proposal two days after, accepted the next day. */
export function examplePath(now: Date = new Date()): { receivedAt: string; events: string } {
  const received = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  const at = (days: number) => new Date(received.getTime() + days * DAY).toISOString();
  const events = [
    { kind: 'decision', at: at(1), decision: { type: 'classify', category: 'product_defect', product: 'WM-8000', severity: 'high', department: 'after_sales' } },
    { kind: 'decision', at: at(3), decision: { type: 'propose_resolution', outcome: 'upheld', summary: 'We repair the machine at home.', remedy: 'repair' } },
    { kind: 'customer', at: at(4), answer: { type: 'customer_accepted', round: 1 } },
  ];
  return { receivedAt: received.toISOString(), events: JSON.stringify(events, null, 2) };
}

export interface SimulateProps {
  staff: StaffSession;
  definitionId: string;
  version: number;
  timeZone: string;
  values: { receivedAt: string; events: string; until: string };
  issues?: PathIssue[];
  refusal?: string;
  result?: SimulationView;
}

const simulateField = (path: string) => (path === 'receivedAt' || path === 'until' ? `sim-${path}` : path.startsWith('events') ? 'sim-events' : undefined);

export function SimulatePage({ staff, definitionId, version, timeZone, values, issues = [], refusal, result }: SimulateProps) {
  const { t } = staff;
  const errorFor = (id: string) => issues.filter((i) => simulateField(i.path) === id);
  const attrs = (id: string) => (errorFor(id).length > 0 ? { 'aria-invalid': 'true', 'aria-describedby': `${id}-error` } : {});
  const fieldError = (id: string) => {
    const found = errorFor(id);
    return found.length > 0 ? (
      <p class="field-error" id={`${id}-error`}>
        {found.map((i) => `${i.path}: ${i.message}`).join(' ')}
      </p>
    ) : null;
  };
  return (
    <>
      <p>
        <a href={versionPath(definitionId, version)}>{t('console.process.editor.back', { version })}</a>
      </p>
      <p>{t('console.process.simulate.intro')}</p>
      <form method="post" action={`${versionPath(definitionId, version)}/simulate`} class="card">
        <IssueList staff={staff} issues={issues} id="simulate-issues" fieldFor={simulateField} />
        <Refusal staff={staff} message={refusal} />
        <CsrfField token={staff.csrfToken} />
        <label for="sim-receivedAt">{t('console.process.simulate.receivedAt')}</label>
        <input id="sim-receivedAt" name="receivedAt" value={values.receivedAt} size={30} required {...attrs('sim-receivedAt')} />
        {fieldError('sim-receivedAt')}
        <label for="sim-events">{t('console.process.simulate.events')}</label>
        <p class="muted" id="sim-events-hint">
          {t('console.process.simulate.eventsHint')}
        </p>
        <textarea id="sim-events" name="events" rows={14} class="code" spellcheck={false} {...attrs('sim-events')}>
          {values.events}
        </textarea>
        {fieldError('sim-events')}
        <label for="sim-until">{t('console.process.simulate.until')}</label>
        <input id="sim-until" name="until" value={values.until} size={30} {...attrs('sim-until')} />
        {fieldError('sim-until')}
        <p>
          <button type="submit">{t('console.process.simulate.submit')}</button>
        </p>
      </form>
      {result && <SimulationResult staff={staff} result={result} timeZone={timeZone} />}
    </>
  );
}

function SimulationResult({ staff, result, timeZone }: { staff: StaffSession; result: SimulationView; timeZone: string }) {
  const { t } = staff;
  const at = (iso: string | null) => when(staff, iso, timeZone);
  return (
    <section aria-labelledby="sim-result" class="simulation-result">
      <h2 id="sim-result">{t('console.process.simulate.result')}</h2>
      <dl class="facts">
        <dt>{t('console.process.simulate.final')}</dt>
        <dd>{t('console.process.simulate.finalStatus', { status: result.final.status, closure: result.final.closure ?? 'none' })}</dd>
        <dt>{t('console.process.simulate.stopped')}</dt>
        <dd>{t('console.process.simulate.stoppedBecause', { reason: result.stoppedBecause })}</dd>
        <dt>{t('console.process.simulate.until')}</dt>
        <dd>{at(result.simulatedUntil)}</dd>
        <dt>{t('console.process.simulate.escalationLevel')}</dt>
        <dd>{result.final.escalationLevel}</dd>
      </dl>
      <h3>{t('console.process.simulate.clocks')}</h3>
      <div class="table-wrap" tabindex={0}>
        <table id="simulation-stages">
          <thead>
            <tr>
              <th scope="col">{t('console.process.simulate.step')}</th>
              <th scope="col">{t('console.process.simulate.stage')}</th>
              <th scope="col">{t('console.process.simulate.at')}</th>
              <th scope="col">{t('console.process.simulate.warningAt')}</th>
              <th scope="col">{t('console.process.simulate.deadline')}</th>
              <th scope="col">{t('console.process.simulate.ended')}</th>
              <th scope="col">{t('console.process.simulate.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {result.stages.map((s, i) => (
              <tr>
                <td>{i + 1}</td>
                <th scope="row">{t('console.process.stage', { stage: s.stage })}</th>
                <td>{at(s.startedAt)}</td>
                <td>{at(s.warningAt)}</td>
                <td>{at(s.deadline)}</td>
                <td>{at(s.endedAt)}</td>
                <td>{t('console.process.simulate.stageOutcome', { outcome: s.outcome })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('console.process.simulate.timeline')}</h3>
      <div class="table-wrap" tabindex={0}>
        <table id="simulation-timeline">
          <thead>
            <tr>
              <th scope="col">{t('console.process.simulate.step')}</th>
              <th scope="col">{t('console.process.simulate.at')}</th>
              <th scope="col">{t('console.process.simulate.event')}</th>
              <th scope="col">{t('console.process.simulate.by')}</th>
              <th scope="col">{t('console.process.simulate.statusAfter')}</th>
            </tr>
          </thead>
          <tbody>
            {result.transitions.map((tr) => (
              <tr>
                <td>{tr.seq}</td>
                <td>{at(tr.at)}</td>
                <td>
                  <code>{tr.type}</code>
                </td>
                <td>{`${tr.actor.id} (${tr.actor.role})`}</td>
                <td>{tr.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result.refusals.length > 0 && (
        <>
          <h3>{t('console.process.simulate.refusals')}</h3>
          <ul>
            {result.refusals.map((r) => (
              <li>{t('console.process.simulate.refusal', { index: r.index, type: r.type, code: r.code, message: r.message, at: at(r.at) })}</li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('console.process.simulate.alerts')}</h3>
      <p>{t('console.process.simulate.alertCounts', { warnings: result.warnings.length, breaches: result.breaches.length, escalations: result.escalations.length, messages: result.messages.length })}</p>
      {result.breaches.length > 0 && (
        <ul>
          {result.breaches.map((b) => (
            <li>{t('console.process.simulate.breach', { stage: t('console.process.stage', { stage: b.stage }), at: at(b.at), owner: b.owner })}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

export interface BacktestProps {
  staff: StaffSession;
  definitionId: string;
  version: number;
  values: { from: string; to: string; limit: string; filedUnder: string };
  issues?: PathIssue[];
  refusal?: string;
  result?: BacktestView;
}

const backtestField = (path: string) =>
  path.startsWith('received.from') ? 'bt-from' : path.startsWith('received.to') ? 'bt-to' : path === 'limit' ? 'bt-limit' : path === 'filedUnder' ? 'bt-filedUnder' : undefined;

export function BacktestPage({ staff, definitionId, version, values, issues = [], refusal, result }: BacktestProps) {
  const { t } = staff;
  const attrs = (id: string) => (issues.some((i) => backtestField(i.path) === id) ? { 'aria-invalid': 'true', 'aria-describedby': 'backtest-issues' } : {});
  return (
    <>
      <p>
        <a href={versionPath(definitionId, version)}>{t('console.process.editor.back', { version })}</a>
      </p>
      <p>{t('console.process.backtest.intro')}</p>
      <form method="post" action={`${versionPath(definitionId, version)}/backtest`} class="card">
        <IssueList staff={staff} issues={issues} id="backtest-issues" fieldFor={backtestField} />
        <Refusal staff={staff} message={refusal} />
        <CsrfField token={staff.csrfToken} />
        <label for="bt-from">{t('console.process.backtest.from')}</label>
        <input id="bt-from" name="from" type="date" value={values.from} required {...attrs('bt-from')} />
        <label for="bt-to">{t('console.process.backtest.to')}</label>
        <input id="bt-to" name="to" type="date" value={values.to} required {...attrs('bt-to')} />
        <label for="bt-limit">{t('console.process.backtest.limit')}</label>
        <input id="bt-limit" name="limit" inputmode="numeric" value={values.limit} size={8} {...attrs('bt-limit')} />
        <label for="bt-filedUnder">{t('console.process.backtest.filedUnder')}</label>
        <input id="bt-filedUnder" name="filedUnder" value={values.filedUnder} size={30} {...attrs('bt-filedUnder')} />
        <p>
          <button type="submit">{t('console.process.backtest.submit')}</button>
        </p>
      </form>
      {result && <BacktestReport staff={staff} report={result} />}
    </>
  );
}

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)} %`);
const hours = (h: number | null) => (h === null ? '—' : h.toFixed(1));

function BacktestReport({ staff, report }: { staff: StaffSession; report: BacktestView }) {
  const { t } = staff;
  const c = report.complaints;
  return (
    <section aria-labelledby="bt-result" class="backtest-result">
      <h2 id="bt-result">{t('console.process.backtest.result')}</h2>
      <p>
        {t('console.process.backtest.summary', {
          matched: c.matched,
          replayed: c.replayed,
          notStarted: c.notStarted,
          withRefusals: c.withRefusals,
          closedAsWas: c.closed.asWas,
          closedDraft: c.closed.draft,
        })}
      </p>
      {c.truncated && <p class="notice">{t('console.process.backtest.truncated', { limit: c.limit })}</p>}
      <h3>{t('console.process.backtest.stages')}</h3>
      <div class="table-wrap" tabindex={0}>
        <table id="backtest-stages">
          <thead>
            <tr>
              <th scope="col">{t('console.process.simulate.stage')}</th>
              <th scope="col">{t('console.process.backtest.complaints')}</th>
              <th scope="col">{t('console.process.backtest.onTimeAsWas')}</th>
              <th scope="col">{t('console.process.backtest.onTimeDraft')}</th>
              <th scope="col">{t('console.process.backtest.shift')}</th>
              <th scope="col">{t('console.process.backtest.breaches')}</th>
              <th scope="col">{t('console.process.backtest.escalations')}</th>
            </tr>
          </thead>
          <tbody>
            {report.stages.map((s) => (
              <tr>
                <th scope="row">{t('console.process.stage', { stage: s.stage })}</th>
                <td>{s.overall.complaints}</td>
                <td>{percent(s.overall.onTime.asWas.rate)}</td>
                <td>{percent(s.overall.onTime.draft.rate)}</td>
                <td>{t('console.process.backtest.shiftValue', { p50: hours(s.overall.deadlineShift.p50Hours), p90: hours(s.overall.deadlineShift.p90Hours) })}</td>
                <td>{t('console.process.backtest.countChange', { asWas: s.overall.breaches.asWas, draft: s.overall.breaches.draft })}</td>
                <td>{t('console.process.backtest.countChange', { asWas: s.overall.escalations.asWas, draft: s.overall.escalations.draft })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.refusals.length > 0 && (
        <>
          <h3>{t('console.process.backtest.refusals')}</h3>
          <ul>
            {report.refusals.map((r) => (
              <li>{t('console.process.backtest.refusal', { type: r.type, code: r.code, count: r.count })}</li>
            ))}
          </ul>
        </>
      )}
      {report.workload.length > 0 && (
        <>
          <h3>{t('console.process.backtest.workload')}</h3>
          <div class="table-wrap" tabindex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('console.process.backtest.week')}</th>
                  <th scope="col">{t('console.process.backtest.team')}</th>
                  <th scope="col">{t('console.process.backtest.new')}</th>
                  <th scope="col">{t('console.process.backtest.inProgress')}</th>
                </tr>
              </thead>
              <tbody>
                {report.workload.slice(0, 200).map((w) => (
                  <tr>
                    <td>{w.week}</td>
                    <td>{w.team}</td>
                    <td>{t('console.process.backtest.countChange', { asWas: w.new.asWas, draft: w.new.draft })}</td>
                    <td>{t('console.process.backtest.countChange', { asWas: w.inProgress.asWas, draft: w.inProgress.draft })}</td>
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
