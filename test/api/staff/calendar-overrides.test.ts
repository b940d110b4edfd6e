import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  overridesHistorySchema,
  overridesVersionSchema,
} from '../../../api/staff/calendar-overrides.schemas.js';
import { businessTimeSchema, calendarYearSchema, deadlineSchema } from '../../../api/staff/calendars.schemas.js';
import { errorBodySchema } from '../../../api/http/errors.js';
import { bearer, integrationContext, type IntegrationContext } from '../../helpers/integration.js';

// The database is shared by every test file and stored versions cannot be deleted: this file
// works in 2033 on DE and TR and puts back an empty set when it is done.
let ctx: IntegrationContext;
let app: ReturnType<IntegrationContext['app']>;

beforeAll(async () => {
  ctx = await integrationContext();
  app = ctx.app();
});
afterAll(async () => {
  for (const id of ['DE', 'TR']) await put(id, { changeNote: 'Test over: back to the shipped calendar' });
  await ctx.close();
});

type Role = Parameters<typeof bearer>[0];

const put = (id: string, body: unknown, role: Role = 'process_owner') =>
  app.request(`/v1/calendars/${id}/overrides`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...bearer(role) },
    body: JSON.stringify(body),
  });

const get = (path: string, role: Role = 'process_owner') => app.request(`/v1/calendars${path}`, { headers: bearer(role) });

const current = async (id: string) => overridesVersionSchema.parse(await (await get(`/${id}/overrides`)).json());

const badFields = async (res: Response, code: 'VALIDATION_FAILED' | 'UNPROCESSABLE' = 'VALIDATION_FAILED') => {
  expect(res.status).toBe(code === 'VALIDATION_FAILED' ? 400 : 422);
  const { error } = errorBodySchema.parse(await res.json());
  expect(error.code).toBe(code);
  return (error.details as Array<{ path: string; message: string }>).sort((a, b) => a.path.localeCompare(b.path));
};

const BRIDGE_DAY = { kind: 'closed', date: '2033-06-10', name: 'Betriebsurlaub' } as const;
const SATURDAY_WORKED = { kind: 'open', date: '2033-06-11', name: 'Inventur', hours: [{ from: '09:00', to: '13:00' }] } as const;

