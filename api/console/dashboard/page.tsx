// The dashboard page: the filter form (GET; the API's 400s beside its fields), the figures of the
// chosen period, department and team, and one card per chart — a canvas Chart.js draws (dashboard.js reads the chart's
// data from a JSON block: no inline script under the CSP), the same numbers as a table, and a CSV
// link with the same filters.
import type { ConsoleTranslate } from '../../../texts/console/translate.js';
import type { ConsoleLanguage } from '../../../texts/console/languages.js';
import type { ApiError } from '../api-client.js';
import { FieldError, fieldAttributes, FormErrorSummary, issuesByPath } from '../pages/form-errors.js';
import type { Chart, DashboardData, Option } from './charts.js';
import { filterQuery, INTERVALS, PRESETS, type DashboardFilters } from './filters.js';

const FORM_ID = 'dashboard-filters';

export function DashboardView({ data, filters, t, language }: { data: DashboardData; filters: DashboardFilters; t: ConsoleTranslate; language: ConsoleLanguage }) {
  const error = data.ok ? undefined : data.error;
  return (
    <>
      <FilterForm filters={filters} error={error} departments={data.departments} teams={data.teams} t={t} />
      {data.ok && (
        <>
          <Scope data={data} filters={filters} t={t} />
          <Summary data={data} t={t} language={language} />
          <div class="dashboard-charts">
            {data.charts.map((chart) => (
              <ChartCard chart={chart} query={filterQuery(filters)} t={t} language={language} />
            ))}
          </div>
        </>
      )}
    </>
  );
}

