import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  businessTimeSchema,
  calendarListSchema,
  calendarYearSchema,
  deadlineSchema,
} from '../../../api/staff/calendars.schemas.js';
import { errorBodySchema } from '../../../api/http/errors.js';
import { bearer, integrationContext, type IntegrationContext } from '../../helpers/integration.js';

let ctx: IntegrationContext;
let app: ReturnType<IntegrationContext['app']>;

beforeAll(async () => {
  ctx = await integrationContext();
  app = ctx.app();
});
afterAll(() => ctx.close());

type Query = Record<string, string | number>;

const get = (path: string, query: Query = {}, headers: Record<string, string> = bearer('process_owner')) => {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
  return app.request(`/v1/calendars${path}${search.size ? `?${search}` : ''}`, { headers });
};

const deadline = async (id: string, query: Query) => {
  const res = await get(`/${id}/deadline`, query);
  expect(res.status).toBe(200);
  return deadlineSchema.parse(await res.json());
};

/** The dotted paths a 400 names. */
const badFields = async (res: Response) => {
  expect(res.status).toBe(400);
  const { error } = errorBodySchema.parse(await res.json());
  expect(error.code).toBe('VALIDATION_FAILED');
  return (error.details as Array<{ path: string }>).map((d) => d.path).sort();
};

describe('GET /v1/calendars', () => {
  it('lists the shipped calendars with their time zones', async () => {
    const res = await get('');
    expect(res.status).toBe(200);
    const { calendars } = calendarListSchema.parse(await res.json());
    expect(calendars.map((c) => c.id)).toEqual(['TR', 'US', 'DE', 'AZ', 'IR']);
    expect(calendars.find((c) => c.id === 'TR')?.timeZone).toBe('Europe/Istanbul');
  });

  it('lets every staff role read calendars', async () => {
    for (const role of ['agent', 'supervisor', 'auditor', 'process_owner'] as const) {
      expect((await get('', {}, bearer(role))).status).toBe(200);
    }
  });

  it.each(['', '/TR', '/TR/deadline?from=2026-03-19T11:00:00Z&workingHours=6', '/TR/business-time'])(
    'answers 401 without an API key (%s)',
    async (path) => {
      const res = await app.request(`/v1/calendars${path}`);
      expect(res.status).toBe(401);
      expect(errorBodySchema.parse(await res.json()).error.code).toBe('UNAUTHENTICATED');
    },
  );
});

describe('GET /v1/calendars/{id}?year=', () => {
  it('gives TR 2026 with Ramazan Bayramı, its arife and 28 October as half days', async () => {
    const res = await get('/TR', { year: 2026 });
    expect(res.status).toBe(200);
    const cal = calendarYearSchema.parse(await res.json());
    expect(cal).toMatchObject({ id: 'TR', timeZone: 'Europe/Istanbul', year: 2026, exceptions: [] });
    expect(cal.weeklyHours).toEqual([
      expect.objectContaining({ effectiveFrom: null, effectiveUntil: null }),
    ]);
    expect(cal.weeklyHours[0]!.days.mon).toEqual([{ from: '09:00', to: '18:00' }]);
    expect(cal.weeklyHours[0]!.days.sat).toBeUndefined();
    const ramazan = cal.holidays.filter((h) => h.key === 'ramazanBayrami').map((h) => h.date);
    expect(ramazan).toEqual(['2026-03-20', '2026-03-21', '2026-03-22']);
    expect(cal.halfDays).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ date: '2026-03-19', until: '13:00' }),
        expect.objectContaining({ date: '2026-10-28', until: '13:00' }),
      ]),
    );
    expect([...cal.holidays, ...cal.halfDays].every((d) => d.date.startsWith('2026-'))).toBe(true);
  });

  it('defaults to the current year in the calendar’s zone', async () => {
    const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Tehran', year: 'numeric' }).format(new Date()));
    const cal = calendarYearSchema.parse(await (await get('/IR')).json());
    expect(cal.year).toBe(year);
    expect(cal.weeklyHours[0]!.days.fri).toBeUndefined();
  });

  it.each([['1900'], ['2200'], ['2026.5'], ['next']])('answers 400 naming year for year=%s', async (year) => {
    expect(await badFields(await get('/TR', { year }))).toEqual(['query.year']);
  });

  it('answers 404 for an unknown calendar', async () => {
    const res = await get('/XX', { year: 2026 });
    expect(res.status).toBe(404);
    expect(errorBodySchema.parse(await res.json()).error.code).toBe('NOT_FOUND');
  });
});

