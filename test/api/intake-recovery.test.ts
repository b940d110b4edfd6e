import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileComplaint } from '../../api/intake.js';
import { startUnrecordedComplaints } from '../../api/intake-reconciler.js';
import { SealedBox } from '../../security/sealed-box.js';
import { createTemporalGateway, type TemporalGateway } from '../../api/temporal-gateway.js';
import { DomainError } from '../../domain/errors.js';
import { aComplaint } from '../helpers/fixtures.js';
import { quietProcess } from '../helpers/process.js';
import { eventually, integrationContext, type IntegrationContext } from '../helpers/integration.js';

let ctx: IntegrationContext;
let gateway: TemporalGateway;
let sealedBox: SealedBox;
const currentProcess = () => quietProcess();

beforeAll(async () => {
  ctx = await integrationContext();
  await ctx.startWorker();
  gateway = createTemporalGateway(ctx.client, ctx.taskQueue);
  sealedBox = new SealedBox(ctx.encryptionKeys);
});
afterAll(() => ctx.close());

/** The real gateway, except that starting workflows fails as when Temporal is down. */
const temporalDown: TemporalGateway = {
  startComplaint: async () => {
    throw new DomainError('TEMPORARILY_UNAVAILABLE', 'The workflow service is unavailable; retry shortly');
  },
  decide: (...args) => gateway.decide(...args),
  answerAsCustomer: (...args) => gateway.answerAsCustomer(...args),
  isReachable: async () => false,
};

const recorded = async (id: string) => {
  const [row] = await ctx.sql<{ recorded_at: Date | null }[]>`SELECT recorded_at FROM complaints WHERE id = ${id}`;
  return row?.recorded_at ?? undefined;
};

describe('intake while Temporal is unavailable', () => {
  it('keeps the complaint, and a retry with the same Idempotency-Key starts its workflow', async () => {
    const key = `down-${crypto.randomUUID()}`;
    await expect(fileComplaint({ sql: ctx.sql, temporal: temporalDown, sealedBox, currentProcess }, aComplaint(), key)).rejects.toMatchObject({
      code: 'TEMPORARILY_UNAVAILABLE',
    });
    const retry = await fileComplaint({ sql: ctx.sql, temporal: gateway, sealedBox, currentProcess }, aComplaint(), key);
    expect(retry.created).toBe(false);
    expect(retry.response.pin).toMatch(/^\d{8}$/);
    await eventually(() => recorded(retry.response.id));
  });

  it('is finished by the reconciler when the client never retries', async () => {
    await expect(fileComplaint({ sql: ctx.sql, temporal: temporalDown, sealedBox, currentProcess }, aComplaint())).rejects.toBeInstanceOf(DomainError);
    const [orphan] = await ctx.sql<{ id: string }[]>`
      SELECT id FROM complaints WHERE recorded_at IS NULL ORDER BY received_at DESC LIMIT 1`;
    expect(await startUnrecordedComplaints({ sql: ctx.sql, temporal: gateway, sealedBox }, 0)).toBeGreaterThanOrEqual(1);
    await eventually(() => recorded(orphan!.id));
  });
});
