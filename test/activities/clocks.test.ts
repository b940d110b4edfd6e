import { describe, expect, it } from 'vitest';
import { calendarResolver } from '../../activities/calendars.js';
import { createClockActivities } from '../../activities/clocks.js';

const clocks = createClockActivities({ calendars: calendarResolver() });

describe('clock activities', () => {
  it('resume a clock paused across two New Years (the calendar covers the clock from its start)', async () => {
    const started = await clocks.startStageClock({ calendarId: 'TR', duration: { workingDays: 4 }, warnAtShare: 0.75, at: '2024-03-05T07:00:00.000Z' });
    const paused = await clocks.pauseStageClock({ clock: started.clock, at: '2024-03-05T09:00:00.000Z' });
    const resumed = await clocks.resumeStageClock({ clock: paused, escalation: started.escalation, at: '2026-01-15T09:00:00.000Z' });
    expect(Date.parse(resumed.clock.deadline)).toBeGreaterThan(Date.parse('2026-01-15T09:00:00.000Z'));
    const stopped = await clocks.stopStageClock({ clock: resumed.clock, at: '2026-01-16T09:00:00.000Z' });
    expect(stopped.outcome.met).toBe(true);
  });

  it('place the answer deadline ten Turkish working days out, past a bayram', async () => {
    // Proposed the Monday before Kurban Bayramı 2026 (27–30 May, eve 26 May from 13:00).
    const due = await clocks.answerDeadlines({ calendarId: 'TR', duration: { workingDays: 10 }, reminderAtShare: 0.5, at: '2026-05-25T07:00:00.000Z' });
    // Tue 26 (the eve, open until 13:00) is day 1; the bayram and the weekend are skipped; Thu 11 June is day 10.
    expect(due.deadline).toBe('2026-06-11T07:00:00.000Z');
    expect(Date.parse(due.reminderAt)).toBeLessThan(Date.parse(due.deadline));
  });
});

describe('clock activities on overrides that no longer fit the calendar', () => {
  it('fail for good (DEFINITION_INVALID, naming the version) instead of retrying forever', async () => {
    // As if holiday data changed after the version was stored: no Kurban Bayramı near 1 September.
    const stale = calendarResolver({}, async () => ({
      version: 7,
      overrides: { movingHolidays: [{ key: 'kurbanBayrami', firstDay: '2027-09-01' }], exceptions: [] },
    }));
    const onStale = createClockActivities({ calendars: stale });
    const started = onStale.startStageClock({ calendarId: 'TR', duration: { workingDays: 2 }, warnAtShare: 0.75, at: '2027-08-30T07:00:00.000Z' });
    await expect(started).rejects.toMatchObject({ name: 'DomainError', code: 'DEFINITION_INVALID', message: expect.stringContaining('overrides version 7') });
  });
});
