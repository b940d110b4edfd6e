// `--with-workflows N`: complaints filed through the API's real intake (POST /v1/complaints), so
// their workflows run on the stack's worker (`npm start`) and their timelines are the real thing.
import { CATEGORIES } from './organisation.js';
import { createRandom } from './random.js';
import { FIRST_NAMES, LAST_NAMES, TEXTS, type SeedLocale } from './texts.js';

/** Files `count` web complaints; answers their references. Waits out the public rate limit (429). */
export async function fileThroughApi(apiUrl: string, count: number, seed: number): Promise<string[]> {
  const r = createRandom(seed ^ 0x0f1e);
  const references: string[] = [];
  for (let i = 0; i < count; i++) {
    const locale: SeedLocale = r.chance(0.65) ? 'tr' : 'en';
    const t = TEXTS[locale];
    const category = r.pick(CATEGORIES);
    const product = r.pick(category.products);
    const fill = (s: string) => s.replaceAll('{p}', t.products[product] ?? product);
    const first = r.pick(FIRST_NAMES[locale]);
    const last = r.pick(LAST_NAMES[locale]);
    const body = {
      channel: 'web',
      customer: { name: `${first} ${last}`, email: `seed.workflow.${seed}.${i}@example.com`, locale, country: 'TR' },
      subject: fill(r.pick(t.subjects[category.id]!)),
      description: [fill(r.pick(t.openers)), r.pick(t.problems[category.id]!), r.pick(t.requests)].join(' '),
    };
    for (;;) {
      const res = await fetch(`${apiUrl}/v1/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (res.status === 429) {
        await new Promise((resolve) => setTimeout(resolve, 1_000 * Number(res.headers.get('retry-after') ?? 5)));
        continue;
      }
      if (res.status !== 201) throw new Error(`intake answered ${res.status}: ${await res.text()}`);
      references.push(((await res.json()) as { reference: string }).reference);
      break;
    }
  }
  return references;
}
