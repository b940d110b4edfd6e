// The staff directory's writes and reads for its API: people, teams, departments and the
// organisation-level escalation roles (db/migrations/0014). References are checked here, each
// unknown one named by its field (400); an id taken is 409; a person something names is
// deactivated, never deleted, so history keeps their name.
import type { Sql, TransactionSql } from 'postgres';
import { DomainError, type FieldIssue } from '../domain/errors.js';
import type { Role } from '../domain/complaint.js';

type Db = Sql | TransactionSql;

export interface PersonRecord {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  language: 'tr' | 'en' | 'fa' | 'az';
  roles: Role[];
  active: boolean;
  teams: string[];
}

export interface TeamRecord {
  id: string;
  name: string;
  departmentId: string | null;
  leadId: string | null;
  memberIds: string[];
}

export interface DepartmentRecord {
  id: string;
  name: string;
  headId: string | null;
  teamIds: string[];
}

export interface OrganisationRoleRecord {
  level: string;
  personId: string;
  name: string;
  active: boolean;
}

const UNIQUE_VIOLATION = '23505';

/** 422: the ids fit the document, but must name people or departments the directory holds. */
function unknownIds(issues: FieldIssue[]): DomainError {
  const n = issues.length;
  return new DomainError('UNPROCESSABLE', `The request names ${n} id${n === 1 ? '' : 's'} the staff directory cannot take`, issues);
}

/** 422 naming each field whose person id is unknown (or, for `mustBeActive`, has left). */
async function checkPeople(db: Db, refs: { path: string; id: string | null | undefined }[], mustBeActive = true): Promise<void> {
  const ids = [...new Set(refs.map((r) => r.id).filter((id): id is string => typeof id === 'string'))];
  if (ids.length === 0) return;
  const rows = await db<{ id: string; active: boolean }[]>`SELECT id, active FROM staff_people WHERE id = ANY(${ids})`;
  const found = new Map(rows.map((r) => [r.id, r.active]));
  const issues: FieldIssue[] = [];
  for (const { path, id } of refs) {
    if (typeof id !== 'string') continue;
    const active = found.get(id);
    if (active === undefined) issues.push({ path, message: `no person "${id}" in the staff directory` });
    else if (mustBeActive && !active) issues.push({ path, message: `"${id}" is deactivated (has left)` });
  }
  if (issues.length > 0) throw unknownIds(issues);
}

async function checkDepartment(db: Db, path: string, id: string | null | undefined): Promise<void> {
  if (typeof id !== 'string') return;
  const [row] = await db`SELECT 1 FROM staff_departments WHERE id = ${id}`;
  if (!row) throw unknownIds([{ path, message: `no department "${id}" in the staff directory` }]);
}

function conflictOnDuplicate(what: string, id: string) {
  return (err: unknown) => {
    if ((err as { code?: string }).code === UNIQUE_VIOLATION) throw new DomainError('CONFLICT', `${what} "${id}" already exists`);
    throw err;
  };
}

const notFound = (what: string, id: string) => new DomainError('NOT_FOUND', `No ${what} "${id}" in the staff directory`);

// People

const PERSON_COLUMNS = (db: Db) => db`
  p.id, p.name, p.email, p.phone, p.language, p.roles, p.active,
  coalesce((SELECT array_agg(m.team_id ORDER BY m.team_id) FROM staff_team_members m WHERE m.person_id = p.id), '{}') AS teams`;

export async function listPeople(sql: Sql, filter: { role?: Role | undefined; active?: boolean | undefined } = {}): Promise<PersonRecord[]> {
  return sql<PersonRecord[]>`
    SELECT ${PERSON_COLUMNS(sql)} FROM staff_people p
    WHERE (${filter.role ?? null}::text IS NULL OR ${filter.role ?? null} = ANY(p.roles))
      AND (${filter.active ?? null}::boolean IS NULL OR p.active = ${filter.active ?? null})
    ORDER BY p.name, p.id`;
}

