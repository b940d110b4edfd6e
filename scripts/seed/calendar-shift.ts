// When a seeded life can be moved by whole weeks without changing what the calendar made of it:
// every local day it touched has, at the new date, the same working pieces at the same local
// times and the same UTC offset. A holiday, a half day or an offset change on either side breaks
// that; such a life is lived again at the new date instead (see clones.ts).
import type { CompiledCalendar } from '../../domain/calendar/index.js';
import { zonedEpochMs, zonedParts } from '../../domain/calendar/local-time.js';

const DAY = 86_400_000;

export class CalendarShift {
  /** Per day index of the calendar: an id of its working pieces and UTC offset (equal ids, equal days). */
  private readonly signature: Int32Array;
  /** Day index per quarter hour (every UTC offset in use is a whole number of quarter hours). */
  private readonly dayOfQuarter = new Map<number, number>();

  constructor(private readonly c: CompiledCalendar) {
    const ids = new Map<string, number>();
    this.signature = new Int32Array(c.dayCount);
    for (let d = 0; d < c.dayCount; d++) {
      const midnight = zonedEpochMs(c.timeZone, c.firstDay + d, 0);
      const parts: number[] = [midnight - (c.firstDay + d) * DAY];
      for (let p = c.dayFirst[d]!; p < c.dayFirst[d + 1]!; p++) parts.push(c.start[p]! - midnight, c.end[p]! - midnight);
      const key = parts.join(',');
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      this.signature[d] = id;
    }
  }

  /** The calendar's day index of the local day an instant falls on. */
  dayIndexOf(ms: number): number {
    const quarter = Math.floor(ms / 900_000);
    let day = this.dayOfQuarter.get(quarter);
    if (day === undefined) {
      day = zonedParts(this.c.timeZone, quarter * 900_000).dayNumber - this.c.firstDay;
      this.dayOfQuarter.set(quarter, day);
    }
    return day;
  }

  /** Whether days `[first, last]` look the same `shiftDays` later (a multiple of 7 keeps the weekdays). */
  same(first: number, last: number, shiftDays: number): boolean {
    const s = this.signature;
    if (first < 0 || first + shiftDays < 0 || last >= s.length || last + shiftDays >= s.length) return false;
    for (let d = first; d <= last; d++) if (s[d] !== s[d + shiftDays]) return false;
    return true;
  }
}
