// POST /v1/surveys/{token}: the satisfaction survey answered as JSON (the page /s/{token} answers
// the same way). No account: the signed link is the customer's authority.
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env.js';
import { errorResponses } from '../http/errors.js';
import { validationHook } from '../http/validation.js';
import { tokenParamSchema } from './routes.js';
import { answerSurvey, openSurvey, surveyAnswerBodySchema, surveyAnsweredSchema, type SurveyDeps } from './survey.js';
import { responseBody } from '../http/response-body.js';
import { access } from '../http/access-matrix.js';

const answerSurveyRoute = createRoute({
  method: 'post',
  path: '/{token}',
  middleware: [access('POST /v1/surveys/{token}')] as const,
  summary: 'Answer the satisfaction survey (customer)',
  description:
    'After a closure the process surveys, the closure message carries a survey link (`/s/{token}` opens it as a page). ' +
    'One answer per complaint: a second one is 409. A tampered link is 404, an expired one 410, a body that does not ' +
    'fit 400 naming each field. The survey stays open as long as the process definition says (`survey.lifetime`).',
  request: {
    params: tokenParamSchema,
    body: { required: true, content: { 'application/json': { schema: surveyAnswerBodySchema } } },
  },
  responses: {
    201: { description: 'The answer is stored', content: { 'application/json': { schema: surveyAnsweredSchema } } },
    ...errorResponses(400, 404, 409, 410, 413),
  },
});

export function surveyRoutes(deps: SurveyDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(answerSurveyRoute, async (c) => {
    const survey = await openSurvey(deps, c.req.valid('param').token);
    return c.json(responseBody(surveyAnsweredSchema, await answerSurvey(deps, survey, c.req.valid('json'))), 201);
  });
}
