// JSON Schema keywords for rules that zod states as refinements: which fields go together, which
// only with which value of another. A schema attaches them with `.meta()`, so the OpenAPI document
// generated from it says what its refinement enforces, and a generated client (or a fuzzer) that
// follows the document never sends a body the refinement refuses.

type JsonSchema = Record<string, unknown>;

/** `fields` are given all together or not at all. */
export function requiredTogether(...fields: string[]): JsonSchema {
  return { dependentRequired: Object.fromEntries(fields.map((f) => [f, fields.filter((g) => g !== f)])) };
}

/** When `field` is one of `values`, `required` must be given. */
export function requiredWhen(field: string, values: readonly string[], required: readonly string[]): JsonSchema {
  return { if: { properties: { [field]: { enum: [...values] } }, required: [field] }, then: { required: [...required] } };
}

/** `dependent` may be given only when `field` is one of `values`. */
export function onlyWhen(field: string, values: readonly (string | boolean)[], dependent: string): JsonSchema {
  return { if: { required: [dependent] }, then: { properties: { [field]: { enum: [...values] } }, required: [field] } };
}

/** Several such rules at once (`allOf`), as `.meta()` takes them. */
export function allRules(...rules: JsonSchema[]): { allOf: JsonSchema[] } {
  return { allOf: rules };
}

/**
 * The pattern of text PostgreSQL can store (no NUL), and, with `nonBlank`, not only white space.
 * Unpaired surrogates, which the validator refuses as well, cannot occur in the UTF-8 a client sends.
 */
export function storableTextPattern(nonBlank: boolean): string {
  return nonBlank ? '^[^\\x00]*[^\\s\\x00][^\\x00]*$' : '^[^\\x00]*$';
}
