// PostgreSQL COPY text format: tab-separated columns, one row a line, `\N` for NULL, and
// backslash, tab, newline and carriage return escaped with a backslash.

export const NULL = '\\N';

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A text value as a COPY field. */
export function copyText(value: string | null | undefined): string {
  if (value === null || value === undefined) return NULL;
  return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (c) => ESCAPES[c]!) : value;
}

/** A JSON value as a COPY field (JSON escapes control characters itself; backslashes remain). */
export function copyJson(value: unknown): string {
  const json = JSON.stringify(value);
  return json.includes('\\') ? json.replace(/\\/g, '\\\\') : json;
}

export function copyTime(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? NULL : new Date(ms).toISOString();
}

/** A bytea as a COPY field: hex format, its backslash escaped. */
export function copyBytea(bytes: Buffer | null): string {
  return bytes ? `\\\\x${bytes.toString('hex')}` : NULL;
}

export function copyNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? NULL : String(n);
}

export function copyBool(b: boolean | null | undefined): string {
  return b === null || b === undefined ? NULL : b ? 't' : 'f';
}

/** A text[] of plain words (no quotes, commas or braces inside). */
export function copyWords(words: readonly string[]): string {
  return `{${words.join(',')}}`;
}
