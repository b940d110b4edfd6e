// A query parameter holding several values, comma-separated (`status=investigating,closed`). Its
// whole shape is one pattern the document states, and the validator is that pattern: what the
// document allows is never refused, and what it does not is never taken.
import { z } from '@hono/zod-openapi';

export const MAX_LIST_VALUES = 50;

/** An item pattern (no anchors, no capturing groups) and what to say when a list breaks it. */
export interface ListItem {
  pattern: string;
  expected: string;
}

const trimSpaces = (v: string) => v.replace(/^ +| +$/g, '');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One of these words. */
export function oneOfItem(values: readonly string[]): ListItem {
  return { pattern: `(?:${values.map(escape).join('|')})`, expected: `one of ${values.join(', ')}` };
}

/** Free text of 1–`max` characters: no comma, no NUL, no space at either end. */
export function textItem(max: number): ListItem {
  return { pattern: `[^,\\u0000 ](?:[^,\\u0000]{0,${max - 2}}[^,\\u0000 ])?`, expected: `a value of 1–${max} characters without a comma` };
}

/**
 * 1–50 items, spaces allowed around the commas; parses to the distinct items in their order.
 */
export function commaList(item: ListItem) {
  const pattern = new RegExp(`^ *${item.pattern}(?: *, *${item.pattern}){0,${MAX_LIST_VALUES - 1}} *$`);
  const one = new RegExp(`^${item.pattern}$`);
  /** Names the first value that is not an item, else says what the list must be. */
  const message = (input: unknown) => {
    const bad = String(input).split(',').map(trimSpaces).find((v) => !one.test(v));
    return bad === undefined || bad === '' ? `expected 1–${MAX_LIST_VALUES} comma-separated values, each ${item.expected}` : `"${bad.slice(0, 60)}": expected ${item.expected}`;
  };
  return z
    .string()
    .regex(pattern, { error: (issue) => message(issue.input) })
    .transform((s) => [...new Set(s.split(',').map(trimSpaces))]);
}
