// The short chaos run CI makes (`npm run chaos` runs a thousand flows; 12 here, a kill every 3–9 s): flows of every kind through
// the API while each kind of process is SIGKILLed at least once and restarted, then every check.
import { describe, expect, it } from 'vitest';
import { runChaos } from '../../scripts/chaos/run.js';

describe('a short chaos run', () => {
  it('ends every flow where it should, with nothing lost or doubled, though worker, API, Temporal and PostgreSQL were killed', async () => {
    const lines: string[] = [];
    const report = await runChaos({ flows: 12, concurrency: 12, maxMinutes: 8, killEveryMs: 6_000, log: (line) => lines.push(line) });
    expect(report.anomalies.join('\n'), lines.slice(-30).join('\n')).toBe('');
    for (const target of ['worker', 'api', 'temporal', 'postgres'] as const) expect(report.kills[target], target).toBeGreaterThanOrEqual(1);
    expect(report.emails).toBeGreaterThan(report.flows); // acknowledgements, proposals, closures reached the mail server
  }, 720_000);
});