export async function getPerson(db: Db, id: string): Promise<PersonRecord> {
  const [row] = await db<PersonRecord[]>`SELECT ${PERSON_COLUMNS(db)} FROM staff_people p WHERE p.id = ${id}`;
  if (!row) throw notFound('person', id);
  return row;
}

export async function createPerson(
  sql: Sql,
  p: { id: string; name: string; email?: string | undefined; phone?: string | undefined; language: PersonRecord['language']; roles: Role[] },
): Promise<PersonRecord> {
  await sql`
    INSERT INTO staff_people (id, name, email, phone, language, roles)
    VALUES (${p.id}, ${p.name}, ${p.email ?? null}, ${p.phone ?? null}, ${p.language}, ${p.roles})`.catch(conflictOnDuplicate('A person', p.id));
  return getPerson(sql, p.id);
}

export async function changePerson(
  sql: Sql,
  id: string,
  c: {
    name?: string | undefined;
    email?: string | null | undefined;
    phone?: string | null | undefined;
    language?: PersonRecord['language'] | undefined;
    roles?: Role[] | undefined;
    active?: boolean | undefined;
  },
): Promise<PersonRecord> {
  const has = (k: keyof typeof c) => c[k] !== undefined;
  const [row] = await sql`
    UPDATE staff_people SET
      name = CASE WHEN ${has('name')} THEN ${c.name ?? null} ELSE name END,
      email = CASE WHEN ${has('email')} THEN ${c.email ?? null} ELSE email END,
      phone = CASE WHEN ${has('phone')} THEN ${c.phone ?? null} ELSE phone END,
      language = CASE WHEN ${has('language')} THEN ${c.language ?? null} ELSE language END,
      roles = CASE WHEN ${has('roles')} THEN ${c.roles ?? []}::text[] ELSE roles END,
      active = CASE WHEN ${has('active')} THEN ${c.active ?? null}::boolean ELSE active END,
      updated_at = now()
    WHERE id = ${id} RETURNING 1`;
  if (!row) throw notFound('person', id);
  return getPerson(sql, id);
}

/** What still names this person; a person named anywhere is deactivated instead of deleted. */
async function personReferences(db: Db, id: string): Promise<string[]> {
  const [row] = await db<{ teams: number; leads: number; heads: number; levels: number; complaints: number; events: number }[]>`
    SELECT
      (SELECT count(*)::int FROM staff_team_members WHERE person_id = ${id}) AS teams,
      (SELECT count(*)::int FROM staff_teams WHERE lead_id = ${id}) AS leads,
      (SELECT count(*)::int FROM staff_departments WHERE head_id = ${id}) AS heads,
      (SELECT count(*)::int FROM organisation_roles WHERE person_id = ${id}) AS levels,
      (SELECT count(*)::int FROM complaints WHERE assignee = ${id}) AS complaints,
      (SELECT count(*)::int FROM complaint_events WHERE actor_id = ${id}) AS events`;
  const r = row!;
  return [
    r.teams && `member of ${r.teams} team(s)`,
    r.leads && `lead of ${r.leads} team(s)`,
    r.heads && `head of ${r.heads} department(s)`,
    r.levels && `holds ${r.levels} organisation role(s)`,
    r.complaints && `assignee of ${r.complaints} complaint(s)`,
    r.events && `named on ${r.events} complaint event(s)`,
  ].filter((s): s is string => typeof s === 'string');
}

export async function deletePerson(sql: Sql, id: string): Promise<void> {
  await sql.begin(async (tx) => {
    await getPerson(tx, id);
    const refs = await personReferences(tx, id);
    if (refs.length > 0) {
      throw new DomainError(
        'CONFLICT',
        `"${id}" is ${refs.join(', ')}: deactivate them instead (PATCH {"active": false}), so history keeps their name`,
        { references: refs },
      );
    }
    // A password is no history: it goes with the person. Anything else that still names them
    // (a console session, a saved queue) is history: the same 409 as the references above.
    await tx`DELETE FROM staff_credentials WHERE person_id = ${id}`;
    await tx`DELETE FROM staff_people WHERE id = ${id}`.catch((err: unknown) => {
      if ((err as { code?: string }).code !== FOREIGN_KEY_VIOLATION) throw err;
      throw new DomainError('CONFLICT', `"${id}" has signed in to the console: deactivate them instead (PATCH {"active": false}), so history keeps their name`, {
        references: ['console sessions or saved queues'],
      });
    });
  });
}

