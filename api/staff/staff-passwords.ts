// /v1/staff/{id}/password and /v1/staff/{id}/unlock: an administrator sets a person's console
// password (hashed with scrypt, never stored or logged as sent) and lifts a sign-in lockout.
// Setting a password ends the person's live console sessions: whoever knew the old one is out.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Sql } from 'postgres';
import { DomainError } from '../../domain/errors.js';
import { PASSWORD_MAX_LENGTH, passwordProblem } from '../../domain/staff-password.js';
import { getPerson } from '../../read-model/staff-directory-store.js';
import { storePasswordHash, unlockCredential } from '../../read-model/staff-credentials.js';
import { hashPassword } from '../../security/passwords.js';
import { endSessionsOf } from '../console/session-store.js';
import { recordStaffAction } from '../console/staff-audit.js';
import type { AppEnv } from '../http/app-env.js';
import { access } from '../http/access-matrix.js';
import { errorResponses, unprocessableError } from '../http/errors.js';
import { validationHook } from '../http/validation.js';
import { personIdParamSchema } from './staff-directory.schemas.js';
import { responseBody } from '../http/response-body.js';

const json = <T>(schema: T) => ({ 'application/json': { schema } });
const security = [{ apiKey: [] }];

export const passwordSetSchema = z
  .strictObject({
    // The length rules are checked with the e-mail rule below, so all answer under `password`.
    password: z.string().max(PASSWORD_MAX_LENGTH * 4).meta({ description: 'At least 12 characters, not the e-mail, not one character repeated, at most 200', example: 'correct horse battery staple' }),
  })
  .meta({ id: 'StaffPasswordSet' });

export const passwordSetResultSchema = z
  .object({
    personId: z.string(),
    sessionsEnded: z.number().int().min(0).meta({ description: 'Live console sessions of the person that this ended' }),
  })
  .meta({ id: 'StaffPasswordSetResult' });

export const unlockResultSchema = z
  .object({ personId: z.string(), wasLocked: z.boolean().meta({ description: 'Whether a lockout was in force' }) })
  .meta({ id: 'StaffUnlockResult' });

const setRoute = createRoute({
  method: 'put',
  path: '/{id}/password',
  summary: "Set a person's console password",
  description: 'Ends every live console session of the person. 400 names `password` when it breaks a rule.',
  security,
  request: { params: personIdParamSchema, body: { required: true, content: json(passwordSetSchema) } },
  middleware: [access('PUT /v1/staff/{id}/password')] as const,
  responses: { 200: { description: 'Set', content: json(passwordSetResultSchema) }, ...errorResponses(400, 401, 403, 404, 422) },
});

const unlockRoute = createRoute({
  method: 'post',
  path: '/{id}/unlock',
  summary: 'Lift a sign-in lockout',
  description: 'Clears the wrong-password count too.',
  security,
  request: { params: personIdParamSchema },
  middleware: [access('POST /v1/staff/{id}/unlock')] as const,
  responses: { 200: { description: 'Unlocked', content: json(unlockResultSchema) }, ...errorResponses(400, 401, 403, 404) },
});

/**
 * Checks, hashes and stores `password` for `personId`, ends their live sessions and records who
 * did it. The one way a password is set: by an administrator here, by the person at
 * /console/account/password.
 */
export async function setStaffPassword(
  sql: Sql,
  input: { personId: string; password: string; actor: { id: string; role: string } },
): Promise<{ sessionsEnded: number }> {
  const person = await getPerson(sql, input.personId);
  const problem = passwordProblem(input.password, person.email);
  // The policy (length in characters, not the e-mail, not one character repeated) is stated in words: 422.
  if (problem) throw unprocessableError([{ path: 'password', message: problem }]);
  await storePasswordHash(sql, person.id, await hashPassword(input.password));
  const sessionsEnded = await endSessionsOf(sql, person.id, 'password_changed');
  await recordStaffAction(sql, { actorId: input.actor.id, actorRole: input.actor.role, action: 'password_set', subject: person.id, details: { sessionsEnded } });
  return { sessionsEnded };
}

export function staffPasswordRoutes({ sql }: { sql: Sql }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(setRoute, async (c) => {
      const actor = c.get('actor');
      if (!actor) throw new DomainError('UNAUTHENTICATED', 'This endpoint needs a staff API key');
      const { id } = c.req.valid('param');
      const { sessionsEnded } = await setStaffPassword(sql, { personId: id, password: c.req.valid('json').password, actor });
      return c.json(responseBody(passwordSetResultSchema, { personId: id, sessionsEnded }), 200);
    })
    .openapi(unlockRoute, async (c) => {
      const actor = c.get('actor')!;
      const { id } = c.req.valid('param');
      await getPerson(sql, id);
      const wasLocked = await unlockCredential(sql, id);
      await recordStaffAction(sql, { actorId: actor.id, actorRole: actor.role, action: 'unlocked', subject: id, details: { wasLocked } });
      return c.json(responseBody(unlockResultSchema, { personId: id, wasLocked }), 200);
    });
}
