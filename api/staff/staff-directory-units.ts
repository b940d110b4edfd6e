// /v1/teams, /v1/departments, /v1/organisation-roles: the units staff messages name (`team:…`,
// `department:…`) with their leads and members, and who holds the organisation-level escalation
// levels (`escalation:complaintsManager`, `escalation:director`). Ids are the ones routing rules
// and decisions use. Every staff role reads; only `admin` changes them.
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Sql } from 'postgres';
import * as store from '../../read-model/staff-directory-store.js';
import type { AppEnv } from '../http/app-env.js';
import { access } from '../http/access-matrix.js';
import { errorResponses } from '../http/errors.js';
import { directoryLinks } from '../http/links.js';
import { validationHook } from '../http/validation.js';
import {
  departmentChangeSchema,
  departmentCreateSchema,
  departmentListSchema,
  departmentSchema,
  levelParamSchema,
  organisationRoleChangeSchema,
  organisationRoleListSchema,
  organisationRoleSchema,
  teamChangeSchema,
  teamCreateSchema,
  teamListSchema,
  teamSchema,
  unitIdParamSchema,
} from './staff-directory.schemas.js';
import { responseBody } from '../http/response-body.js';

const json = <T>(schema: T) => ({ 'application/json': { schema } });
const security = [{ apiKey: [] }];
const location = { Location: { description: 'The new entry', schema: { type: 'string' as const } } };

const teamList = createRoute({
  method: 'get', path: '/', summary: 'Every team', security, middleware: [access('GET /v1/teams')] as const,
  responses: { 200: { description: 'By id', content: json(teamListSchema) }, ...errorResponses(401, 403) },
});
const teamGet = createRoute({
  method: 'get', path: '/{id}', summary: 'One team', security, middleware: [access('GET /v1/teams/{id}')] as const,
  request: { params: unitIdParamSchema },
  responses: { 200: { description: 'The team', content: json(teamSchema) }, ...errorResponses(400, 401, 403, 404) },
});
const teamCreate = createRoute({
  method: 'post', path: '/', summary: 'Add a team', security, middleware: [access('POST /v1/teams')] as const,
  description: '422 names each unknown or deactivated person (lead, members) and an unknown department; 409 when the id is taken.',
  request: { body: { required: true, content: json(teamCreateSchema) } },
  responses: { 201: { description: 'Added', headers: location, content: json(teamSchema), links: directoryLinks('teams') }, ...errorResponses(400, 401, 403, 409, 422) },
});
const teamChange = createRoute({
  method: 'patch', path: '/{id}', summary: 'Change a team (memberIds replaces the members)', security,
  middleware: [access('PATCH /v1/teams/{id}')] as const,
  request: { params: unitIdParamSchema, body: { required: true, content: json(teamChangeSchema) } },
  responses: { 200: { description: 'As changed', content: json(teamSchema) }, ...errorResponses(400, 401, 403, 404, 422) },
});
const teamDelete = createRoute({
  method: 'delete', path: '/{id}', summary: 'Remove a team', description: '409 while open complaints are with the team.', security,
  middleware: [access('DELETE /v1/teams/{id}')] as const, request: { params: unitIdParamSchema },
  responses: { 204: { description: 'Removed' }, ...errorResponses(400, 401, 403, 404, 409) },
});

const departmentList = createRoute({
  method: 'get', path: '/', summary: 'Every department', security, middleware: [access('GET /v1/departments')] as const,
  responses: { 200: { description: 'By id', content: json(departmentListSchema) }, ...errorResponses(401, 403) },
});
const departmentGet = createRoute({
  method: 'get', path: '/{id}', summary: 'One department', security, middleware: [access('GET /v1/departments/{id}')] as const,
  request: { params: unitIdParamSchema },
  responses: { 200: { description: 'The department', content: json(departmentSchema) }, ...errorResponses(400, 401, 403, 404) },
});
const departmentCreate = createRoute({
  method: 'post', path: '/', summary: 'Add a department', security, middleware: [access('POST /v1/departments')] as const,
  description: '422 for an unknown or deactivated head; 409 when the id is taken.',
  request: { body: { required: true, content: json(departmentCreateSchema) } },
  responses: { 201: { description: 'Added', headers: location, content: json(departmentSchema), links: directoryLinks('departments') }, ...errorResponses(400, 401, 403, 409, 422) },
});
const departmentChange = createRoute({
  method: 'patch', path: '/{id}', summary: 'Change a department', security, middleware: [access('PATCH /v1/departments/{id}')] as const,
  request: { params: unitIdParamSchema, body: { required: true, content: json(departmentChangeSchema) } },
  responses: { 200: { description: 'As changed', content: json(departmentSchema) }, ...errorResponses(400, 401, 403, 404, 422) },
});
const departmentDelete = createRoute({
  method: 'delete', path: '/{id}', summary: 'Remove a department', description: '409 while teams belong to it.', security,
  middleware: [access('DELETE /v1/departments/{id}')] as const, request: { params: unitIdParamSchema },
  responses: { 204: { description: 'Removed' }, ...errorResponses(400, 401, 403, 404, 409) },
});

