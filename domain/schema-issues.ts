// Zod issues as a process owner (or any API client) reads them: one `{ path, message }` per field
// to fix, the path dotted down to the field (`stages.investigation.deadline.workingDays`, array
// indexes as numbers), the message a plain sentence (`must be ≥ 1`) instead of zod's wording.
import type { z } from 'zod';
import type { FieldIssue } from './errors.js';

type RawIssue = z.core.$ZodRawIssue;

/**
 * A per-parse error map (`schema.safeParse(input, { error: readableMessage })`). Messages a
 * schema states itself win over it; codes it does not know keep zod's message.
 */
export function readableMessage(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'required';
      if (issue.expected === 'int') return 'must be a whole number';
      return `must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${kindOf(issue.input)}`;
    case 'too_small':
      return tooSmall(issue.origin, Number(issue.minimum), issue.inclusive ?? true);
    case 'too_big':
      return tooBig(issue.origin, Number(issue.maximum), issue.inclusive ?? true);
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys': {
      const fields = fieldsOf(issue.inst);
      return fields.length > 0 ? `unknown field; the fields here are ${fields.join(', ')}` : 'unknown field';
    }
    case 'invalid_format':
      if (issue.format === 'url') return 'must be an https:// web address';
      return undefined;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    default:
      return undefined;
  }
}

/**
 * Flattens finalized issues into one entry per field: an unknown key is reported at its own path,
 * a bad record key at that key, and a union (a business duration) by the one option whose keys
 * the input uses, so `{ workingDays: 1.5 }` is reported at `…deadline.workingDays`.
 */
export function readableIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): FieldIssue[] {
  return issues.flatMap((issue): FieldIssue[] => {
    const path = [...prefix, ...issue.path];
    switch (issue.code) {
      case 'invalid_union': {
        const fitting = issue.errors.filter(
          (option) => !option.some((i) => i.code === 'unrecognized_keys' && i.path.length === 0),
        );
        return fitting.length === 1 ? readableIssues(fitting[0]!, path) : [{ path: dotted(path), message: issue.message }];
      }
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({ path: dotted([...path, key]), message: issue.message }));
      case 'invalid_key':
        return [{ path: dotted(path), message: issue.issues[0]?.message ?? issue.message }];
      default:
        return [{ path: dotted(path), message: issue.message }];
    }
  });
}

/** `a.b.0.c`; the document itself is `(definition)`. */
export function dotted(path: readonly PropertyKey[]): string {
  return path.map(String).join('.') || '(definition)';
}

const EXPECTED: Record<string, string> = {
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object',
  array: 'a list',
};

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

function tooSmall(origin: string, min: number, inclusive: boolean): string | undefined {
  switch (origin) {
    case 'number':
      return inclusive ? `must be ≥ ${min}` : `must be more than ${min}`;
    case 'array':
      return min === 1 ? 'must list at least one entry' : `must list at least ${min} entries`;
    case 'string':
      return min === 1 ? 'must not be empty' : `must be at least ${min} characters long`;
    default:
      return undefined;
  }
}

function tooBig(origin: string, max: number, inclusive: boolean): string | undefined {
  switch (origin) {
    case 'number':
      return inclusive ? `must be ≤ ${max}` : `must be less than ${max}`;
    case 'array':
      return `must list at most ${max} entr${max === 1 ? 'y' : 'ies'}`;
    case 'string':
      return `must be at most ${max} characters long`;
    default:
      return undefined;
  }
}

/** The keys an object schema knows, in the order it declares them. */
function fieldsOf(schema: unknown): string[] {
  const shape = (schema as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

/**
 * A refinement issue the OpenAPI document cannot express (a relation between two fields, a window
 * relative to now): the API answers it 422 UNPROCESSABLE, not the 400 an off-document value gets.
 */
export function ruleIssue(path: readonly PropertyKey[], message: string) {
  return { code: 'custom' as const, path: [...path], message, params: { rule: true } };
}

/** Whether an issue came from `ruleIssue`. */
export function isRuleIssue(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'custom' && (issue as { params?: { rule?: unknown } }).params?.rule === true;
}