function FilterForm({ filters, error, departments, teams, t }: { filters: DashboardFilters; error: ApiError | undefined; departments: Option[]; teams: Option[]; t: ConsoleTranslate }) {
  const issues = issuesByPath(error);
  const field = (path: string) => fieldAttributes(issues, FORM_ID, path);
  return (
    <form method="get" action="/console/dashboard" id={FORM_ID} class="dashboard-filters" aria-label={t('console.dashboard.filters')}>
      <FormErrorSummary error={error} issues={issues} t={t} fieldIds={{ from: 'dashboard-from', to: 'dashboard-to', groupBy: 'dashboard-interval', department: 'dashboard-department', team: 'dashboard-team' }} />
      <div class="filter-row">
        <div>
          <label for="dashboard-preset">{t('console.dashboard.preset')}</label>
          <select id="dashboard-preset" name="preset">
            {PRESETS.map((p) => (
              <option value={p} selected={p === filters.preset}>
                {t(`console.dashboard.preset.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="dashboard-from">{t('console.dashboard.from')}</label>
          <input type="date" id="dashboard-from" name="from" value={filters.from} {...field('from')} />
          <FieldError issues={issues} formId={FORM_ID} path="from" />
        </div>
        <div>
          <label for="dashboard-to">{t('console.dashboard.to')}</label>
          <input type="date" id="dashboard-to" name="to" value={filters.to} {...field('to')} />
          <FieldError issues={issues} formId={FORM_ID} path="to" />
        </div>
        <div>
          <label for="dashboard-interval">{t('console.dashboard.interval')}</label>
          <select id="dashboard-interval" name="interval" {...field('groupBy')}>
            {INTERVALS.map((i) => (
              <option value={i} selected={i === filters.interval}>
                {t('console.dashboard.interval.option', { interval: i })}
              </option>
            ))}
          </select>
          <FieldError issues={issues} formId={FORM_ID} path="groupBy" />
        </div>
        <div>
          <label for="dashboard-department">{t('console.dashboard.department')}</label>
          <select id="dashboard-department" name="department" {...field('department')}>
            <option value="">{t('console.dashboard.all')}</option>
            {departments.map((d) => (
              <option value={d.id} selected={d.id === filters.department}>
                {d.name}
              </option>
            ))}
          </select>
          <FieldError issues={issues} formId={FORM_ID} path="department" />
        </div>
        <div>
          <label for="dashboard-team">{t('console.dashboard.team')}</label>
          <select id="dashboard-team" name="team" {...field('team')}>
            <option value="">{t('console.dashboard.all')}</option>
            {teams.map((d) => (
              <option value={d.id} selected={d.id === filters.team}>
                {d.name}
              </option>
            ))}
          </select>
          <FieldError issues={issues} formId={FORM_ID} path="team" />
        </div>
        <div class="filter-submit">
          <button type="submit">{t('console.dashboard.apply')}</button>
        </div>
      </div>
      <p class="muted">{t('console.dashboard.presetHint')}</p>
    </form>
  );
}

function Scope({ data, filters, t }: { data: Extract<DashboardData, { ok: true }>; filters: DashboardFilters; t: ConsoleTranslate }) {
  const { from, to } = filters;
  const name = (list: Option[], id: string) => list.find((o) => o.id === id)?.name ?? id;
  const department = filters.department ? name(data.departments, filters.department) : undefined;
  const team = filters.team ? name(data.teams, filters.team) : undefined;
  if (!department && !team) return <p class="notice">{t('console.dashboard.scope.all', { from, to })}</p>;
  return (
    <p class="notice">
      {department && team
        ? t('console.dashboard.scope.departmentTeam', { department, team, from, to })
        : team
          ? t('console.dashboard.scope.team', { team, from, to })
          : t('console.dashboard.scope.department', { department: department!, from, to })}{' '}
      {t('console.dashboard.scope.filteredNote')}
    </p>
  );
}

function Summary({ data, t, language }: { data: Extract<DashboardData, { ok: true }>; t: ConsoleTranslate; language: ConsoleLanguage }) {
  const f = data.summary;
  const n = (v: number | null) => (v === null ? t('console.dashboard.none') : new Intl.NumberFormat(language).format(v));
  const share = (v: number | null) => (v === null ? t('console.dashboard.none') : new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(v));
  const facts: [string, string, string][] = [
    ['received', t('console.dashboard.fact.received'), n(f.volume.received)],
    ['closed', t('console.dashboard.fact.closed'), n(f.volume.closed)],
    ['open-at-end', t('console.dashboard.fact.openAtEnd'), n(f.volume.openAtEnd)],
    ['median', t('console.dashboard.fact.median'), n(f.resolution.medianBusinessHours)],
    ['answers', t('console.dashboard.fact.answers'), n(f.satisfaction.answers)],
    ['mean-handling', t('console.dashboard.fact.meanHandling'), n(f.satisfaction.meanHandling)],
    ['mean-outcome', t('console.dashboard.fact.meanOutcome'), n(f.satisfaction.meanOutcome)],
    ['satisfied-handling', t('console.dashboard.fact.satisfiedHandling'), share(f.satisfaction.satisfiedHandling.rate)],
    ['satisfied-outcome', t('console.dashboard.fact.satisfiedOutcome'), share(f.satisfaction.satisfiedOutcome.rate)],
  ];
  return (
    <section class="card dashboard-summary" aria-labelledby="dashboard-summary-title">
      <h2 id="dashboard-summary-title">{t('console.dashboard.summary')}</h2>
      <dl class="facts">
        {facts.map(([id, label, value]) => (
          <>
            <dt>{label}</dt>
            <dd data-fact={id}>{value}</dd>
          </>
        ))}
      </dl>
    </section>
  );
}

/** What dashboard.js gives Chart.js: labels, one dataset per plotted column. */
function chartSpec(chart: Chart) {
  const plotted = chart.columns.map((c, i) => [c, i] as const).filter(([c]) => c.plotted);
  return {
    kind: chart.kind,
    percent: plotted.some(([c]) => c.percent),
    labels: chart.rows.map((r) => String(r[0] ?? '')),
    datasets: plotted.map(([c, i]) => ({ label: c.label, data: chart.rows.map((r) => r[i] ?? null) })),
  };
}

function ChartCard({ chart, query, t, language }: { chart: Chart; query: string; t: ConsoleTranslate; language: ConsoleLanguage }) {
  const titleId = `chart-${chart.id}-title`;
  const cell = (v: unknown, percent: boolean | undefined) =>
    v === null || v === undefined
      ? t('console.dashboard.none')
      : typeof v === 'number'
        ? percent
          ? new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(v / 100)
          : new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(v)
        : String(v);
  // JSON in a <script> block: `<` escaped so no value can close the element.
  const json = JSON.stringify(chartSpec(chart)).replace(/</g, '\\u003c');
  return (
    <section class="card dashboard-chart" aria-labelledby={titleId} data-chart-card={chart.id}>
      <h2 id={titleId}>{chart.title}</h2>
      {chart.rows.length === 0 ? (
        <p class="muted">{t('console.dashboard.empty')}</p>
      ) : (
        <div class="chart-box">
          <canvas id={`chart-${chart.id}`} data-chart={`chart-${chart.id}-data`} role="img" aria-label={t('console.dashboard.canvasLabel', { title: chart.title })}></canvas>
        </div>
      )}
      <script type="application/json" id={`chart-${chart.id}-data`} dangerouslySetInnerHTML={{ __html: json }}></script>
      <details>
        <summary>{t('console.dashboard.numbers')}</summary>
        {/* Focusable: a table wider than a phone scrolls, and the keyboard must reach it (WCAG 2.1.1). */}
        <div class="table-wrap" tabindex={0} role="region" aria-label={t('console.dashboard.numbersOf', { title: chart.title })}>
          <table data-chart-table={chart.id}>
            <caption class="visually-hidden">{chart.title}</caption>
            <thead>
              <tr>
                {chart.columns.map((c) => (
                  <th scope="col">{c.label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {chart.rows.map((row) => (
                <tr>
                  {row.map((v, i) =>
                    i === 0 ? <th scope="row">{cell(v, false)}</th> : <td data-value={v === null ? '' : String(v)}>{cell(v, chart.columns[i]?.percent)}</td>,
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <p>
        <a href={`/console/dashboard/${chart.id}.csv?${query}`} download>
          {t('console.dashboard.csv', { title: chart.title })}
        </a>
      </p>
    </section>
  );
}
