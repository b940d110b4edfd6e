// Decisions follow the process the complaint is pinned to, through the API: its routing rules
// choose the department of a classification without one, and its decision roles decide who may
// take what (the API refuses only the roles that never decide).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../../api/http/errors.js';
import { complaintSchema } from '../../../api/staff/complaints.schemas.js';
import { CLASSIFY, complaintDriver } from '../../helpers/complaint-driver.js';
import { integrationContext, type IntegrationContext } from '../../helpers/integration.js';
import { quietProcess } from '../../helpers/process.js';

let ctx: IntegrationContext;
let d: ReturnType<typeof complaintDriver>;

const process = quietProcess((p) => {
  p.routing = {
    departments: [{ id: 'after_sales', teams: ['washing-machines'] }, { id: 'quality' }],
    rules: [{ id: 'wm-defects', when: { category: 'product_defect', product: 'WM-8000' }, department: 'after_sales', team: 'washing-machines' }],
  };
  p.decisionRoles = { ...p.decisionRoles, agent: [...p.decisionRoles!.agent!, 'mark_duplicate'] };
});
const { department: _, ...unrouted } = CLASSIFY as Extract<typeof CLASSIFY, { type: 'classify' }>;

beforeAll(async () => {
  ctx = await integrationContext();
  await ctx.startWorker();
  d = complaintDriver(ctx, process);
});
afterAll(() => ctx.close());

describe('decisions under the pinned process', () => {
  it('routes a classification without a department by the first matching rule', async () => {
    const c = await d.file();
    await d.waitForStatus(c, 'acknowledged');
    const res = await d.decide(c, unrouted);
    expect(res.status).toBe(200);
    const body = complaintSchema.parse(await res.json());
    expect(body).toMatchObject({ status: 'investigating', team: 'washing-machines' });
    expect(body.lifecycle!.classification).toMatchObject({ department: 'after_sales', routedBy: 'wm-defects' });
  });

  it('answers 400 on department when no rule matches, or the department is not one the process lists', async () => {
    const c = await d.file();
    await d.waitForStatus(c, 'acknowledged');
    for (const [decision, message] of [
      [{ ...unrouted, product: 'DW-300' }, 'required: no routing rule matches category "product_defect" and product "DW-300"'],
      [{ ...unrouted, department: 'sales' }, 'unknown department "sales"; the departments are after_sales, quality'],
    ] as const) {
      const res = await d.decide(c, decision);
      expect(res.status).toBe(400);
      expect(errorBodySchema.parse(await res.json()).error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'department', message }] });
    }
  });

  it('lets an agent mark a duplicate when the process grants it', async () => {
    const original = await d.file();
    const c = await d.file();
    await d.waitForStatus(original, 'acknowledged');
    await d.waitForStatus(c, 'acknowledged');
    expect(await d.decideOk(c, { type: 'mark_duplicate', duplicateOf: original.reference }, 'agent')).toMatchObject({
      status: 'closed',
      closure: 'duplicate',
    });
  });
});
