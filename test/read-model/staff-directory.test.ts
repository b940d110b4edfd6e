// Who a staff message reaches: symbolic recipients resolved, for one complaint, to the active
// people of the staff directory with their contact details (real PostgreSQL).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as store from '../../read-model/staff-directory-store.js';
import { createStaffDirectory } from '../../read-model/staff-directory.js';
import { seedComplaint } from '../helpers/customer-fixtures.js';
import { integrationContext, type IntegrationContext } from '../helpers/integration.js';

let ctx: IntegrationContext;
const run = randomUUID().slice(0, 8);
const id = (name: string) => `${name}-${run}`;
const ids = (people: { id: string }[]) => people.map((p) => p.id).sort();

beforeAll(async () => {
  ctx = await integrationContext();
  const person = (name: string, roles: ('agent' | 'supervisor')[] = ['agent'], extra = {}) =>
    store.createPerson(ctx.sql, { id: id(name), name, email: `${name}@poliser.example`, language: 'tr', roles, ...extra });
  await person('lead', ['supervisor']);
  await person('head', ['supervisor'], { phone: '+905321234567', language: 'en' });
  await person('agent1');
  await person('agent2');
  await person('left');
  await person('manager', ['supervisor']);
  await store.createDepartment(ctx.sql, { id: id('after_sales'), name: 'After-sales', headId: id('head') });
  await store.createTeam(ctx.sql, {
    id: id('as1'), name: 'After-sales 1', departmentId: id('after_sales'), leadId: id('lead'),
    memberIds: [id('agent1'), id('agent2'), id('left')],
  });
  await store.changePerson(ctx.sql, id('left'), { active: false });
  await store.setOrganisationRole(ctx.sql, id('complaintsManager').replace(/-/g, ''), id('manager'));
});
afterAll(() => ctx.close());

/** A complaint owned as given (assignee, team, department columns of the read model). */
async function complaint(owners: { assignee?: string; team?: string; department?: string }) {
  const { id: complaintId } = await seedComplaint(ctx.sql, null);
  await ctx.sql`UPDATE complaints SET assignee = ${owners.assignee ?? null}, team = ${owners.team ?? null},
    department = ${owners.department ?? null} WHERE id = ${complaintId}`;
  return complaintId;
}

describe('staff directory as the address book', () => {
  const book = () => createStaffDirectory(ctx.sql);

  it('gives a person with their e-mail, phone and language, and nobody for one who has left', async () => {
    const c = await complaint({});
    expect(await book().contactsFor(`user:${id('head')}`, c)).toEqual([
      { id: id('head'), name: 'head', email: 'head@poliser.example', phone: '+905321234567', language: 'en' },
    ]);
    expect(await book().contactsFor(`user:${id('left')}`, c)).toEqual([]);
    expect(await book().contactsFor(`user:${id('nobody')}`, c)).toEqual([]);
  });

  it('reaches a team (members and lead, not those who left) and a department (head and team leads)', async () => {
    const c = await complaint({});
    expect(ids(await book().contactsFor(`team:${id('as1')}`, c))).toEqual([id('agent1'), id('agent2'), id('lead')]);
    expect(ids(await book().contactsFor(`department:${id('after_sales')}`, c))).toEqual([id('head'), id('lead')]);
    expect(ids(await book().contactsFor(`role:agent`, c))).toEqual(expect.arrayContaining([id('agent1'), id('agent2')]));
    expect(ids(await book().contactsFor(`role:agent`, c))).not.toContain(id('left'));
  });

  it("resolves escalation levels through the complaint's own assignee, team and department", async () => {
    const assigned = await complaint({ assignee: id('agent2'), team: id('as1'), department: id('after_sales') });
    expect(ids(await book().contactsFor('escalation:assignee', assigned))).toEqual([id('agent2')]);
    expect(ids(await book().contactsFor('escalation:teamLead', assigned))).toEqual([id('lead')]);

    // Nobody assigned yet: the team is the assignee; without a team, the department's head is the team lead.
    const teamOnly = await complaint({ team: id('as1') });
    expect(ids(await book().contactsFor('escalation:assignee', teamOnly))).toEqual([id('agent1'), id('agent2'), id('lead')]);
    const departmentOnly = await complaint({ department: id('after_sales') });
    expect(ids(await book().contactsFor('escalation:teamLead', departmentOnly))).toEqual([id('head')]);

    // Not routed at all: the supervisors hear of it.
    const unrouted = await complaint({});
    expect(ids(await book().contactsFor('escalation:teamLead', unrouted))).toEqual(expect.arrayContaining([id('lead'), id('manager')]));
  });

  it('gives organisation-level levels to whoever holds them, and nobody for a vacant one', async () => {
    const c = await complaint({});
    const level = id('complaintsManager').replace(/-/g, '');
    expect(ids(await book().contactsFor(`escalation:${level}`, c))).toEqual([id('manager')]);
    expect(await book().contactsFor(`escalation:vacant${run.replace(/-/g, '')}`, c)).toEqual([]);
    expect(await book().contactsFor('nonsense', c)).toEqual([]);
  });
});