describe('GET /v1/calendars/{id}/deadline', () => {
  describe('the issue’s TR examples', () => {
    it('gives Mon 2026-03-23 13:00 for 6 working hours from Thu 2026-03-19 11:00 (arife until 13:00)', async () => {
      expect(await deadline('TR', { from: '2026-03-19T11:00:00+03:00', workingHours: 6 })).toEqual({
        calendarId: 'TR',
        timeZone: 'Europe/Istanbul',
        // Other test files may have stored (and emptied again) TR overrides in the shared database.
        overridesVersion: expect.any(Number),
        from: '2026-03-19T11:00:00+03:00',
        duration: { workingHours: 6 },
        clockStart: '2026-03-19T11:00:00+03:00',
        deadline: '2026-03-23T13:00:00+03:00',
        outOfHoursStart: false,
      });
    });

    it('gives Tue 2026-03-24 11:00 for 2 working days from Thu 2026-03-19 11:00', async () => {
      const body = await deadline('TR', { from: '2026-03-19T11:00:00+03:00', workingDays: 2 });
      expect(body).toMatchObject({ duration: { workingDays: 2 }, deadline: '2026-03-24T11:00:00+03:00' });
    });

    it('starts the clock Mon 2026-11-23 09:00 for a complaint received Fri 2026-11-20 20:00', async () => {
      const body = await deadline('TR', { from: '2026-11-20T20:00:00+03:00', workingHours: 6 });
      expect(body).toMatchObject({ clockStart: '2026-11-23T09:00:00+03:00', deadline: '2026-11-23T15:00:00+03:00' });
      expect(body.outOfHoursStart).toBe(true);
    });
  });

  it.each([
    ['US keeps 10:00 local across its DST start', 'US', '2026-03-06T10:00:00-05:00', { workingDays: 1 }, '2026-03-09T10:00:00-04:00'],
    ['DE keeps 10:00 local across its DST end', 'DE', '2026-10-23T10:00:00+02:00', { workingDays: 1 }, '2026-10-26T10:00:00+01:00'],
    ['IR goes from Thursday noon to Saturday (Friday weekend)', 'IR', '2026-11-26T11:00:00+03:30', { workingHours: 2 }, '2026-11-28T09:00:00+03:30'],
    ['TR ends a working-days deadline at the close of 28 October', 'TR', '2026-10-27T15:00:00+03:00', { workingDays: 1 }, '2026-10-28T13:00:00+03:00'],
    ['TR skips the Kurban Bayramı 2026 run after its arife', 'TR', '2026-05-26T10:00:00+03:00', { workingHours: 6 }, '2026-06-01T12:00:00+03:00'],
    ['TR answers in its own offset for an instant given in UTC', 'TR', '2026-11-20T17:00:00Z', { workingHours: 1 }, '2026-11-23T10:00:00+03:00'],
  ])('%s', async (_name, id, from, duration, expected) => {
    const body = await deadline(id, { from, ...duration });
    expect(body.deadline).toBe(expected);
    expect(body.duration).toEqual(duration);
  });

  it('adds working days, then working hours, when both are given; with neither the deadline is the clock start', async () => {
    const both = await deadline('TR', { from: '2026-03-19T11:00:00+03:00', workingDays: 2, workingHours: 6 });
    const days = await deadline('TR', { from: '2026-03-19T11:00:00+03:00', workingDays: 2 });
    expect(both.duration).toEqual({ workingDays: 2, workingHours: 6 });
    expect(both.deadline).toBe((await deadline('TR', { from: days.deadline, workingHours: 6 })).deadline);
    const none = await deadline('TR', { from: '2026-03-21T11:00:00+03:00' });
    expect(none).toMatchObject({ duration: { workingHours: 0 }, outOfHoursStart: true });
    expect(none.deadline).toBe(none.clockStart);
  });

  it('reads an unencoded + in the offset (sent as a space) as +', async () => {
    const res = await app.request('/v1/calendars/TR/deadline?from=2026-03-19T11:00:00+03:00&workingDays=2', {
      headers: bearer('process_owner'),
    });
    expect(deadlineSchema.parse(await res.json()).deadline).toBe('2026-03-24T11:00:00+03:00');
  });

  it.each<[string, Query, string[]]>([
    ['no from', { workingHours: 6 }, ['query.from']],
    ['a from without offset', { from: '2026-03-19T11:00:00', workingHours: 6 }, ['query.from']],
    ['a from past the calendars’ years', { from: '2080-01-01T10:00:00Z', workingHours: 6 }, ['query.from']],
    ['negative hours', { from: '2026-03-19T11:00:00+03:00', workingHours: -1 }, ['query.workingHours']],
    ['fractional days', { from: '2026-03-19T11:00:00+03:00', workingDays: 1.5 }, ['query.workingDays']],
    ['a from in the calendars’ last year (an offset could carry it past them)', { from: '2075-06-01T10:00:00+03:00', workingHours: 6 }, ['query.from']],
    ['a deadline past the calendars’ years', { from: '2074-12-20T10:00:00+03:00', workingDays: 400 }, ['query.workingDays']],
  ])('answers 400 naming the field for %s', async (_name, query, fields) => {
    expect(await badFields(await get('/TR/deadline', query))).toEqual(fields);
  });

  it('answers 404 for an unknown calendar', async () => {
    const res = await get('/XX/deadline', { from: '2026-03-19T11:00:00+03:00', workingHours: 6 });
    expect(res.status).toBe(404);
    expect(errorBodySchema.parse(await res.json()).error.code).toBe('NOT_FOUND');
  });
});

