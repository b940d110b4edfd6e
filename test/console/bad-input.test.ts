// Bad input to the console is the sender's fault: every console route answers it with a 4xx page
// (or a redirect), never a 5xx, and nothing reaches the error log. A table of every form route
// with its fields and every page with its query parameters; each form is sent empty, repeated,
// with unknown fields, with NUL bytes, too long, as files, as multipart, as a broken multipart, as
// JSON; each path gets ids that cannot exist; then a fuzz loop (a fixed seed, so a failure
// repeats) sends random values to every field and parameter.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DECISION_FIELDS } from '../../api/console/complaint/decision-fields.js';
import { CHART_IDS } from '../../api/console/dashboard/charts.js';
import { EDITED_STAGES } from '../../api/console/process/editor.js';
import { saveQueue } from '../../api/console/queues/saved-queues.js';
import { DAY_FILTERS, FLAG_FILTERS, LIST_FILTERS, TEXT_FILTERS } from '../../api/console/search/search-query.js';
import { DECISION_TYPES, TIMED_STAGES } from '../../domain/complaint.js';
import { aStaffPerson, signedInCookie, useConsoleApp, type ConsoleTestEnv, type StaffPerson } from '../helpers/console.js';
import { aComplaint } from '../helpers/fixtures.js';
import { bearer } from '../helpers/integration.js';
import { processOwnerClient } from '../helpers/process-definitions.js';
import { quietProcess } from '../helpers/process.js';

const logged: Array<{ level: number; msg: string; err?: { message?: string } }> = [];
const log = pino({ level: 'warn' }, { write: (line: string) => void logged.push(JSON.parse(line) as (typeof logged)[number]) });

let env: ConsoleTestEnv;
useConsoleApp((ready) => (env = ready), { log });

/** The calendar whose overrides the forms are sent to; its overrides are put back afterwards. */
const CALENDAR = 'US';
const ORIGIN = 'http://localhost';

interface Ids {
  person: string;
  team: string;
  queue: string;
  reference: string;
  definition: string;
  version: string;
  draft: string;
  calendar: string;
  migration: string;
  message: string;
  attachment: string;
}
let admin: StaffPerson;
let ids: Ids;
let calendarBefore: Overrides;

beforeAll(async () => {
  calendarBefore = await overridesOf();
  admin = await aStaffPerson(env.sql, { roles: ['admin'], password: 'a password of the admin' });
  const victim = await aStaffPerson(env.sql, { roles: ['agent'], teams: [`bad-input-${admin.id}`] });
  const filed = await env.app.request('/v1/complaints', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(aComplaint()) });
  expect(filed.status).toBe(201);
  const { reference } = (await filed.json()) as { reference: string };
  const api = processOwnerClient(env.app);
  const draft = await api.newDefinition(quietProcess((p) => (p.calendarId = 'TR')).definition);
  await api.ok(api.publish(draft.definitionId, 1, 'First version.'));
  await api.ok(api.newDraft(draft.definitionId), 201);
  const saved = await saveQueue(env.sql, admin.id, 'Bad input', 'status=received');
  if (!('queue' in saved)) throw new Error('no saved queue');
  ids = {
    person: victim.id,
    team: `bad-input-${admin.id}`,
    queue: saved.queue.id,
    reference,
    definition: draft.definitionId,
    version: '1',
    draft: '2',
    calendar: CALENDAR,
    migration: '00000000-0000-4000-8000-000000000000',
    message: '1',
    attachment: '00000000-0000-4000-8000-000000000000',
  };
});
// Before the app closes (after-hooks run last registered first): should a form have stored a valid change, it goes.
afterAll(() => restoreOverrides(calendarBefore));

// ---- the routes -------------------------------------------------------------------------------

interface FormRoute {
  path: string;
  fields: readonly string[];
  /** Posted without a session (sign-in checks its own double-submit token). */
  public?: boolean;
}

const decisionForms: FormRoute[] = DECISION_TYPES.map((type) => ({
  path: `/console/complaints/{reference}/decisions/${type}`,
  fields: [...DECISION_FIELDS[type].map((f) => f.name), '_etag'],
}));

