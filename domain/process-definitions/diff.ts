// Two versions of a definition, field by field: every leaf that differs, with its dotted path as
// validation errors name it (`stages.investigation.deadline`). A duration and a list of plain
// values count as one field (`{ workingDays: 4 }` → `{ workingHours: 30 }` is one change, not two);
// lists of objects (breach steps, remedies, routing rules) are compared item by item. The identity fields
// (`id`, `version`) always differ between versions and are left out.

/** A JSON value as stored. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One changed field: `from` is null when the field was added, `to` is null when it was removed. */
export interface DefinitionChange {
  path: string;
  from: JsonValue;
  to: JsonValue;
}

const IDENTITY_FIELDS = new Set(['id', 'version']);

/** Every field that differs from `from` to `to`, in document order (keys sorted, as stored). */
export function diffDefinitions(from: unknown, to: unknown): DefinitionChange[] {
  const changes: DefinitionChange[] = [];
  const fromObject = asObject(from) ?? {};
  const toObject = asObject(to) ?? {};
  for (const key of unionOfKeys(fromObject, toObject)) {
    if (!IDENTITY_FIELDS.has(key)) collect(fromObject[key], toObject[key], [key], changes);
  }
  return changes;
}

function collect(from: unknown, to: unknown, path: string[], changes: DefinitionChange[]): void {
  if (sameJson(from, to)) return;
  const fromObject = isLeaf(from) ? undefined : asObject(from);
  const toObject = isLeaf(to) ? undefined : asObject(to);
  if (Array.isArray(from) && Array.isArray(to) && !(isLeaf(from) && isLeaf(to))) {
    for (let i = 0; i < Math.max(from.length, to.length); i++) collect(from[i], to[i], [...path, String(i)], changes);
    return;
  }
  if (fromObject && toObject && !Array.isArray(from) && !Array.isArray(to)) {
    for (const key of unionOfKeys(fromObject, toObject)) collect(fromObject[key], toObject[key], [...path, key], changes);
    return;
  }
  changes.push({ path: path.join('.'), from: (from ?? null) as JsonValue, to: (to ?? null) as JsonValue });
}

/** A value shown whole: a primitive, a duration, or a list of primitives. */
function isLeaf(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every((item) => item === null || typeof item !== 'object');
  return isBusinessDuration(value) || isCalendarDays(value);
}

export function isBusinessDuration(value: unknown): value is { workingDays: number } | { workingHours: number } {
  return onlyNumberIn(value, 'workingDays') || onlyNumberIn(value, 'workingHours');
}

export function isCalendarDays(value: unknown): value is { calendarDays: number } {
  return onlyNumberIn(value, 'calendarDays');
}

function onlyNumberIn(value: unknown, key: string): boolean {
  const object = asObject(value);
  if (!object || Array.isArray(value)) return false;
  const keys = Object.keys(object);
  return keys.length === 1 && keys[0] === key && typeof object[key] === 'number';
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
}

function unionOfKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
