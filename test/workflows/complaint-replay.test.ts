// Replay: recorded histories must replay on the current workflow code. A change that alters the
// order of commands for running complaints fails here (DeterminismViolationError) and needs
// `patched()`. RECORD_HISTORIES=1 rewrites the committed fixture from the current code.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { encryptingDataConverter, parseEncryptionKeys } from '../../security/payload-codec.js';
import { CLASSIFY, complaintDriver, PROPOSE_REFUND, PROPOSE_REPAIR } from '../helpers/complaint-driver.js';
import { integrationContext, type IntegrationContext } from '../helpers/integration.js';
import { quietProcess } from '../helpers/process.js';

// A key for the fixture only: the fixture's complaint is made up.
const FIXTURE_KEYS = parseEncryptionKeys(['fixture:' + Buffer.alloc(32, 7).toString('base64')]);
const FIXTURE = new URL('../histories/complaint-two-rounds.json', import.meta.url);

let ctx: IntegrationContext;
beforeAll(async () => {
  ctx = await integrationContext({ encryptionKeys: FIXTURE_KEYS });
  await ctx.startWorker();
});
afterAll(() => ctx.close());

const replayOptions = () => ({ workflowBundle: { code: inject('workflowBundleCode') }, dataConverter: encryptingDataConverter(FIXTURE_KEYS) });

describe('replaying complaint histories', () => {
  it('replays a full two-round path with an information request, as run just now', async () => {
    const d = complaintDriver(ctx, quietProcess());
    const c = await d.file();
    await d.waitForStatus(c, 'acknowledged');
    await d.decideOk(c, CLASSIFY);
    const asked = await d.decideOk(c, { type: 'request_info', question: 'Which programme was running?' });
    expect(asked.status).toBe('awaiting_customer');
    const requestId = (await d.status(c)).state.pendingInfoRequest!.requestId;
    await d.answer(c, { type: 'customer_answered_info', requestId, text: 'Cotton 60.' });
    await d.decideOk(c, PROPOSE_REPAIR);
    await d.answer(c, { type: 'customer_rejected', round: 1, reason: 'Not enough.' });
    await d.decideOk(c, PROPOSE_REFUND);
    await d.answer(c, { type: 'customer_accepted', round: 2 });
    const handle = ctx.client.workflow.getHandle(c.id);
    await handle.result();
    const history = await handle.fetchHistory();
    await Worker.runReplayHistory(replayOptions(), history, c.id);
    if (process.env.RECORD_HISTORIES === '1') await writeFile(FIXTURE, historyToJSON(history));
  });

  it.runIf(existsSync(FIXTURE))('replays the committed history recorded by an earlier version of the code', async () => {
    const history = historyFromJSON(JSON.parse(await readFile(FIXTURE, 'utf8')));
    expect(history.events?.length).toBeGreaterThan(50);
    await Worker.runReplayHistory(replayOptions(), history, 'fixture-complaint');
  });
});
