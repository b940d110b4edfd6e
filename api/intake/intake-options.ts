// GET /v1/intake-options: what staff-entered intake accepts besides the complaint itself (how far
// back `receivedAt` may lie, the offices `frontOffice` names), so the console's form and any
// integration offer what intake checks (FRONT_OFFICES, INTAKE_BACKDATE_MAX_DAYS).
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AgentIntakeSettings } from '../../config/agent-intake.js';
import { RECEIPT_CLOCK_SKEW_MS } from '../../domain/receipt-time.js';
import type { AppEnv } from '../http/app-env.js';
import { access } from '../http/access-matrix.js';
import { errorResponses } from '../http/errors.js';
import { responseBody } from '../http/response-body.js';

export const intakeOptionsSchema = z
  .object({
    backdateMaxDays: z.number().int().meta({ description: '`receivedAt` may lie at most this many days (24 h each) before now', example: 7 }),
    clockSkewSeconds: z.number().int().meta({ description: 'A `receivedAt` at most this far ahead of our clock is taken as now', example: 120 }),
    frontOffices: z
      .array(
        z.object({
          id: z.string().meta({ description: 'What intake takes as `frontOffice`', example: 'head-office' }),
          name: z.string().meta({ example: 'Head office' }),
        }),
      )
      .meta({ description: 'The offices a `front_office` complaint may name, in their configured order' }),
  })
  .meta({ id: 'IntakeOptions' });

export type IntakeOptions = z.infer<typeof intakeOptionsSchema>;

const optionsRoute = createRoute({
  method: 'get',
  path: '/',
  summary: 'What staff-entered intake accepts',
  description: 'How far back a complaint\'s `receivedAt` may lie and the front offices it may name (see `POST /v1/complaints`).',
  security: [{ apiKey: [] }],
  middleware: [access('GET /v1/intake-options')] as const,
  responses: {
    200: { description: 'The options', content: { 'application/json': { schema: intakeOptionsSchema } } },
    ...errorResponses(401, 403),
  },
});

export function intakeOptionRoutes(settings: AgentIntakeSettings) {
  return new OpenAPIHono<AppEnv>().openapi(optionsRoute, (c) =>
    c.json(
      responseBody(intakeOptionsSchema, {
        backdateMaxDays: settings.backdateMaxDays,
        clockSkewSeconds: RECEIPT_CLOCK_SKEW_MS / 1000,
        frontOffices: settings.frontOffices.map(({ id, name }) => ({ id, name })),
      }),
      200,
    ),
  );
}
