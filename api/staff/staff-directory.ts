// /v1/staff: the people staff messages reach (name, e-mail, phone, language, roles). Every staff
// role reads the directory; only `admin` changes it. Someone who has left is deactivated
// (PATCH {"active": false}), not deleted, once anything names them: history keeps their name.
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Sql } from 'postgres';
import { changePerson, createPerson, deletePerson, getPerson, listPeople } from '../../read-model/staff-directory-store.js';
import type { AppEnv } from '../http/app-env.js';
import { access } from '../http/access-matrix.js';
import { errorResponses } from '../http/errors.js';
import { directoryLinks } from '../http/links.js';
import { validationHook } from '../http/validation.js';
import {
  peopleQuerySchema,
  personChangeSchema,
  personCreateSchema,
  personIdParamSchema,
  personListSchema,
  personSchema,
} from './staff-directory.schemas.js';
import { responseBody } from '../http/response-body.js';

const json = <T>(schema: T) => ({ 'application/json': { schema } });
const security = [{ apiKey: [] }];

const listRoute = createRoute({
  method: 'get',
  path: '/',
  summary: 'Everyone in the staff directory',
  security,
  request: { query: peopleQuerySchema },
  middleware: [access('GET /v1/staff')] as const,
  responses: { 200: { description: 'By name', content: json(personListSchema) }, ...errorResponses(400, 401, 403) },
});

const getRoute = createRoute({
  method: 'get',
  path: '/{id}',
  summary: 'One person',
  security,
  request: { params: personIdParamSchema },
  middleware: [access('GET /v1/staff/{id}')] as const,
  responses: { 200: { description: 'The person', content: json(personSchema) }, ...errorResponses(400, 401, 403, 404) },
});

const createPersonRoute = createRoute({
  method: 'post',
  path: '/',
  summary: 'Add a person',
  description: 'The id is the staff id their API key and decisions carry. 409 when the id is taken.',
  security,
  request: { body: { required: true, content: json(personCreateSchema) } },
  middleware: [access('POST /v1/staff')] as const,
  responses: {
    201: {
      description: 'Added',
      headers: { Location: { description: 'The person', schema: { type: 'string' as const } } },
      content: json(personSchema),
      links: directoryLinks('staff'),
    },
    ...errorResponses(400, 401, 403, 409),
  },
});

const changeRoute = createRoute({
  method: 'patch',
  path: '/{id}',
  summary: 'Change a person (or deactivate them: active false)',
  security,
  request: { params: personIdParamSchema, body: { required: true, content: json(personChangeSchema) } },
  middleware: [access('PATCH /v1/staff/{id}')] as const,
  responses: { 200: { description: 'As changed', content: json(personSchema) }, ...errorResponses(400, 401, 403, 404) },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/{id}',
  summary: 'Remove a person nothing names',
  description:
    'Only for a person no team, department, organisation role, complaint or complaint event names (say, one added by ' +
    'mistake). Otherwise 409 with what names them: deactivate them instead, so history keeps their name.',
  security,
  request: { params: personIdParamSchema },
  middleware: [access('DELETE /v1/staff/{id}')] as const,
  responses: { 204: { description: 'Removed' }, ...errorResponses(400, 401, 403, 404, 409) },
});

export function staffPeopleRoutes({ sql }: { sql: Sql }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(listRoute, async (c) => {
      const { role, active } = c.req.valid('query');
      const people = await listPeople(sql, { role, active: active === undefined ? undefined : active === 'true' });
      return c.json(responseBody(personListSchema, { people }), 200);
    })
    .openapi(getRoute, async (c) => c.json(responseBody(personSchema, await getPerson(sql, c.req.valid('param').id)), 200))
    .openapi(createPersonRoute, async (c) => {
      const person = await createPerson(sql, c.req.valid('json'));
      c.header('Location', `/v1/staff/${encodeURIComponent(person.id)}`);
      return c.json(responseBody(personSchema, person), 201);
    })
    .openapi(changeRoute, async (c) => {
      const person = await changePerson(sql, c.req.valid('param').id, c.req.valid('json'));
      return c.json(responseBody(personSchema, person), 200);
    })
    .openapi(deleteRoute, async (c) => {
      await deletePerson(sql, c.req.valid('param').id);
      return c.body(null, 204);
    });
}
