// Complaint texts drawn from a pool composed once per run: each pooled text keeps its COPY-ready
// subject and description and the search vector PostgreSQL computed for it (the column's own
// expression, `to_tsvector(complaint_search_config(locale), subject || ' ' || description)`), so a
// million rows cost one query for their vectors and the trigger has nothing to do.
import type { Sql } from 'postgres';
import { copyText } from './copy-format.js';
import { CATEGORIES } from './organisation.js';
import type { Random } from './random.js';
import { TEXTS, type SeedLocale } from './texts.js';

export interface PooledText {
  locale: SeedLocale;
  category: string;
  product: string;
  subject: string;
  description: string;
  /** COPY fields. */
  copySubject: string;
  copyDescription: string;
  copyVector: string;
}

/** Texts per (language, category) in the pool. */
const POOL_SIZE: Record<SeedLocale, number> = { tr: 240, en: 160, fa: 12, az: 12 };

export type TextPool = ReadonlyMap<string, readonly PooledText[]>;

export const poolKey = (locale: SeedLocale, category: string) => `${locale}|${category}`;

export async function buildTextPool(sql: Sql, random: Random): Promise<TextPool> {
  const texts: PooledText[] = [];
  for (const locale of Object.keys(POOL_SIZE) as SeedLocale[]) {
    const t = TEXTS[locale];
    for (const category of CATEGORIES) {
      for (let i = 0; i < POOL_SIZE[locale]; i++) {
        const product = random.pick(category.products);
        const name = t.products[product] ?? product;
        const fill = (s: string) => s.replaceAll('{p}', name);
        const subject = capitalise(fill(random.pick(t.subjects[category.id] ?? t.subjects.other!)), locale);
        const parts = [
          fill(random.pick(t.openers)),
          random.pick(t.problems[category.id] ?? t.problems.other!),
          ...(random.chance(0.5) ? [random.pick(t.problems[category.id] ?? t.problems.other!)] : []),
          ...(random.chance(0.03) ? [random.pick(t.rare)] : []),
          random.pick(t.impacts),
          random.pick(t.requests),
        ];
        const description = [...new Set(parts.filter(Boolean))].join(random.chance(0.2) ? '\n' : ' ');
        texts.push({ locale, category: category.id, product, subject, description, copySubject: '', copyDescription: '', copyVector: '' });
      }
    }
  }
  const input = texts.map((x, n) => ({ n, locale: x.locale, subject: x.subject, description: x.description }));
  const vectors = await sql<{ v: string }[]>`
    SELECT to_tsvector(complaint_search_config(t.locale), t.subject || ' ' || t.description)::text AS v
    FROM jsonb_to_recordset(${sql.json(input)}::jsonb) AS t(n int, locale text, subject text, description text)
    ORDER BY t.n`;
  const pool = new Map<string, PooledText[]>();
  texts.forEach((text, i) => {
    text.copySubject = copyText(text.subject);
    text.copyDescription = copyText(text.description);
    text.copyVector = copyText(vectors[i]!.v);
    const key = poolKey(text.locale, text.category);
    (pool.get(key) ?? pool.set(key, []).get(key)!).push(text);
  });
  return pool;
}

function capitalise(s: string, locale: string): string {
  return s.charAt(0).toLocaleUpperCase(locale) + s.slice(1);
}
