// ISO weeks (Monday to Sunday) as a calendar's zone counts them, for workload per week.
import { TZDate } from '@date-fns/tz';
import { addWeeks, getISOWeek, getISOWeekYear, startOfISOWeek } from 'date-fns';
import type { Week } from './backtest-report.js';

/** Every ISO week that overlaps [fromMs, toMs), in `timeZone`. */
export function isoWeeks(fromMs: number, toMs: number, timeZone: string): Week[] {
  const weeks: Week[] = [];
  for (let start = startOfISOWeek(new TZDate(fromMs, timeZone)); start.getTime() < toMs; ) {
    const end = addWeeks(start, 1);
    const week = `${getISOWeekYear(start)}-W${String(getISOWeek(start)).padStart(2, '0')}`;
    const weekStart = `${start.getFullYear()}-${String(start.getMonth() + 1).padStart(2, '0')}-${String(start.getDate()).padStart(2, '0')}`;
    weeks.push({ week, weekStart, startMs: start.getTime(), endMs: end.getTime() });
    start = end;
  }
  return weeks;
}
