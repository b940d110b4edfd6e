// Canonical JSON, the bytes a definition's content hash is taken of: object keys sorted (by UTF-16
// code units, as RFC 8785 does), no whitespace, undefined members left out, numbers and strings as
// JSON.stringify writes them. Two equal documents always give the same text, whatever their key order.

/** The canonical JSON text of a JSON value. */
export function canonicalJson(value: unknown): string {
  const text = write(value);
  if (text === undefined) throw new TypeError('canonicalJson: the value has no JSON form');
  return text;
}

function write(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => write(item) ?? 'null').join(',')}]`;
  // Built by hand: an object built from sorted entries would still list integer-like keys first.
  const members: string[] = [];
  for (const key of Object.keys(value).sort()) {
    const text = write((value as Record<string, unknown>)[key]);
    if (text !== undefined) members.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${members.join(',')}}`;
}
