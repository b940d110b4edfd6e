// GET /v1/classifications: the categories and products staff classify complaints with. A
// `classify` decision takes any text (a new product can be complained about before anyone lists
// it), so this is what is known, not a rule: the complaint form's lists (what customers choose
// from, with their labels) and every value complaints carry now, with how many carry it. The
// console offers them on the classify form so that a known value is picked rather than typed again.
import { responseBody } from '../http/response-body.js';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Sql } from 'postgres';
import type { ComplaintFormSettings, FormChoice } from '../../config/complaint-form.js';
import { valuesInUse, type ClassificationDimension } from '../../read-model/classification-values.js';
import { choiceLabel } from '../../texts/form-choices.js';
import { LANGUAGES, languageOf, type Language } from '../../texts/languages.js';
import type { AppEnv } from '../http/app-env.js';
import { access } from '../http/access-matrix.js';
import { errorResponses } from '../http/errors.js';
import { validationHook } from '../http/validation.js';

/** Values in use listed per dimension, the most used first: more would not help anyone pick. */
const IN_USE_LISTED = 500;

const knownValueSchema = z.object({
  value: z.string().meta({ example: 'product-defect' }),
  label: z.string().nullable().meta({ description: "The complaint form's label in the asked language; null for a value not on the form", example: 'Product defect' }),
  onForm: z.boolean().meta({ description: 'Customers choose it on the complaint form' }),
  complaints: z.number().int().meta({ description: 'Complaints that carry it now', example: 1240 }),
});

export const classificationsSchema = z
  .object({
    categories: z.array(knownValueSchema).meta({ description: "The form's in its order, then the others in use, the most used first" }),
    products: z.array(knownValueSchema),
  })
  .meta({ id: 'Classifications' });

const classificationsRoute = createRoute({
  method: 'get',
  path: '/',
  summary: 'The categories and products known: on the complaint form, and in use',
  description:
    "What staff classify with (`classify`'s `category` and `product`): the complaint form's lists and every value " +
    `complaints carry now (at most ${IN_USE_LISTED} of each, the most used first). A decision may still name a new one. ` +
    "Routing rules' values are in each process definition (`routing.rules[].when`).",
  security: [{ apiKey: [] }],
  // Categories and products are no personal data: every staff role reads them (process owners write routing rules with them).
  middleware: [access('GET /v1/classifications')] as const,
  request: {
    query: z.object({
      lang: z.enum(LANGUAGES).optional().meta({ description: "Language of the form's labels; default: the Accept-Language header, else English", example: 'tr' }),
    }),
  },
  responses: { 200: { description: 'The known values', content: { 'application/json': { schema: classificationsSchema } } }, ...errorResponses(400, 401, 403) },
});

export function classificationRoutes(deps: { sql: Sql; form: Pick<ComplaintFormSettings, 'categories' | 'products'> }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(classificationsRoute, async (c) => {
    const language = c.req.valid('query').lang ?? languageOf(c.req.header('accept-language')?.split(',')[0]?.split(';')[0]?.trim() || 'en');
    const [categories, products] = await Promise.all([
      known(deps.sql, 'category', deps.form.categories, language),
      known(deps.sql, 'product', deps.form.products, language),
    ]);
    return c.json(responseBody(classificationsSchema, { categories, products }), 200);
  });
}

async function known(sql: Sql, dimension: ClassificationDimension, form: readonly FormChoice[], language: Language) {
  const inUse = await valuesInUse(sql, dimension, IN_USE_LISTED);
  const counts = new Map(inUse.map((v) => [v.value, v.complaints]));
  const onForm = new Set(form.map((choice) => choice.id));
  return [
    ...form.map((choice) => ({ value: choice.id, label: choiceLabel(dimension, choice, language), onForm: true, complaints: counts.get(choice.id) ?? 0 })),
    ...inUse.filter((v) => !onForm.has(v.value)).map((v) => ({ value: v.value, label: null, onForm: false, complaints: v.complaints })),
  ];
}