const FORMS: FormRoute[] = [
  { path: '/console/sign-in', fields: ['email', 'password', 'lang', 'next', '_csrf'], public: true },
  { path: '/console/sign-out', fields: [] },
  { path: '/console/session/role', fields: ['role'] },
  { path: '/console/people', fields: ['id', 'name', 'email', 'phone', 'language', 'roles', 'password'] },
  { path: '/console/people/{person}/password', fields: ['password'] },
  { path: '/console/people/{person}/unlock', fields: [] },
  { path: '/console/people/{person}/active', fields: ['active'] },
  { path: '/console/account/password', fields: ['currentPassword', 'password'] },
  { path: '/console/queues/{team}/claim', fields: [] },
  { path: '/console/queues/{team}/release', fields: ['reference'] },
  { path: '/console/queues/saved/{queue}/rename', fields: ['name'] },
  { path: '/console/queues/saved/{queue}/up', fields: [] },
  { path: '/console/queues/saved/{queue}/down', fields: [] },
  { path: '/console/complaints/save-queue', fields: ['query', 'name'] },
  { path: '/console/complaints/bulk', fields: ['reference', 'action', 'assignee', 'team', 'reason', 'text', 'back'] },
  ...decisionForms,
  { path: '/console/complaints/{reference}/messages/{message}/retry', fields: [] },
  { path: '/console/complaints/{reference}/viewers/leave', fields: [] },
  { path: '/console/process/{definition}/drafts', fields: ['from'] },
  { path: '/console/process/{definition}/versions/{draft}/edit', fields: ['form', 'content', 'action', ...EDITED_STAGES.flatMap((s) => [`${s}.amount`, `${s}.unit`, `${s}.warnAtShare`])] },
  { path: '/console/process/{definition}/versions/{version}/simulate', fields: ['receivedAt', 'events', 'until'] },
  { path: '/console/process/{definition}/versions/{version}/backtest', fields: ['from', 'to', 'limit', 'filedUnder'] },
  { path: '/console/process/{definition}/migrations/preview', fields: ['targetVersion', 'fromVersion', ...TIMED_STAGES.map((s) => `rule.${s}`)] },
  { path: '/console/process/{definition}/migrations/apply', fields: ['targetVersion', 'fromVersion', ...TIMED_STAGES.map((s) => `rule.${s}`)] },
  { path: '/console/process/{definition}/versions/{draft}/publish', fields: ['changeNote'] },
  { path: '/console/process/{definition}/versions/{version}/retire', fields: [] },
  { path: '/console/calendars/{calendar}/overrides/add', fields: ['kind', 'date', 'name', 'from', 'to', 'changeNote', 'baseVersion', 'year'] },
  { path: '/console/calendars/{calendar}/overrides/announce', fields: ['key', 'firstDay', 'changeNote', 'baseVersion', 'year'] },
  { path: '/console/calendars/{calendar}/overrides/remove', fields: ['kind', 'index', 'changeNote', 'baseVersion', 'year'] },
  // Last: it deletes the queue the forms above rename and move.
  { path: '/console/queues/saved/{queue}/delete', fields: [] },
];

interface PageRoute {
  path: string;
  params: readonly string[];
  public?: boolean;
}

const DASHBOARD_PARAMS = ['preset', 'from', 'to', 'interval', 'department', 'team'];
const PAGES: PageRoute[] = [
  { path: '/console/sign-in', params: ['lang', 'next'], public: true },
  { path: '/console', params: [] },
  { path: '/console/queues', params: ['saved', 'renamed', 'deleted', 'released'] },
  { path: '/console/complaints', params: [...LIST_FILTERS, ...FLAG_FILTERS, ...DAY_FILTERS, ...TEXT_FILTERS, 'sort', 'cursor'] },
  { path: '/console/complaints/{reference}', params: ['done', 'retried'] },
  { path: '/console/complaints/{reference}/viewers', params: [] },
  { path: '/console/complaints/{reference}/attachments/{attachment}', params: [] },
  { path: '/console/dashboard', params: DASHBOARD_PARAMS },
  ...CHART_IDS.map((id) => ({ path: `/console/dashboard/${id}.csv`, params: DASHBOARD_PARAMS })),
  { path: '/console/audit', params: ['actor', 'action', 'source', 'reference', 'from', 'to', 'cursor'] },
  { path: '/console/people', params: [] },
  { path: '/console/people/{person}', params: ['done'] },
  { path: '/console/account/password', params: ['done'] },
  { path: '/console/process', params: [] },
  { path: '/console/process/{definition}/versions/{version}', params: ['done'] },
  { path: '/console/process/{definition}/diff', params: ['from', 'to'] },
  { path: '/console/process/{definition}/versions/{draft}/edit', params: [] },
  { path: '/console/process/{definition}/versions/{version}/simulate', params: [] },
  { path: '/console/process/{definition}/versions/{version}/backtest', params: [] },
  { path: '/console/process/{definition}/migrations/{migration}', params: [] },
  { path: '/console/process/{definition}/migrations/{migration}/progress', params: [] },
  { path: '/console/calendars', params: [] },
  { path: '/console/calendars/{calendar}', params: ['year', 'done'] },
];