export function staffTeamRoutes({ sql }: { sql: Sql }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(teamList, async (c) => c.json(responseBody(teamListSchema, { teams: await store.listTeams(sql) }), 200))
    .openapi(teamGet, async (c) => c.json(responseBody(teamSchema, await store.getTeam(sql, c.req.valid('param').id)), 200))
    .openapi(teamCreate, async (c) => {
      const created = await store.createTeam(sql, c.req.valid('json'));
      c.header('Location', `/v1/teams/${encodeURIComponent(created.id)}`);
      return c.json(responseBody(teamSchema, created), 201);
    })
    .openapi(teamChange, async (c) => c.json(responseBody(teamSchema, await store.changeTeam(sql, c.req.valid('param').id, c.req.valid('json'))), 200))
    .openapi(teamDelete, async (c) => {
      await store.deleteTeam(sql, c.req.valid('param').id);
      return c.body(null, 204);
    });
}

export function staffDepartmentRoutes({ sql }: { sql: Sql }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(departmentList, async (c) => c.json(responseBody(departmentListSchema, { departments: await store.listDepartments(sql) }), 200))
    .openapi(departmentGet, async (c) => c.json(responseBody(departmentSchema, await store.getDepartment(sql, c.req.valid('param').id)), 200))
    .openapi(departmentCreate, async (c) => {
      const created = await store.createDepartment(sql, c.req.valid('json'));
      c.header('Location', `/v1/departments/${encodeURIComponent(created.id)}`);
      return c.json(responseBody(departmentSchema, created), 201);
    })
    .openapi(departmentChange, async (c) =>
      c.json(responseBody(departmentSchema, await store.changeDepartment(sql, c.req.valid('param').id, c.req.valid('json'))), 200),
    )
    .openapi(departmentDelete, async (c) => {
      await store.deleteDepartment(sql, c.req.valid('param').id);
      return c.body(null, 204);
    });
}

const rolesList = createRoute({
  method: 'get', path: '/', summary: 'Who holds each organisation-level escalation level', security, middleware: [access('GET /v1/organisation-roles')] as const,
  responses: { 200: { description: 'By level', content: json(organisationRoleListSchema) }, ...errorResponses(401, 403) },
});
const roleSet = createRoute({
  method: 'put', path: '/{level}', summary: 'Give an organisation-level escalation level to a person', security, middleware: [access('PUT /v1/organisation-roles/{level}')] as const,
  description:
    '`escalation:<level>` staff messages (complaintsManager, director, or any level a process chain names besides ' +
    'assignee and teamLead, which follow each complaint) go to this person. 422 for an unknown or deactivated person.',
  request: { params: levelParamSchema, body: { required: true, content: json(organisationRoleChangeSchema) } },
  responses: { 200: { description: 'As stored', content: json(organisationRoleSchema) }, ...errorResponses(400, 401, 403, 422) },
});
const roleClear = createRoute({
  method: 'delete', path: '/{level}', summary: 'Leave an organisation-level escalation level vacant', security, middleware: [access('DELETE /v1/organisation-roles/{level}')] as const,
  request: { params: levelParamSchema },
  responses: { 204: { description: 'Vacant' }, ...errorResponses(400, 401, 403, 404) },
});

export function organisationRoleRoutes({ sql }: { sql: Sql }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(rolesList, async (c) => c.json(responseBody(organisationRoleListSchema, { roles: await store.listOrganisationRoles(sql) }), 200))
    .openapi(roleSet, async (c) => {
      const role = await store.setOrganisationRole(sql, c.req.valid('param').level, c.req.valid('json').personId);
      return c.json(responseBody(organisationRoleSchema, role), 200);
    })
    .openapi(roleClear, async (c) => {
      await store.clearOrganisationRole(sql, c.req.valid('param').level);
      return c.body(null, 204);
    });
}
