// Who a staff message reaches (delivery/staff-addresses.ts): the outbox names staff symbolically,
// the staff directory (db/migrations/0014) says who that is today, for this complaint. Only
// active people come back; nobody (an empty list) is an answer the dispatcher records as skipped.
//   user:<id>             that person
//   team:<id>             the team's members and its lead
//   department:<id>       its head and the leads of its teams; without them, its teams' members
//   role:<role>           everyone with that staff role
//   escalation:assignee   the complaint's assignee; else its team; else its department; else supervisors
//   escalation:teamLead   the lead of the complaint's team; else the head of its department; else supervisors
//   escalation:<level>    whoever holds that organisation role (complaintsManager, director, …)
import type { Sql } from 'postgres';
import type { StaffAddressBook, StaffContact } from '../delivery/staff-addresses.js';

interface ComplaintOwners {
  assignee: string | null;
  team: string | null;
  department: string | null;
}

export function createStaffDirectory(sql: Sql): StaffAddressBook {
  const people = (ids: readonly (string | null)[]) => {
    const wanted = ids.filter((id): id is string => id !== null);
    if (wanted.length === 0) return Promise.resolve([]);
    return sql<StaffContact[]>`
      SELECT id, name, email, phone, language FROM staff_people
      WHERE active AND id = ANY(${wanted}) ORDER BY name, id`;
  };
  const teamMembers = (teamId: string) => sql<StaffContact[]>`
    SELECT p.id, p.name, p.email, p.phone, p.language FROM staff_people p
    WHERE p.active AND (p.id IN (SELECT person_id FROM staff_team_members WHERE team_id = ${teamId})
      OR p.id = (SELECT lead_id FROM staff_teams WHERE id = ${teamId}))
    ORDER BY p.name, p.id`;
  const withRole = (role: string) => sql<StaffContact[]>`
    SELECT id, name, email, phone, language FROM staff_people WHERE active AND ${role} = ANY(roles) ORDER BY name, id`;

  const department = async (departmentId: string): Promise<StaffContact[]> => {
    const leaders = await sql<StaffContact[]>`
      SELECT p.id, p.name, p.email, p.phone, p.language FROM staff_people p
      WHERE p.active AND (p.id = (SELECT head_id FROM staff_departments WHERE id = ${departmentId})
        OR p.id IN (SELECT lead_id FROM staff_teams WHERE department_id = ${departmentId}))
      ORDER BY p.name, p.id`;
    if (leaders.length > 0) return leaders;
    return sql<StaffContact[]>`
      SELECT DISTINCT p.id, p.name, p.email, p.phone, p.language FROM staff_people p
      JOIN staff_team_members m ON m.person_id = p.id JOIN staff_teams t ON t.id = m.team_id
      WHERE p.active AND t.department_id = ${departmentId} ORDER BY p.name, p.id`;
  };

  const owners = async (complaintId: string): Promise<ComplaintOwners> => {
    const [row] = await sql<ComplaintOwners[]>`SELECT assignee, team, department FROM complaints WHERE id = ${complaintId}`;
    return row ?? { assignee: null, team: null, department: null };
  };

  /** The first non-empty answer, in order; supervisors when nobody nearer is known. */
  const firstOf = async (...candidates: (() => Promise<StaffContact[]>)[]): Promise<StaffContact[]> => {
    for (const candidate of [...candidates, () => withRole('supervisor')]) {
      const found = await candidate();
      if (found.length > 0) return found;
    }
    return [];
  };

  const escalation = async (level: string, complaintId: string): Promise<StaffContact[]> => {
    if (level === 'assignee') {
      const o = await owners(complaintId);
      return firstOf(
        () => people([o.assignee]),
        () => (o.team ? teamMembers(o.team) : Promise.resolve([])),
        () => (o.department ? department(o.department) : Promise.resolve([])),
      );
    }
    if (level === 'teamLead') {
      const o = await owners(complaintId);
      return firstOf(
        () => (o.team ? teamLead(o.team) : Promise.resolve([])),
        () => (o.department ? departmentHead(o.department) : Promise.resolve([])),
      );
    }
    return sql<StaffContact[]>`
      SELECT p.id, p.name, p.email, p.phone, p.language FROM organisation_roles o JOIN staff_people p ON p.id = o.person_id
      WHERE o.level = ${level} AND p.active`;
  };
  const teamLead = (teamId: string) => sql<StaffContact[]>`
    SELECT p.id, p.name, p.email, p.phone, p.language FROM staff_teams t JOIN staff_people p ON p.id = t.lead_id
    WHERE t.id = ${teamId} AND p.active`;
  const departmentHead = (departmentId: string) => sql<StaffContact[]>`
    SELECT p.id, p.name, p.email, p.phone, p.language FROM staff_departments d JOIN staff_people p ON p.id = d.head_id
    WHERE d.id = ${departmentId} AND p.active`;

  return {
    async contactsFor(recipient, complaintId) {
      const colon = recipient.indexOf(':');
      const kind = recipient.slice(0, colon);
      const id = recipient.slice(colon + 1);
      if (colon <= 0 || id === '') return [];
      const found = await (async () => {
        switch (kind) {
          case 'user':
            return people([id]);
          case 'team':
            return teamMembers(id);
          case 'department':
            return department(id);
          case 'role':
            return withRole(id);
          case 'escalation':
            return escalation(id, complaintId);
          default:
            return [];
        }
      })();
      return found.map((p) => ({ id: p.id, name: p.name, email: p.email, phone: p.phone, language: p.language }));
    },
  };
}