describe('GET /v1/calendars/{id}/business-time', () => {
  const businessTime = async (id: string, from: string, to: string) => {
    const res = await get(`/${id}/business-time`, { from, to });
    expect(res.status).toBe(200);
    return businessTimeSchema.parse(await res.json());
  };

  it('counts only Friday afternoon and Monday morning over a weekend', async () => {
    expect(await businessTime('TR', '2026-11-20T16:00:00+03:00', '2026-11-23T11:00:00+03:00')).toEqual({
      calendarId: 'TR',
      timeZone: 'Europe/Istanbul',
      overridesVersion: expect.any(Number),
      from: '2026-11-20T16:00:00+03:00',
      to: '2026-11-23T11:00:00+03:00',
      workingMinutes: 240,
      workingHours: 4,
    });
  });

  it('is negative when to is before from', async () => {
    const body = await businessTime('TR', '2026-11-23T11:00:00+03:00', '2026-11-20T16:00:00+03:00');
    expect(body.workingMinutes).toBe(-240);
  });

  it('counts the Ramazan arife as a morning and the bayram as closed', async () => {
    const body = await businessTime('TR', '2026-03-19T09:00:00+03:00', '2026-03-23T18:00:00+03:00');
    expect(body.workingHours).toBe(4 + 9);
  });

  it('gives the span in the calendar’s offset when asked in another', async () => {
    const body = await businessTime('DE', '2026-11-23T07:00:00Z', '2026-11-23T16:00:00Z');
    expect(body).toMatchObject({ from: '2026-11-23T08:00:00+01:00', to: '2026-11-23T17:00:00+01:00', workingHours: 8 });
  });

  it.each<[string, Query, string[]]>([
    ['no to', { from: '2026-11-20T16:00:00+03:00' }, ['query.to']],
    ['a to that is not an instant', { from: '2026-11-20T16:00:00+03:00', to: 'Monday' }, ['query.to']],
    ['an instant in the calendars’ last year (its local date may lie past them)', { from: '2075-12-31T22:00:00Z', to: '2074-12-01T10:00:00Z' }, ['query.from']],
  ])('answers 400 naming the field for %s', async (_name, query, fields) => {
    expect(await badFields(await get('/TR/business-time', query))).toEqual(fields);
  });

  it('answers 422 naming `to` for instants too far apart (a rule between two fields the document states in words)', async () => {
    const res = await get('/TR/business-time', { from: '1990-01-01T10:00:00Z', to: '2030-01-01T10:00:00Z' });
    expect(res.status).toBe(422);
    expect(errorBodySchema.parse(await res.json()).error).toMatchObject({ code: 'UNPROCESSABLE', details: [{ path: 'query.to' }] });
  });

  it('answers 404 for an unknown calendar', async () => {
    const res = await get('/XX/business-time', { from: '2026-11-20T16:00:00+03:00', to: '2026-11-23T11:00:00+03:00' });
    expect(res.status).toBe(404);
  });
});

describe('the calendar endpoints in the OpenAPI document', () => {
  it('documents the four routes and their response schemas', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/calendars', '/v1/calendars/{id}', '/v1/calendars/{id}/deadline', '/v1/calendars/{id}/business-time']),
    );
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['CalendarList', 'CalendarYear', 'CalendarDeadline', 'CalendarBusinessTime']),
    );
  });
});