describe('PUT /v1/calendars/{id}/overrides', () => {
  it('stores each change as the next version with its author, change note and content hash', async () => {
    const before = (await current('DE')).version;
    const res = await put('DE', { exceptions: [BRIDGE_DAY], changeNote: 'Closed the Friday after Whit Monday week' });
    expect(res.status).toBe(201);
    const stored = overridesVersionSchema.parse(await res.json());
    expect(res.headers.get('location')).toBe(`/v1/calendars/DE/overrides/versions/${before + 1}`);
    expect(stored).toMatchObject({
      calendarId: 'DE',
      version: before + 1,
      overrides: { movingHolidays: [], exceptions: [BRIDGE_DAY] },
      author: { id: 'test-process_owner', role: 'process_owner' },
      changeNote: 'Closed the Friday after Whit Monday week',
    });
    // SHA-256 of the canonical JSON, written out by hand: keys sorted, no white space.
    const canonical = '{"exceptions":[{"date":"2033-06-10","kind":"closed","name":"Betriebsurlaub"}],"movingHolidays":[]}';
    expect(stored.contentSha256).toBe(createHash('sha256').update(canonical).digest('hex'));

    const second = await put('DE', { exceptions: [SATURDAY_WORKED, BRIDGE_DAY], changeNote: 'Inventory on Saturday', baseVersion: before + 1 });
    expect(second.status).toBe(201);
    const history = overridesHistorySchema.parse(await (await get('/DE/overrides/versions', 'auditor')).json());
    expect(history.versions.slice(-2)).toEqual([
      expect.objectContaining({ version: before + 1, changeNote: 'Closed the Friday after Whit Monday week', exceptionCount: 1 }),
      expect.objectContaining({ version: before + 2, changeNote: 'Inventory on Saturday', exceptionCount: 2, author: { id: 'test-process_owner', role: 'process_owner' } }),
    ]);
    const first = overridesVersionSchema.parse(await (await get(`/DE/overrides/versions/${before + 1}`, 'agent')).json());
    expect(first.overrides.exceptions).toEqual([BRIDGE_DAY]);
    // In date order, whatever order they were sent in.
    expect((await current('DE')).overrides.exceptions.map((e) => e.date)).toEqual(['2033-06-10', '2033-06-11']);
  });

  it('answers a set equal to the one in force with that version, storing nothing', async () => {
    await put('DE', { exceptions: [BRIDGE_DAY], changeNote: 'Bridge day only' });
    const inForce = await current('DE');
    const res = await put('DE', { exceptions: [BRIDGE_DAY], movingHolidays: [], changeNote: 'Sent twice' });
    expect(res.status).toBe(200);
    expect(overridesVersionSchema.parse(await res.json())).toMatchObject({ version: inForce.version, changeNote: 'Bridge day only' });
    expect((await current('DE')).version).toBe(inForce.version);
  });

  it('refuses with 409 a change made on a version no longer in force', async () => {
    const inForce = (await current('DE')).version;
    const res = await put('DE', { exceptions: [], changeNote: 'Edited an old copy', baseVersion: inForce - 1 });
    expect(res.status).toBe(409);
    const { error } = errorBodySchema.parse(await res.json());
    expect(error).toMatchObject({ code: 'CONFLICT', details: { currentVersion: inForce } });
    expect((await current('DE')).version).toBe(inForce);
  });

  it('names every malformed field', async () => {
    const res = await put('DE', {
      exceptions: [
        { kind: 'closed', date: '2033-6-10', name: 'Betriebsurlaub' },
        { kind: 'open', date: '2033-06-11', name: 'Inventur', hours: [{ from: '09:00', to: '25:00' }] },
        { kind: 'closed', date: '2033-06-13', name: '   ' },
      ],
    });
    expect((await badFields(res)).map((d) => d.path)).toEqual(['changeNote', 'exceptions.0.date', 'exceptions.1.hours.0.to', 'exceptions.2.name']);
  });

  it('names every entry that does not fit the calendar, by its place in the request (422: each fits the document)', async () => {
    const res = await put('TR', {
      movingHolidays: [
        { key: 'kurbanBayrami', firstDay: '2033-03-10' },
        { key: 'bayram', firstDay: '2033-03-10' },
      ],
      exceptions: [
        { kind: 'closed', date: '2033-10-29', name: 'Köprü' },
        { kind: 'closed', date: '2033-06-11', name: 'Cumartesi' },
        { kind: 'open', date: '2033-06-10', name: 'Cuma', hours: [{ from: '10:00', to: '12:00' }] },
      ],
      changeNote: 'Mistakes',
    });
    expect(await badFields(res, 'UNPROCESSABLE')).toEqual([
      { path: 'exceptions.0.date', message: '2033-10-29 is already closed (Cumhuriyet Bayramı)' },
      { path: 'exceptions.1.date', message: '2033-06-11 is already closed (a Saturday)' },
      { path: 'exceptions.2.date', message: expect.stringContaining('already works 09:00–18:00') },
      { path: 'movingHolidays.1.key', message: expect.stringContaining('TR has no moving holiday "bayram"') },
    ]);
    expect((await current('TR')).overrides.exceptions).toEqual([]);
  });

  it('answers 404 for an unknown calendar', async () => {
    const res = await put('XX', { exceptions: [], changeNote: 'Nothing' });
    expect(res.status).toBe(404);
    expect((await get('/XX/overrides')).status).toBe(404);
    expect((await get('/DE/overrides/versions/999999')).status).toBe(404);
  });

  it.each(['agent', 'supervisor', 'auditor'] as const)('refuses a %s with 403, who may still read', async (role) => {
    const res = await put('DE', { exceptions: [], changeNote: `${role} tries` }, role);
    expect(res.status).toBe(403);
    expect(errorBodySchema.parse(await res.json()).error.code).toBe('NOT_ALLOWED_FOR_ROLE');
    expect((await get('/DE/overrides', role)).status).toBe(200);
    expect((await get('/DE/overrides/versions', role)).status).toBe(200);
  });

  it('answers 401 without an API key', async () => {
    const res = await app.request('/v1/calendars/DE/overrides', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(401);
  });
});

describe('stored versions', () => {
  it('cannot be changed or removed, not even by SQL', async () => {
    await put('DE', { exceptions: [BRIDGE_DAY, SATURDAY_WORKED], changeNote: 'To be tampered with' });
    const { version, contentSha256 } = await current('DE');
    await expect(ctx.sql`UPDATE calendar_override_versions SET change_note = 'rewritten' WHERE calendar_id = 'DE' AND version = ${version}`).rejects.toThrow(/immutable/);
    await expect(ctx.sql`UPDATE calendar_override_versions SET overrides = '{"movingHolidays":[],"exceptions":[]}' WHERE calendar_id = 'DE'`).rejects.toThrow(/immutable/);
    await expect(ctx.sql`DELETE FROM calendar_override_versions WHERE calendar_id = 'DE' AND version = ${version}`).rejects.toThrow(/immutable/);
    await expect(ctx.sql`TRUNCATE calendar_override_versions`).rejects.toThrow(/immutable/);
    expect(await current('DE')).toMatchObject({ version, contentSha256, changeNote: 'To be tampered with' });
  });
});

describe('the calendar routes', () => {
  it('show and count with the overrides in force', async () => {
    await put('DE', { exceptions: [BRIDGE_DAY, SATURDAY_WORKED], changeNote: 'Bridge day, inventory Saturday' });
    const { version } = await current('DE');
    const year = calendarYearSchema.parse(await (await get('/DE?year=2033', 'agent')).json());
    expect(year.overridesVersion).toBe(version);
    expect(year.exceptions).toEqual([BRIDGE_DAY, SATURDAY_WORKED]);

    // One working day from Thursday 10:00 skips the closed Friday and lands on the Saturday worked.
    const res = await get('/DE/deadline?from=2033-06-09T10:00:00%2B02:00&workingDays=1');
    expect(deadlineSchema.parse(await res.json())).toMatchObject({ overridesVersion: version, deadline: '2033-06-11T10:00:00+02:00' });
    // Thursday's close to Monday's opening: no Friday, four hours on Saturday.
    const span = await get('/DE/business-time?from=2033-06-09T17:00:00%2B02:00&to=2033-06-13T08:00:00%2B02:00');
    expect(businessTimeSchema.parse(await span.json())).toMatchObject({ overridesVersion: version, workingMinutes: 240 });
  });
});
