// The OpenAPI document as served: what @hono/zod-openapi generates, plus what a middleware enforces
// for every route and so no route's schema says. `refuseUnstorableUrl` answers 400 for a NUL in any
// path or query parameter; each such parameter's schema states it as a pattern, so a request the
// document allows is never refused for it.
import { storableTextPattern } from '../../domain/json-schema-rules.js';

type Schema = { type?: string | string[]; pattern?: string; enum?: unknown[]; format?: string; const?: unknown };
type Parameter = { in?: string; schema?: Schema };
type Document = { paths?: Record<string, Record<string, { parameters?: Parameter[] } | unknown>> };

const takesAnyText = (schema: Schema) =>
  (schema.type === 'string' || (Array.isArray(schema.type) && schema.type.includes('string'))) &&
  schema.pattern === undefined && schema.enum === undefined && schema.const === undefined && schema.format === undefined;

/** Adds the no-NUL pattern to every path and query parameter that takes any text. */
export function withNulFreeParameters<T extends object>(doc: T): T {
  for (const operations of Object.values((doc as Document).paths ?? {})) {
    for (const operation of Object.values(operations)) {
      const parameters = (operation as { parameters?: Parameter[] }).parameters ?? [];
      for (const parameter of parameters) {
        if ((parameter.in === 'query' || parameter.in === 'path') && parameter.schema && takesAnyText(parameter.schema)) {
          parameter.schema.pattern = storableTextPattern(false);
        }
      }
    }
  }
  return doc;
}
