// What the classify form offers for category and product, and the one check the console adds.
//
// Why: categories and products are what a complaint desk learns from (ISO 10002 asks for analysis
// by them): the KPI report groups by them, a repeat complaint is one in the same category, and a
// routing rule matches them exactly. A typo ("Delivery", "product_defect" beside
// "product-defect") silently starts a new category that splits every report and that no rule
// routes. Yet the API takes any text, and must: a new product is complained about before anyone
// lists it. So the form offers the known values (an <input list> + <datalist>: type to filter,
// free text still possible) and, before sending, the console asks once when a value is not known
// but is almost a known one: pick the known one, or tick a box to file it as new. A value unlike
// any known one goes through as typed: that is a new category, not a slip.
//
// Known values: the API's (GET /v1/classifications: the complaint form's lists and every value
// complaints carry now) and the complaint's own process definition's routing rules (a value a rule
// routes). Departments: when the definition lists them, the API accepts only those, so they are
// what the department field offers.
export type ClassifiedField = 'category' | 'product';
export const CLASSIFIED_FIELDS: readonly ClassifiedField[] = ['category', 'product'];

export interface KnownValue {
  value: string;
  /** The complaint form's label, when the value is on the form. */
  label: string | null;
  /** Complaints that carry it now. */
  complaints: number;
  /** A routing rule of the complaint's process matches it. */
  routed: boolean;
}

export interface ClassifyVocabulary {
  category: KnownValue[];
  product: KnownValue[];
  /** The departments the complaint's process lists (the only ones its classify accepts); undefined when it lists none. */
  departments?: string[];
}

export interface ApiKnownValue {
  value: string;
  label: string | null;
  complaints: number;
}

export interface Classifications {
  categories: ApiKnownValue[];
  products: ApiKnownValue[];
}

type Routing = { departments?: { id: string }[]; rules?: { when?: { category?: string; product?: string } }[] } | undefined;

/** The API's known values with the process's routing values added (and marked). */
export function vocabularyOf(classifications: Classifications | undefined, version: { content: Record<string, unknown> } | undefined): ClassifyVocabulary {
  const routing = version?.content.routing as Routing;
  const merge = (field: ClassifiedField, listed: readonly ApiKnownValue[]): KnownValue[] => {
    const routedValues = new Set((routing?.rules ?? []).flatMap((rule) => (rule.when?.[field] !== undefined ? [rule.when[field]!] : [])));
    const known: KnownValue[] = listed.map((v) => ({ ...v, routed: routedValues.has(v.value) }));
    for (const value of routedValues) if (!known.some((k) => k.value === value)) known.push({ value, label: null, complaints: 0, routed: true });
    return known;
  };
  const departments = routing?.departments?.map((d) => d.id);
  return {
    category: merge('category', classifications?.categories ?? []),
    product: merge('product', classifications?.products ?? []),
    ...(departments ? { departments } : {}),
  };
}

/** Case, accents' composition, spaces and the separators people mix up (- _ . /) do not tell values apart. */
const normalised = (value: string) => value.normalize('NFC').toLocaleLowerCase('en').replace(/[\s\-_./]+/g, '');

/** Edits (insert, delete, substitute, swap two neighbours) from a to b, giving up past `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The known value `typed` is almost, when it is not one itself: the same once case, spaces and
 * separators are set aside, or one slip away (two for longer words). The most used wins a tie.
 */
export function nearMiss(typed: string, known: readonly KnownValue[]): KnownValue | undefined {
  const value = typed.trim();
  if (value === '' || known.some((k) => k.value === value)) return undefined;
  const mine = normalised(value);
  const slips = mine.length >= 8 ? 2 : 1;
  let best: { known: KnownValue; distance: number } | undefined;
  for (const k of known) {
    const distance = mine.length < 3 ? (normalised(k.value) === mine ? 0 : Infinity) : editDistance(mine, normalised(k.value), slips);
    if (distance > slips) continue;
    if (!best || distance < best.distance || (distance === best.distance && k.complaints > best.known.complaints)) best = { known: k, distance };
  }
  return best?.known;
}

/** The form field that says "yes, this is a new one" for `field`. */
export const confirmNewField = (field: ClassifiedField) => `_new.${field}`;
