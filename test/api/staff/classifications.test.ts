// GET /v1/classifications: what staff classify with — the complaint form's lists with their labels,
// then the values complaints carry now, counted; a value nobody carries any more drops out.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classificationsSchema } from '../../../api/staff/classifications.js';
import { DEFAULT_COMPLAINT_FORM } from '../../../config/complaint-form.js';
import { bearer, integrationContext, type IntegrationContext } from '../../helpers/integration.js';

let ctx: IntegrationContext;
let app: ReturnType<IntegrationContext['app']>;
const run = randomUUID().slice(0, 6);
const form = {
  ...DEFAULT_COMPLAINT_FORM,
  categories: [{ id: 'delivery' }, { id: `recall-${run}`, labels: { en: 'Product recall', tr: 'Ürün geri çağırma' } }],
  products: [{ id: 'oven' }],
};

beforeAll(async () => {
  ctx = await integrationContext();
  app = ctx.app({ complaintForm: form });
});
afterAll(() => ctx.close());

let referenceSeq = Math.floor(Math.random() * 1_000_000_000);
async function complaints(count: number, category: string, product: string, receivedAt: string): Promise<void> {
  await ctx.sql`
    INSERT INTO complaints (id, reference, channel, status, customer_name, customer_locale, subject, description, pin_hash, received_at, category, product)
    SELECT gen_random_uuid(), 'CMP-1996-' || lpad((${referenceSeq} + i)::text, 10, '0'), 'web', 'received', 'A. Customer', 'tr', 'Subject', 'A description',
      'x', ${receivedAt}, ${category}, ${product}
    FROM generate_series(1, ${count}) i`;
  referenceSeq += count;
}

const read = async (query = '', role: Parameters<typeof bearer>[0] = 'agent') => {
  const res = await app.request(`/v1/classifications${query}`, { headers: bearer(role) });
  expect(res.status).toBe(200);
  return classificationsSchema.parse(await res.json());
};

describe('GET /v1/classifications', () => {
  it("lists the form's values in its order with their labels, then the values in use, the most used first", async () => {
    const [rare, common] = [`rare-${run}`, `common-${run}`];
    await complaints(2, rare, `dw-${run}`, '2025-01-10T09:00:00Z');
    await complaints(3, common, `dw-${run}`, '2025-01-10T09:00:00Z');
    await complaints(2, common, `dw-${run}`, '2025-03-10T09:00:00Z'); // another month: counted together
    await complaints(1, 'delivery', 'oven', '2025-02-10T09:00:00Z');

    const { categories, products } = await read('?lang=tr');
    expect(categories.slice(0, 2)).toEqual([
      { value: 'delivery', label: 'Teslimat', onForm: true, complaints: expect.any(Number) },
      { value: `recall-${run}`, label: 'Ürün geri çağırma', onForm: true, complaints: 0 },
    ]);
    expect(categories[0]!.complaints).toBeGreaterThanOrEqual(1);
    const ours = categories.filter((c) => c.value.endsWith(run) && !c.onForm);
    expect(ours).toEqual([
      { value: common, label: null, onForm: false, complaints: 5 },
      { value: rare, label: null, onForm: false, complaints: 2 },
    ]);
    expect(products.find((p) => p.value === `dw-${run}`)).toEqual({ value: `dw-${run}`, label: null, onForm: false, complaints: 7 });
    expect((await read('?lang=en')).categories[1]!.label).toBe('Product recall');
  });

  it('drops a value once no complaint carries it (reclassified away)', async () => {
    const [typo, right] = [`delivry-${run}`, `delivered-late-${run}`];
    await complaints(2, typo, 'oven', '2025-04-02T09:00:00Z');
    expect((await read()).categories.map((c) => c.value)).toContain(typo);
    await ctx.sql`UPDATE complaints SET category = ${right} WHERE category = ${typo}`;
    const values = (await read()).categories.map((c) => c.value);
    expect(values).not.toContain(typo);
    expect(values).toContain(right);
  });

  it('is read by every staff role, and refuses a language it does not have', async () => {
    for (const role of ['agent', 'supervisor', 'auditor', 'admin', 'process_owner'] as const) await read('', role);
    const bad = await app.request('/v1/classifications?lang=xx', { headers: bearer('agent') });
    expect(bad.status).toBe(400);
    expect((await app.request('/v1/classifications')).status).toBe(401);
  });
});
