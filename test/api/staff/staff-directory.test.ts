import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../../api/http/errors.js';
import {
  departmentSchema,
  organisationRoleListSchema,
  personListSchema,
  personSchema,
  teamSchema,
} from '../../../api/staff/staff-directory.schemas.js';
import { bearer, integrationContext, type IntegrationContext } from '../../helpers/integration.js';

// The database is shared by every test file: every id here carries this run's suffix.
let ctx: IntegrationContext;
let app: ReturnType<IntegrationContext['app']>;
const run = randomUUID().slice(0, 8);
const id = (name: string) => `${name}-${run}`;

beforeAll(async () => {
  ctx = await integrationContext();
  app = ctx.app();
});
afterAll(async () => ctx.close());

type Role = Parameters<typeof bearer>[0];
const send = (method: string, path: string, body?: unknown, role: Role = 'admin') =>
  app.request(`/v1${path}`, {
    method,
    headers: { ...bearer(role), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const badFields = async (res: Response, code: 'VALIDATION_FAILED' | 'UNPROCESSABLE' = 'VALIDATION_FAILED') => {
  expect(res.status).toBe(code === 'VALIDATION_FAILED' ? 400 : 422);
  const { error } = errorBodySchema.parse(await res.json());
  expect(error.code).toBe(code);
  return [...new Set((error.details as { path: string; message: string }[]).map((d) => d.path))].sort();
};

const ayse = () => ({ id: id('ayse'), name: 'Ayşe Yılmaz', email: 'ayse@poliser.example', phone: '+905321234567', language: 'tr', roles: ['agent'] });

describe('/v1/staff', () => {
  it('adds a person, shows them to every staff role and lists them by role', async () => {
    const res = await send('POST', '/staff', ayse());
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/v1/staff/${id('ayse')}`);
    expect(personSchema.parse(await res.json())).toEqual({ ...ayse(), active: true, teams: [] });
    for (const role of ['agent', 'supervisor', 'process_owner', 'auditor', 'admin'] as const) {
      expect((await send('GET', `/staff/${id('ayse')}`, undefined, role)).status).toBe(200);
    }
    const agents = personListSchema.parse(await (await send('GET', '/staff?role=agent&active=true', undefined, 'auditor')).json());
    expect(agents.people.map((p) => p.id)).toContain(id('ayse'));
  });

  it('lets only admin change the directory (403 for every other role)', async () => {
    for (const role of ['agent', 'supervisor', 'process_owner', 'auditor'] as const) {
      const res = await send('POST', '/staff', { ...ayse(), id: id(`x-${role}`) }, role);
      expect(res.status).toBe(403);
      expect(errorBodySchema.parse(await res.json()).error.code).toBe('NOT_ALLOWED_FOR_ROLE');
      expect((await send('PATCH', `/teams/${id('none')}`, { name: 'x' }, role)).status).toBe(403);
      expect((await send('PUT', '/organisation-roles/director', { personId: id('ayse') }, role)).status).toBe(403);
    }
  });

  it('lists everyone without filters, and refuses a change that names no field', async () => {
    await send('POST', '/staff', { ...ayse(), id: id('plain') });
    const everyone = personListSchema.parse(await (await send('GET', '/staff', undefined, 'agent')).json());
    expect(everyone.people.map((p) => p.id)).toContain(id('plain'));
    expect(await badFields(await send('PATCH', `/staff/${id('plain')}`, {}))).toEqual(['(body)']);
    expect(await badFields(await send('PATCH', `/staff/${id('plain')}`))).toEqual(['(body)']);
    const cleared = personSchema.parse(await (await send('PATCH', `/staff/${id('plain')}`, { roles: [], email: null, language: 'fa' })).json());
    expect(cleared).toMatchObject({ roles: [], email: null, language: 'fa', phone: '+905321234567' });
    expect((await send('PATCH', `/staff/${id('ghost')}`, { name: 'Nobody' })).status).toBe(404);
  });

  it('names each bad field (400) and refuses a taken id (409)', async () => {
    expect(await badFields(await send('POST', '/staff', { id: 'has space', name: ' ', email: 'nope', phone: '0532', language: 'de', roles: ['boss'] }))).toEqual(
      ['email', 'id', 'language', 'name', 'phone', 'roles.0'],
    );
    await send('POST', '/staff', { ...ayse(), id: id('taken') });
    const again = await send('POST', '/staff', { ...ayse(), id: id('taken') });
    expect(again.status).toBe(409);
    expect(errorBodySchema.parse(await again.json()).error.code).toBe('CONFLICT');
  });

  it('deactivates someone who has left instead of deleting them once anything names them', async () => {
    const leaver = id('leaver');
    await send('POST', '/staff', { id: leaver, name: 'Mehmet Kaya', roles: ['agent'] });
    await send('POST', '/teams', { id: id('t-leaver'), name: 'Leavers', memberIds: [leaver] });
    const refused = await send('DELETE', `/staff/${leaver}`);
    expect(refused.status).toBe(409);
    expect(errorBodySchema.parse(await refused.json()).error.message).toMatch(/member of 1 team.*deactivate/);
    const left = personSchema.parse(await (await send('PATCH', `/staff/${leaver}`, { active: false, phone: null })).json());
    expect(left).toMatchObject({ id: leaver, name: 'Mehmet Kaya', active: false, phone: null });
    // A deactivated person can no longer be made a lead.
    expect(await badFields(await send('PATCH', `/teams/${id('t-leaver')}`, { leadId: leaver }), 'UNPROCESSABLE')).toEqual(['leadId']);

    const mistake = id('mistake');
    await send('POST', '/staff', { id: mistake, name: 'Added by mistake' });
    expect((await send('DELETE', `/staff/${mistake}`)).status).toBe(204);
    expect((await send('GET', `/staff/${mistake}`)).status).toBe(404);
  });
});

describe('/v1/teams and /v1/departments', () => {
  it('keeps a department with its head and a team with its lead and members', async () => {
    const [lead, member] = [id('lead'), id('member')];
    await send('POST', '/staff', { id: lead, name: 'Zeynep Demir', roles: ['supervisor'] });
    await send('POST', '/staff', { id: member, name: 'Can Öztürk', roles: ['agent'] });
    const dept = await send('POST', '/departments', { id: id('after_sales'), name: 'After-sales service', headId: lead });
    expect(dept.status).toBe(201);
    const team = await send('POST', '/teams', { id: id('as1'), name: 'After-sales 1', departmentId: id('after_sales'), leadId: lead, memberIds: [member] });
    expect(team.status).toBe(201);
    expect(teamSchema.parse(await team.json())).toEqual({ id: id('as1'), name: 'After-sales 1', departmentId: id('after_sales'), leadId: lead, memberIds: [member] });
    const shown = departmentSchema.parse(await (await send('GET', `/departments/${id('after_sales')}`, undefined, 'agent')).json());
    expect(shown).toEqual({ id: id('after_sales'), name: 'After-sales service', headId: lead, teamIds: [id('as1')] });
    expect(personSchema.parse(await (await send('GET', `/staff/${member}`)).json()).teams).toEqual([id('as1')]);
    // A department with teams stays (409); a team without open complaints can go.
    expect((await send('DELETE', `/departments/${id('after_sales')}`)).status).toBe(409);
    expect((await send('DELETE', `/teams/${id('as1')}`)).status).toBe(204);
    expect((await send('DELETE', `/departments/${id('after_sales')}`)).status).toBe(204);
  });

  it('names each unknown person and department of a team (422) and refuses a taken id (409)', async () => {
    const res = await send('POST', '/teams', { id: id('ghosts'), name: 'Ghosts', leadId: id('nobody'), memberIds: [id('nobody2')], departmentId: null });
    expect(await badFields(res, 'UNPROCESSABLE')).toEqual(['leadId', 'memberIds.0']);
    expect(await badFields(await send('POST', '/teams', { id: id('nodept'), name: 'No dept', departmentId: id('nowhere') }), 'UNPROCESSABLE')).toEqual(['departmentId']);
    expect(await badFields(await send('POST', '/teams', { id: 'bad id', name: '' }))).toEqual(['id', 'name']);
    await send('POST', '/teams', { id: id('dup'), name: 'Dup' });
    expect((await send('POST', '/teams', { id: id('dup'), name: 'Dup' })).status).toBe(409);
  });
});

describe('/v1/organisation-roles', () => {
  it('names who holds complaintsManager and director, and refuses the levels that follow each complaint', async () => {
    const manager = id('manager');
    await send('POST', '/staff', { id: manager, name: 'Elif Şahin', email: 'elif@poliser.example', roles: ['supervisor'] });
    const res = await send('PUT', '/organisation-roles/complaintsManager', { personId: manager });
    expect(res.status).toBe(200);
    const roles = organisationRoleListSchema.parse(await (await send('GET', '/organisation-roles', undefined, 'auditor')).json());
    expect(roles.roles).toContainEqual({ level: 'complaintsManager', personId: manager, name: 'Elif Şahin', active: true });
    expect(await badFields(await send('PUT', '/organisation-roles/teamLead', { personId: manager }))).toEqual(['param.level']);
    expect(await badFields(await send('PUT', '/organisation-roles/director', { personId: id('nobody') }), 'UNPROCESSABLE')).toEqual(['personId']);
  });
});
