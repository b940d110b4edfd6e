import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCalendarResolver } from '../../activities/calendars.js';
import { createClockActivities } from '../../activities/clocks.js';
import { calendarYearSchema } from '../../api/staff/calendars.schemas.js';
import { bearer, eventually, integrationContext, type IntegrationContext } from '../helpers/integration.js';

// The database is shared by every test file and versions cannot be deleted: this file works in
// 2033 and puts back an empty set of TR overrides when it is done.
let ctx: IntegrationContext;
let app: ReturnType<IntegrationContext['app']>;

const putTr = (body: unknown) =>
  app.request('/v1/calendars/TR/overrides', {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...bearer('process_owner') },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  ctx = await integrationContext();
  app = ctx.app();
});
afterAll(async () => {
  await putTr({ changeNote: 'Test over: back to the shipped calendar' });
  await ctx.close();
});

describe('clock activities on calendar overrides', () => {
  it('start a clock after a company closure with the closure, as the calendar route shows it', async () => {
    // A resolver of the worker's kind that keeps what it read for a minute: only PostgreSQL's
    // notification of the new version can make it see the closure within the test.
    const clocks = createClockActivities({ calendars: createCalendarResolver({ sql: ctx.sql, maxAgeMs: 60_000 }) });
    // Wed 8 June 2033, 11:00 in Istanbul; two working days later is Friday 11:00.
    const start = { calendarId: 'TR', duration: { workingDays: 2 }, warnAtShare: 0.75, at: '2033-06-08T08:00:00.000Z' };
    await putTr({ changeNote: 'Clean slate' });
    expect((await clocks.startStageClock(start)).clock.deadline).toBe('2033-06-10T08:00:00.000Z');

    const res = await putTr({ exceptions: [{ kind: 'closed', date: '2033-06-10', name: 'Şirket tatili' }], changeNote: 'Closed on Friday 10 June' });
    expect(res.status).toBe(201);

    // Friday is closed: the deadline moves to Monday 11:00.
    const moved = await eventually(async () => {
      const { clock } = await clocks.startStageClock(start);
      return clock.deadline === '2033-06-10T08:00:00.000Z' ? undefined : clock.deadline;
    }, 5_000);
    expect(moved).toBe('2033-06-13T08:00:00.000Z');
    const year = calendarYearSchema.parse(await (await app.request('/v1/calendars/TR?year=2033', { headers: bearer('agent') })).json());
    expect(year.exceptions).toEqual([{ kind: 'closed', date: '2033-06-10', name: 'Şirket tatili' }]);
  });
});