// ---- sending ----------------------------------------------------------------------------------

type Fields = Array<[string, string | Blob]>;
interface Sent {
  what: string;
  status: number;
  body: string;
}

const fill = (path: string, with_: Partial<Ids> = {}) => path.replace(/\{(\w+)\}/g, (_, name: keyof Ids) => encodeURIComponent(with_[name] ?? ids[name]));

/** A session of its own for each request: some forms end theirs (sign-out) or the person's (a new own password). */
async function session(route: { public?: boolean }) {
  if (route.public) return { cookie: '', csrfToken: '' };
  return signedInCookie(env.sql, admin);
}

/** A raw request with a session of its own; `token` sends its CSRF token as the header htmx sends. */
async function send(what: string, route: FormRoute, init: { type?: string; body?: string; token?: boolean }): Promise<Sent> {
  const who = await session(route);
  const path = fill(route.path);
  const headers: Record<string, string> = { origin: ORIGIN, ...(who.cookie ? { cookie: who.cookie } : {}) };
  if (init.token !== false && who.csrfToken) headers['x-csrf-token'] = who.csrfToken;
  if (init.type !== undefined) headers['content-type'] = init.type;
  const res = await env.app.request(path, { method: 'POST', headers, ...(init.body !== undefined ? { body: init.body } : {}) });
  return { what: `${what}: POST ${path}`, status: res.status, body: await res.text() };
}

/** A form as a browser posts it (the session's token first), urlencoded or multipart. */
async function post(what: string, route: FormRoute, fields: Fields, opts: { multipart?: boolean; path?: string } = {}): Promise<Sent> {
  const who = await session(route);
  const all: Fields = [['_csrf', who.csrfToken], ...fields];
  const path = opts.path ?? fill(route.path);
  const headers: Record<string, string> = { origin: ORIGIN, ...(who.cookie ? { cookie: who.cookie } : {}) };
  let body: string | FormData;
  if (opts.multipart || all.some(([, v]) => typeof v !== 'string')) {
    const form = new FormData();
    for (const [name, value] of all) form.append(name, value);
    body = form;
  } else {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(all as Array<[string, string]>).toString();
  }
  const res = await env.app.request(path, { method: 'POST', headers, body });
  return { what: `${what}: POST ${path}`, status: res.status, body: await res.text() };
}

async function get(what: string, route: PageRoute, path: string): Promise<Sent> {
  const who = await session(route);
  const res = await env.app.request(path, { headers: who.cookie ? { cookie: who.cookie } : {} });
  return { what: `${what}: GET ${path.slice(0, 300)}`, status: res.status, body: await res.text() };
}

/** Fails listing every answer of 500 or more, and every error-level log line, since `mark`. */
function expectNoServerErrors(sent: Sent[], mark: number) {
  const failures = sent.filter((s) => s.status >= 500).map((s) => `${s.status} ${s.what}`);
  const errors = logged.slice(mark).filter((l) => l.level >= 50).map((l) => `${l.msg}: ${l.err?.message ?? ''}`);
  expect(failures).toEqual([]);
  expect(errors).toEqual([]);
}