/** PostgreSQL's SQLSTATE for a row still referenced by another table's foreign key. */
const FOREIGN_KEY_VIOLATION = '23503';

// Teams

const TEAM_COLUMNS = (db: Db) => db`
  t.id, t.name, t.department_id AS "departmentId", t.lead_id AS "leadId",
  coalesce((SELECT array_agg(m.person_id ORDER BY m.person_id) FROM staff_team_members m WHERE m.team_id = t.id), '{}') AS "memberIds"`;

export async function listTeams(sql: Sql): Promise<TeamRecord[]> {
  return sql<TeamRecord[]>`SELECT ${TEAM_COLUMNS(sql)} FROM staff_teams t ORDER BY t.id`;
}

export async function getTeam(db: Db, id: string): Promise<TeamRecord> {
  const [row] = await db<TeamRecord[]>`SELECT ${TEAM_COLUMNS(db)} FROM staff_teams t WHERE t.id = ${id}`;
  if (!row) throw notFound('team', id);
  return row;
}

async function checkTeamRefs(db: Db, t: { departmentId?: string | null | undefined; leadId?: string | null | undefined; memberIds?: string[] | undefined }) {
  await checkPeople(db, [{ path: 'leadId', id: t.leadId }, ...(t.memberIds ?? []).map((id, i) => ({ path: `memberIds.${i}`, id }))]);
  await checkDepartment(db, 'departmentId', t.departmentId);
}

async function setMembers(tx: TransactionSql, teamId: string, memberIds: string[]): Promise<void> {
  await tx`DELETE FROM staff_team_members WHERE team_id = ${teamId}`;
  for (const personId of memberIds) await tx`INSERT INTO staff_team_members (team_id, person_id) VALUES (${teamId}, ${personId})`;
}

export async function createTeam(sql: Sql, t: Omit<TeamRecord, 'memberIds'> & { memberIds: string[] }): Promise<TeamRecord> {
  return sql.begin(async (tx) => {
    await checkTeamRefs(tx, t);
    await tx`INSERT INTO staff_teams (id, name, department_id, lead_id) VALUES (${t.id}, ${t.name}, ${t.departmentId}, ${t.leadId})`.catch(
      conflictOnDuplicate('A team', t.id),
    );
    await setMembers(tx, t.id, t.memberIds);
    return getTeam(tx, t.id);
  });
}

export async function changeTeam(
  sql: Sql,
  id: string,
  c: { name?: string | undefined; departmentId?: string | null | undefined; leadId?: string | null | undefined; memberIds?: string[] | undefined },
): Promise<TeamRecord> {
  return sql.begin(async (tx) => {
    await getTeam(tx, id);
    await checkTeamRefs(tx, c);
    await tx`
      UPDATE staff_teams SET
        name = CASE WHEN ${c.name !== undefined} THEN ${c.name ?? null} ELSE name END,
        department_id = CASE WHEN ${c.departmentId !== undefined} THEN ${c.departmentId ?? null} ELSE department_id END,
        lead_id = CASE WHEN ${c.leadId !== undefined} THEN ${c.leadId ?? null} ELSE lead_id END,
        updated_at = now()
      WHERE id = ${id}`;
    if (c.memberIds) await setMembers(tx, id, c.memberIds);
    return getTeam(tx, id);
  });
}

