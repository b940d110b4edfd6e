// The calendars as process owners keep them: one year at a time, month by month, every day that is
// not an ordinary one named in words (holiday, half day, closure, extra working day, and whether
// an override made it so), and the forms that add or remove an override through the API.
import type { StaffSession } from '../env.js';
import { CsrfField } from '../pages/csrf-field.js';
import { FieldError, fieldAttributes, FormErrorSummary, type IssuesByPath } from '../pages/form-errors.js';
import type { ApiError } from '../api-client.js';
import { CONSOLE_CATALOGS } from '../../../texts/console/languages.js';
import { monthsOf, type CalendarYearView, type OverridesView, type SpecialDay } from './year-view.js';

export interface CalendarSummary {
  id: string;
  name: string;
  timeZone: string;
}

export const calendarPath = (id: string, year?: number) => `/console/calendars/${encodeURIComponent(id)}${year ? `?year=${year}` : ''}`;

export function CalendarListPage({ staff, calendars }: { staff: StaffSession; calendars: readonly CalendarSummary[] }) {
  const { t } = staff;
  return (
    <>
      <p>{t('console.calendars.index.intro')}</p>
      <div class="table-wrap" tabindex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('console.calendars.name')}</th>
              <th scope="col">{t('console.calendars.id')}</th>
              <th scope="col">{t('console.calendars.timeZone')}</th>
            </tr>
          </thead>
          <tbody>
            {calendars.map((cal) => (
              <tr>
                <th scope="row">
                  <a href={calendarPath(cal.id)}>{cal.name}</a>
                </th>
                <td>{cal.id}</td>
                <td>{cal.timeZone}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** What a refused override form said, and the values to show again. */
export interface OverrideFormState {
  form: 'add' | 'announce' | 'remove';
  error: ApiError;
  issues: IssuesByPath;
  values: Record<string, string>;
}

export interface CalendarYearProps {
  staff: StaffSession;
  year: CalendarYearView;
  overrides: OverridesView | undefined;
  canWrite: boolean;
  done?: string;
  state?: OverrideFormState;
}

function locale(staff: StaffSession) {
  return CONSOLE_CATALOGS[staff.language].metadata.intlLocale;
}

function dayText(staff: StaffSession, date: string): string {
  return new Intl.DateTimeFormat(locale(staff), { day: 'numeric', month: 'long', weekday: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

function SpecialText({ staff, day }: { staff: StaffSession; day: SpecialDay }) {
  const { t } = staff;
  const what =
    day.kind === 'halfDay'
      ? t('console.calendars.kind.halfDay', { until: day.until ?? '' })
      : day.kind === 'open'
        ? t('console.calendars.kind.open', { hours: day.hours ?? '' })
        : t(`console.calendars.kind.${day.kind}`);
  return (
    <>
      <span class={`day-kind kind-${day.kind}`}>{what}</span>
      {': '}
      {day.name}
      {day.override && (
        <>
          {' '}
          <span class="badge">{t('console.calendars.override')}</span>
        </>
      )}
    </>
  );
}

export function CalendarYearPage({ staff, year, overrides, canWrite, done, state }: CalendarYearProps) {
  const { t } = staff;
  const months = monthsOf(year, overrides);
  const monthName = (m: number) => new Intl.DateTimeFormat(locale(staff), { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year.year, m - 1, 1)));
  const total = months.reduce((n, m) => n + m.workingDays, 0);
  return (
    <>
      <p>
        <a href="/console/calendars">{t('console.calendars.backToList')}</a>
      </p>
      {done && (
        <p class="notice" role="status">
          {t('console.calendars.done', { what: done })}
        </p>
      )}
      <nav aria-label={t('console.calendars.yearNav')} class="year-nav">
        <a href={calendarPath(year.id, year.year - 1)} rel="prev">
          {t('console.calendars.previousYear', { year: year.year - 1 })}
        </a>
        <form method="get" action={`/console/calendars/${encodeURIComponent(year.id)}`} class="inline">
          <label for="year-input">{t('console.calendars.year')}</label>
          <input id="year-input" name="year" type="number" min="1900" max="2200" value={String(year.year)} size={6} />
          <button type="submit" class="secondary">
            {t('console.calendars.show')}
          </button>
        </form>
        <a href={calendarPath(year.id, year.year + 1)} rel="next">
          {t('console.calendars.nextYear', { year: year.year + 1 })}
        </a>
      </nav>
      <dl class="facts">
        <dt>{t('console.calendars.timeZone')}</dt>
        <dd>{year.timeZone}</dd>
        <dt>{t('console.calendars.workingDaysYear')}</dt>
        <dd>{total}</dd>
        <dt>{t('console.calendars.overridesVersion')}</dt>
        <dd>{year.overridesVersion === 0 ? t('console.calendars.noOverrides') : t('console.calendars.overridesBy', { version: year.overridesVersion, who: overrides?.author?.id ?? '—', note: overrides?.changeNote ?? '' })}</dd>
      </dl>
      <WeeklyHours staff={staff} year={year} />
      <h2>{t('console.calendars.months')}</h2>
      <div class="grid months">
        {months.map((m) => (
          <section class="card month" aria-labelledby={`month-${m.month}`}>
            <h3 id={`month-${m.month}`}>{monthName(m.month)}</h3>
            <p>{t('console.calendars.monthWorkingDays', { count: m.workingDays, half: m.halfDays })}</p>
            {m.special.length === 0 ? (
              <p class="muted">{t('console.calendars.noSpecialDays')}</p>
            ) : (
              <ul class="special-days">
                {m.special.map((day) => (
                  <li data-date={day.date} data-kind={day.kind}>
                    <time datetime={day.date}>{dayText(staff, day.date)}</time> — <SpecialText staff={staff} day={day} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
      <OverridesSection staff={staff} year={year} overrides={overrides} canWrite={canWrite} state={state} />
    </>
  );
}

function WeeklyHours({ staff, year }: { staff: StaffSession; year: CalendarYearView }) {
  const { t } = staff;
  const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
  return (
    <>
      <h2>{t('console.calendars.weekly')}</h2>
      <div class="table-wrap" tabindex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('console.calendars.inForce')}</th>
              {days.map((d) => (
                <th scope="col">{t('console.calendars.weekday', { day: d })}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {year.weeklyHours.map((s) => (
              <tr>
                <th scope="row">{s.effectiveFrom === null && s.effectiveUntil === null ? t('console.calendars.always') : t('console.calendars.span', { from: s.effectiveFrom ?? '—', until: s.effectiveUntil ?? '—' })}</th>
                {days.map((d) => (
                  <td>{s.days[d]?.length ? s.days[d].map((h) => `${h.from}–${h.to}`).join(', ') : t('console.calendars.closed')}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function OverridesSection({ staff, year, overrides, canWrite, state }: { staff: StaffSession; year: CalendarYearView; overrides: OverridesView | undefined; canWrite: boolean; state: OverrideFormState | undefined }) {
  const { t } = staff;
  const base = `/console/calendars/${encodeURIComponent(year.id)}/overrides`;
  const baseVersion = String(overrides?.version ?? 0);
  const of = (form: OverrideFormState['form']) => (state?.form === form ? state : undefined);
  const add = of('add');
  const announce = of('announce');
  const remove = of('remove');
  const addIssues: IssuesByPath = add?.issues ?? new Map();
  const annIssues: IssuesByPath = announce?.issues ?? new Map();
  const value = (s: OverrideFormState | undefined, name: string, fallback = '') => s?.values[name] ?? fallback;
  // Each moving holiday's key, named as the calendar names its days (the eve's name is not the holiday's).
  const keys = new Map<string, string>();
  for (const h of year.holidays) if (h.key && !keys.has(h.key)) keys.set(h.key, h.name);
  const entries = overrides ? [...overrides.overrides.movingHolidays.map((m, i) => ({ kind: 'movingHoliday' as const, index: i, text: t('console.calendars.entry.moving', { key: m.key, firstDay: m.firstDay }) })), ...overrides.overrides.exceptions.map((e, i) => ({ kind: 'exception' as const, index: i, text: e.kind === 'open' ? t('console.calendars.entry.open', { date: e.date, name: e.name, hours: e.hours.map((h) => `${h.from}–${h.to}`).join(', ') }) : t('console.calendars.entry.closed', { date: e.date, name: e.name }) }))] : [];
  return (
    <section aria-labelledby="overrides-heading">
      <h2 id="overrides-heading">{t('console.calendars.overrides')}</h2>
      <p>{t('console.calendars.overridesIntro')}</p>
      {remove && <FormErrorSummary error={remove.error} issues={new Map()} t={t} />}
      {entries.length === 0 ? (
        <p class="muted">{t('console.calendars.noOverrides')}</p>
      ) : (
        <ul class="overrides">
          {entries.map((e) => (
            <li>
              {e.text}
              {canWrite && (
                <form method="post" action={`${base}/remove`} class="inline remove-override">
                  <CsrfField token={staff.csrfToken} />
                  <input type="hidden" name="kind" value={e.kind} />
                  <input type="hidden" name="index" value={String(e.index)} />
                  <input type="hidden" name="baseVersion" value={baseVersion} />
                  <input type="hidden" name="year" value={String(year.year)} />
                  <label for={`remove-note-${e.kind}-${e.index}`}>{t('console.calendars.removeNote')}</label>
                  <input id={`remove-note-${e.kind}-${e.index}`} name="changeNote" required size={24} />
                  <button type="submit" class="secondary">
                    {t('console.calendars.remove')}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <div class="grid">
          <form method="post" action={`${base}/add`} class="card" id="add-override">
            <h3>{t('console.calendars.add.heading')}</h3>
            <FormErrorSummary error={add?.error} issues={addIssues} t={t} fieldIds={{ kind: 'ov-kind', date: 'ov-date', name: 'ov-name', hours: 'ov-from', changeNote: 'ov-note' }} />
            <CsrfField token={staff.csrfToken} />
            <input type="hidden" name="baseVersion" value={baseVersion} />
            <input type="hidden" name="year" value={String(year.year)} />
            <label for="ov-kind">{t('console.calendars.add.kind')}</label>
            <select id="ov-kind" name="kind" {...fieldAttributes(addIssues, 'ov', 'kind')}>
              <option value="closed" selected={value(add, 'kind') !== 'open'}>
                {t('console.calendars.add.closed')}
              </option>
              <option value="open" selected={value(add, 'kind') === 'open'}>
                {t('console.calendars.add.open')}
              </option>
            </select>
            <FieldError issues={addIssues} formId="ov" path="kind" />
            <label for="ov-date">{t('console.calendars.add.date')}</label>
            <input id="ov-date" name="date" type="date" required value={value(add, 'date')} {...fieldAttributes(addIssues, 'ov', 'date')} />
            <FieldError issues={addIssues} formId="ov" path="date" />
            <label for="ov-name">{t('console.calendars.add.name')}</label>
            <input id="ov-name" name="name" required value={value(add, 'name')} {...fieldAttributes(addIssues, 'ov', 'name')} />
            <FieldError issues={addIssues} formId="ov" path="name" />
            <fieldset>
              <legend>{t('console.calendars.add.hours')}</legend>
              <label for="ov-from">{t('console.calendars.add.from')}</label>
              <input id="ov-from" name="from" type="time" value={value(add, 'from', '09:00')} {...fieldAttributes(addIssues, 'ov', 'hours')} />
              <label for="ov-to">{t('console.calendars.add.to')}</label>
              <input id="ov-to" name="to" type="time" value={value(add, 'to', '18:00')} />
              <FieldError issues={addIssues} formId="ov" path="hours" />
            </fieldset>
            <label for="ov-note">{t('console.calendars.changeNote')}</label>
            <input id="ov-note" name="changeNote" required value={value(add, 'changeNote')} {...fieldAttributes(addIssues, 'ov', 'changeNote')} />
            <FieldError issues={addIssues} formId="ov" path="changeNote" />
            <p>
              <button type="submit">{t('console.calendars.add.submit')}</button>
            </p>
          </form>
          {keys.size > 0 && (
            <form method="post" action={`${base}/announce`} class="card" id="announce-holiday">
              <h3>{t('console.calendars.announce.heading')}</h3>
              <p class="muted">{t('console.calendars.announce.hint')}</p>
              <FormErrorSummary error={announce?.error} issues={annIssues} t={t} fieldIds={{ key: 'an-key', firstDay: 'an-firstDay', changeNote: 'an-note' }} />
              <CsrfField token={staff.csrfToken} />
              <input type="hidden" name="baseVersion" value={baseVersion} />
              <input type="hidden" name="year" value={String(year.year)} />
              <label for="an-key">{t('console.calendars.announce.key')}</label>
              <select id="an-key" name="key" {...fieldAttributes(annIssues, 'an', 'key')}>
                {[...keys].map(([k, name]) => (
                  <option value={k} selected={value(announce, 'key') === k}>
                    {name}
                  </option>
                ))}
              </select>
              <FieldError issues={annIssues} formId="an" path="key" />
              <label for="an-firstDay">{t('console.calendars.announce.firstDay')}</label>
              <input id="an-firstDay" name="firstDay" type="date" required value={value(announce, 'firstDay')} {...fieldAttributes(annIssues, 'an', 'firstDay')} />
              <FieldError issues={annIssues} formId="an" path="firstDay" />
              <label for="an-note">{t('console.calendars.changeNote')}</label>
              <input id="an-note" name="changeNote" required value={value(announce, 'changeNote')} {...fieldAttributes(annIssues, 'an', 'changeNote')} />
              <FieldError issues={annIssues} formId="an" path="changeNote" />
              <p>
                <button type="submit">{t('console.calendars.announce.submit')}</button>
              </p>
            </form>
          )}
        </div>
      )}
    </section>
  );
}