// ---- a seeded random source -------------------------------------------------------------------

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLAUSIBLE = [
  '', ' ', '0', '1', '-1', '2', '1.5', '1e308', '-0', 'NaN', 'Infinity', '99999999999999999999', 'true', 'false', 'null', 'undefined',
  '[]', '{}', '[{"kind":"decision","at":"2026-01-01T00:00:00Z"}]', '{"stages":{}}', '2026-02-30', '2026-12-01', '0000-01-01', '9999-12-31',
  '2026-12-01T10:00:00Z', '2026-12-01T10:00:00', '10:00', '25:61', 'CMP-2026-000001', 'CMP-0000-000000', 'agent', 'admin', 'auditor',
  'process_owner', 'closed', 'open', 'exception', 'movingHoliday', 'json', 'deadlines', 'save', 'validate', 'keep', 'recompute', 'restart',
  'assign', 'escalate', 'note', 'workingDays', 'workingHours', 'upheld', 'repair', 'W/"1"', '"1"', '*', '/console', '//evil.example',
  '/console/../v1/staff', 'a@b', 'x@example.com', '+90 532 000 00 00', 'tr', 'en', 'fa', 'week', 'month', 'this-year', 'custom',
  'eyJ2IjoxfQ', '%00', '%ZZ', '<script>alert(1)</script>', '"; DROP TABLE complaints; --', '\u202eevil', '\ud83d\ude00', 'ı̇İ', 'ß'.repeat(50),
];

function randomValue(random: () => number): string {
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const length = (max: number) => Math.floor(random() * max);
  switch (pick(['plausible', 'plausible', 'ascii', 'unicode', 'control', 'long', 'mixed'] as const)) {
    case 'plausible':
      return pick(PLAUSIBLE);
    case 'ascii':
      return Array.from({ length: length(40) }, () => String.fromCharCode(32 + length(95))).join('');
    case 'unicode':
      return Array.from({ length: length(30) }, () => String.fromCodePoint(pick([0xa0, 0x300, 0x600, 0x5d0, 0x4e00, 0x1f600, 0xfeff, 0x10000]) + length(200))).join('');
    case 'control':
      return Array.from({ length: 1 + length(10) }, () => String.fromCharCode(1 + length(31))).join('');
    case 'long':
      return pick(PLAUSIBLE).padEnd(1_000 + length(4_000), pick(['x', ' ', 'ğ', '9']));
    case 'mixed':
      return `${pick(PLAUSIBLE)}${String.fromCharCode(length(128))}${pick(PLAUSIBLE)}`;
  }
}

// ---- the cases --------------------------------------------------------------------------------

const UNKNOWN_IDS = ['%00', 'x'.repeat(3000), '..%2F..%2Fv1', '%E0%A4%A', 'CMP-0000-000000', '00000000-0000-4000-8000-000000000001', '-1', '0', '99999999999', 'ğ ü'];

describe('bad input to every console form', () => {
  it.each(FORMS.map((route) => [route.path, route] as const))('%s: answers 4xx pages for malformed forms, never a 5xx', async (_path, route) => {
    const mark = logged.length;
    const sent: Sent[] = [];
    const each = (value: string): Fields => route.fields.map((f) => [f, value]);
    sent.push(await post('no fields', route, []));
    sent.push(await post('every field blank', route, each('')));
    sent.push(await post('every field twice', route, [...each('1'), ...each('x')]));
    sent.push(await post('unknown fields', route, Array.from({ length: 200 }, (_, i): [string, string] => [`extra${i}[]`, String(i)])));
    sent.push(await post('every field too long', route, each('x'.repeat(Math.floor(12_000 / Math.max(route.fields.length, 1))))));
    sent.push(await post('every field as multipart text', route, each('1'), { multipart: true }));
    sent.push(await post('URL-encoded bytes that are not UTF-8', route, each('\ufffd')));
    if (route.fields.length > 0) {
      const nul = await post('a NUL in every field', route, each('a\u0000b'));
      sent.push(nul);
      expect(nul.status, nul.what).toBe(400);
      expect(nul.body).toContain(`${route.fields[0]}: contains a NUL character`);
      const file = await post('a file in every field', route, route.fields.map((f) => [f, new Blob(['x'], { type: 'text/plain' })]));
      sent.push(file);
      expect(file.status, file.what).toBe(400);
      expect(file.body).toContain(`${route.fields[0]}: expected text, not a file`);
    }
    const huge = await post('a body over the limit', route, [['filler', 'x'.repeat(40_000)]]);
    sent.push(huge);
    expect(huge.status, huge.what).toBe(413);
    const broken = await send('a broken multipart', route, { type: 'multipart/form-data; boundary=nothing', body: '--something else\r\n\r\n' });
    sent.push(broken);
    expect(broken.status, broken.what).toBe(400);
    expect(broken.body).toContain('not a form this page can read');
    sent.push(await send('a multipart with no boundary', route, { type: 'multipart/form-data', body: 'a=1' }));
    const json = await send('JSON', route, { type: 'application/json', body: JSON.stringify({ fields: route.fields }) });
    sent.push(json);
    expect(json.status, json.what).toBe(415);
    sent.push(await send('text/plain', route, { type: 'text/plain', body: 'hello' }));
    sent.push(await send('no body', route, {}));
    for (const bad of UNKNOWN_IDS) {
      for (const name of route.path.match(/\{(\w+)\}/g) ?? []) {
        const placeholder = name.slice(1, -1) as keyof Ids;
        const badPath = route.path.replace(/\{(\w+)\}/g, (_, n: keyof Ids) => (n === placeholder ? bad : encodeURIComponent(ids[n])));
        sent.push(await post(`an id that cannot exist in {${placeholder}}`, route, each('1'), { path: badPath }));
      }
    }
    expectNoServerErrors(sent, mark);
  });
});