export async function deleteTeam(sql: Sql, id: string): Promise<void> {
  await sql.begin(async (tx) => {
    await getTeam(tx, id);
    const [open] = await tx<{ n: number }[]>`SELECT count(*)::int AS n FROM complaints WHERE team = ${id} AND closed_at IS NULL`;
    if (open!.n > 0) throw new DomainError('CONFLICT', `Team "${id}" has ${open!.n} open complaint(s); reassign them first`, { openComplaints: open!.n });
    await tx`DELETE FROM staff_teams WHERE id = ${id}`;
  });
}

// Departments

const DEPARTMENT_COLUMNS = (db: Db) => db`
  d.id, d.name, d.head_id AS "headId",
  coalesce((SELECT array_agg(t.id ORDER BY t.id) FROM staff_teams t WHERE t.department_id = d.id), '{}') AS "teamIds"`;

export async function listDepartments(sql: Sql): Promise<DepartmentRecord[]> {
  return sql<DepartmentRecord[]>`SELECT ${DEPARTMENT_COLUMNS(sql)} FROM staff_departments d ORDER BY d.id`;
}

export async function getDepartment(db: Db, id: string): Promise<DepartmentRecord> {
  const [row] = await db<DepartmentRecord[]>`SELECT ${DEPARTMENT_COLUMNS(db)} FROM staff_departments d WHERE d.id = ${id}`;
  if (!row) throw notFound('department', id);
  return row;
}

export async function createDepartment(sql: Sql, d: { id: string; name: string; headId: string | null }): Promise<DepartmentRecord> {
  await checkPeople(sql, [{ path: 'headId', id: d.headId }]);
  await sql`INSERT INTO staff_departments (id, name, head_id) VALUES (${d.id}, ${d.name}, ${d.headId})`.catch(
    conflictOnDuplicate('A department', d.id),
  );
  return getDepartment(sql, d.id);
}

export async function changeDepartment(
  sql: Sql,
  id: string,
  c: { name?: string | undefined; headId?: string | null | undefined },
): Promise<DepartmentRecord> {
  await getDepartment(sql, id);
  await checkPeople(sql, [{ path: 'headId', id: c.headId }]);
  await sql`
    UPDATE staff_departments SET
      name = CASE WHEN ${c.name !== undefined} THEN ${c.name ?? null} ELSE name END,
      head_id = CASE WHEN ${c.headId !== undefined} THEN ${c.headId ?? null} ELSE head_id END,
      updated_at = now()
    WHERE id = ${id}`;
  return getDepartment(sql, id);
}

export async function deleteDepartment(sql: Sql, id: string): Promise<void> {
  const department = await getDepartment(sql, id);
  if (department.teamIds.length > 0) {
    throw new DomainError('CONFLICT', `Department "${id}" still has teams (${department.teamIds.join(', ')}); move or delete them first`, {
      teamIds: department.teamIds,
    });
  }
  await sql`DELETE FROM staff_departments WHERE id = ${id}`;
}

// Organisation roles

export async function listOrganisationRoles(sql: Sql): Promise<OrganisationRoleRecord[]> {
  return sql<OrganisationRoleRecord[]>`
    SELECT o.level, o.person_id AS "personId", p.name, p.active
    FROM organisation_roles o JOIN staff_people p ON p.id = o.person_id ORDER BY o.level`;
}

export async function setOrganisationRole(sql: Sql, level: string, personId: string): Promise<OrganisationRoleRecord> {
  await checkPeople(sql, [{ path: 'personId', id: personId }]);
  await sql`
    INSERT INTO organisation_roles (level, person_id) VALUES (${level}, ${personId})
    ON CONFLICT (level) DO UPDATE SET person_id = EXCLUDED.person_id, updated_at = now()`;
  const [row] = (await listOrganisationRoles(sql)).filter((r) => r.level === level);
  return row!;
}

export async function clearOrganisationRole(sql: Sql, level: string): Promise<void> {
  const deleted = await sql`DELETE FROM organisation_roles WHERE level = ${level} RETURNING 1`;
  if (deleted.length === 0) throw new DomainError('NOT_FOUND', `Nobody holds the organisation role "${level}"`);
}
