// Replay: every recorded history in test/histories/ must replay on the current workflow code. A
// change that alters the commands a running complaint issues fails here (DeterminismViolationError)
// and needs `patched()` (README "Versioning running complaints"). One test per file, so a failure
// names the path and the code version it was recorded on. `npm run record:histories` records them.
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { encryptingDataConverter } from '../../security/payload-codec.js';
import { CLASSIFY, complaintDriver, PROPOSE_REFUND, PROPOSE_REPAIR } from '../helpers/complaint-driver.js';
import { HISTORY_DIR, HISTORY_FIXTURE_KEYS, LIFECYCLE_PATHS, MAX_HISTORY_BYTES } from '../helpers/history-paths.js';
import { integrationContext, type IntegrationContext } from '../helpers/integration.js';
import { quietProcess } from '../helpers/process.js';

const HISTORY_FILES = readdirSync(HISTORY_DIR).filter((f) => f.endsWith('.json')).sort();

let ctx: IntegrationContext;
beforeAll(async () => {
  ctx = await integrationContext({ encryptionKeys: HISTORY_FIXTURE_KEYS });
  await ctx.startWorker();
});
afterAll(() => ctx.close());

// The bundle is built once for the whole run (global-setup.ts); each replay only loads it.
const replayOptions = () => ({ workflowBundle: { code: inject('workflowBundleCode') }, dataConverter: encryptingDataConverter(HISTORY_FIXTURE_KEYS) });

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
    await Worker.runReplayHistory(replayOptions(), await handle.fetchHistory(), c.id);
  });

  it('keeps a history of every lifecycle path the recorder drives', () => {
    const recorded = (path: string) => HISTORY_FILES.some((f) => new RegExp(`^v\\d+-${path}(-run-1)?\\.json$`).test(f));
    expect(LIFECYCLE_PATHS.map((p) => p.name).filter((p) => !recorded(p))).toEqual([]);
  });

  it.each(HISTORY_FILES)('replays %s on the current code', async (file) => {
    const json = await readFile(new URL(file, HISTORY_DIR), 'utf8');
    expect(Buffer.byteLength(json)).toBeLessThan(MAX_HISTORY_BYTES);
    const history = historyFromJSON(JSON.parse(json));
    // Throws DeterminismViolationError when the code issues other commands, ReplayError on any other failure.
    await Worker.runReplayHistory(replayOptions(), history, file);
  });
});
