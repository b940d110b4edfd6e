// A complaint's stage clock as staff read it, in lists and on the complaint page: working time
// left (business hours of its calendar, from the API's businessMinutesLeft), or paused, or past the
// warning point, or breached — in words and colour both (colour is never the only signal).
import type { ComplaintView } from '../../staff/complaints.schemas.js';
import type { ConsoleTranslate } from '../../../texts/console/translate.js';

export type ClockState = 'none' | 'paused' | 'ok' | 'warning' | 'breached';

/** Where the running clock stands at `now`. */
export function clockState(stage: ComplaintView['stage'], now: Date = new Date()): ClockState {
  if (!stage) return 'none';
  if (stage.paused) return 'paused';
  if (stage.businessMinutesLeft !== null && stage.businessMinutesLeft < 0) return 'breached';
  if (stage.deadline && Date.parse(stage.deadline) <= now.getTime()) return 'breached';
  if (stage.warningAt && Date.parse(stage.warningAt) <= now.getTime()) return 'warning';
  return 'ok';
}

/** Working minutes as hours and minutes of working time (a working day's length depends on the calendar, so no days). */
export function workingTime(minutes: number, t: ConsoleTranslate): string {
  const m = Math.abs(minutes);
  return t('console.shell.clock.duration', { hours: Math.floor(m / 60), minutes: m % 60 });
}

export function StageClock({ stage, t, now }: { stage: ComplaintView['stage']; t: ConsoleTranslate; now?: Date }) {
  const state = clockState(stage, now);
  if (state === 'none' || !stage) return <span class="muted">{t('console.shell.clock.none')}</span>;
  const left = stage.businessMinutesLeft;
  const text =
    state === 'paused'
      ? t('console.shell.clock.paused')
      : left === null
        ? t(`console.shell.clock.${state}`)
        : state === 'breached'
          ? t('console.shell.clock.breachedBy', { time: workingTime(left, t) })
          : t(state === 'warning' ? 'console.shell.clock.warningLeft' : 'console.shell.clock.left', { time: workingTime(left, t) });
  return (
    <span class={`clock clock-${state}`} data-clock={state}>
      {text}
    </span>
  );
}
