// Records one workflow history per lifecycle path (test/helpers/history-paths.ts) into
// test/histories/, for complaint-replay.test.ts to replay on every later version of the code.
// Runs only when asked: `npm run record:histories`. A file that exists is kept (running complaints
// started on that code still need it): the path still runs and replays, and must issue the same
// commands as the file; it is not written again.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { describe, expect, inject, it } from 'vitest';
import { encryptingDataConverter } from '../../security/payload-codec.js';
import { complaintDriver } from '../helpers/complaint-driver.js';
import {
  commandsOf,
  HISTORY_DIR,
  HISTORY_FIXTURE_KEYS,
  historyFileName,
  LIFECYCLE_PATHS,
  MAX_HISTORY_BYTES,
  RECORDED_CODE_VERSION,
} from '../helpers/history-paths.js';
import { useTimeSkippingWorld } from '../helpers/time-skipping.js';

describe.runIf(process.env.RECORD_HISTORIES === '1')(`recording the lifecycle paths on the current code (v${RECORDED_CODE_VERSION})`, () => {
  const world = useTimeSkippingWorld({ encryptionKeys: HISTORY_FIXTURE_KEYS });

  it.each(LIFECYCLE_PATHS)('$name', async (path) => {
    const { ctx, env } = world;
    const d = complaintDriver(ctx, path.process, env.client);
    const startedAt = await env.currentTimeMs();
    const runs = await path.drive({ d, env, ctx });
    // Time passed only where the path slept (hours), not while the test waited for something.
    expect((await env.currentTimeMs()) - startedAt).toBeLessThan(86_400_000);
    for (const run of runs) {
      const history = await env.client.workflow.getHandle(run.workflowId, run.runId).fetchHistory();
      await Worker.runReplayHistory(
        { workflowBundle: { code: inject('workflowBundleCode') }, dataConverter: encryptingDataConverter(HISTORY_FIXTURE_KEYS) },
        history,
        run.workflowId,
      );
      const json = historyToJSON(history);
      expect(Buffer.byteLength(json)).toBeLessThan(MAX_HISTORY_BYTES);
      const file = new URL(historyFileName(RECORDED_CODE_VERSION, run.suffix ? `${path.name}-${run.suffix}` : path.name), HISTORY_DIR);
      if (!existsSync(file)) {
        await writeFile(file, json);
        continue;
      }
      // Same code version, same path: the same commands, or the code changed without a new version.
      const committed = historyFromJSON(JSON.parse(await readFile(file, 'utf8')));
      expect(commandsOf(history), `${file.pathname} was recorded on other code: bump RECORDED_CODE_VERSION`).toEqual(commandsOf(committed));
    }
  });
});