describe('bad query parameters and ids on every console page', () => {
  it.each(PAGES.map((route) => [route.path, route] as const))('%s: answers 4xx pages, never a 5xx', async (_path, route) => {
    const mark = logged.length;
    const sent: Sent[] = [];
    const path = fill(route.path);
    const query = (value: string) => new URLSearchParams(route.params.map((p): [string, string] => [p, value])).toString();
    for (const value of ['', 'x', '-1', '9'.repeat(30), '2026-02-30', '0000-01-01', 'eyJ2IjoxfQ', '%ZZ', 'x'.repeat(5_000)]) {
      sent.push(await get(`every parameter "${value.slice(0, 20)}"`, route, `${path}?${query(value)}`));
    }
    sent.push(await get('every parameter twice', route, `${path}?${query('1')}&${query('a,b')}`));
    sent.push(await get('unknown parameters', route, `${path}?${Array.from({ length: 50 }, (_, i) => `p${i}=${i}`).join('&')}`));
    const nul = await get('a NUL in the query', route, `${path}?${route.params[0] ?? 'x'}=a%00b`);
    sent.push(nul);
    expect(nul.status, nul.what).toBe(400);
    for (const bad of UNKNOWN_IDS) {
      for (const name of route.path.match(/\{(\w+)\}/g) ?? []) {
        const placeholder = name.slice(1, -1) as keyof Ids;
        sent.push(await get(`an id that cannot exist in {${placeholder}}`, route, route.path.replace(/\{(\w+)\}/g, (_, n: keyof Ids) => (n === placeholder ? bad : encodeURIComponent(ids[n])))));
      }
    }
    expectNoServerErrors(sent, mark);
  });
});

describe('random input to every console form and page (seeded)', () => {
  const ROUNDS = 12;

  it('never answers a 5xx nor logs an error', async () => {
    const random = mulberry32(20_261_201);
    const mark = logged.length;
    const sent: Sent[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const route of FORMS) {
        const fields: Fields = [];
        for (const field of [...route.fields, 'unknown']) {
          const times = random() < 0.15 ? 0 : random() < 0.15 ? 2 : 1;
          for (let i = 0; i < times; i++) fields.push([field, randomValue(random)]);
        }
        sent.push(await post(`round ${round} ${JSON.stringify(fields).slice(0, 200)}`, route, fields, { multipart: random() < 0.2 }));
      }
      for (const route of PAGES) {
        const params = new URLSearchParams(route.params.filter(() => random() < 0.6).map((p): [string, string] => [p, randomValue(random)]));
        sent.push(await get(`round ${round}`, route, `${fill(route.path)}?${params}`));
      }
    }
    expectNoServerErrors(sent, mark);
  }, 600_000);
});

// ---- the calendar the forms may have changed --------------------------------------------------

interface Overrides {
  version: number;
  overrides: Record<string, unknown>;
}

async function overridesOf(): Promise<Overrides> {
  const res = await env.app.request(`/v1/calendars/${CALENDAR}/overrides`, { headers: bearer('admin') });
  expect(res.status).toBe(200);
  return (await res.json()) as Overrides;
}

/** Puts back the overrides the calendar had, should a random form have stored a valid change. */
async function restoreOverrides(before: Overrides) {
  const now = await overridesOf();
  if (now.version === before.version) return;
  const res = await env.app.request(`/v1/calendars/${CALENDAR}/overrides`, {
    method: 'PUT',
    headers: { ...bearer('admin'), 'content-type': 'application/json' },
    body: JSON.stringify({ ...before.overrides, changeNote: 'The bad-input test puts back what it changed.', baseVersion: now.version }),
  });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
}
