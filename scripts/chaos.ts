// `npm run chaos [flows=1000] [-- --concurrency=40 --max-minutes=25 --kill-every-ms=8000]`: drives
// complaint flows through the API while the worker, the API, the Temporal server and PostgreSQL
// are SIGKILLed at random moments and restarted; prints what happened and exits 1 on any anomaly.
import { parseArgs } from 'node:util';
import { runChaos } from './chaos/run.js';
import { assertToolsInstalled } from './tools.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    concurrency: { type: 'string', default: '40' },
    'max-minutes': { type: 'string', default: '25' },
    'kill-every-ms': { type: 'string', default: '8000' },
    quiet: { type: 'boolean', default: false },
  },
});
assertToolsInstalled();
const report = await runChaos({
  flows: Number(positionals[0] ?? 1000),
  concurrency: Number(values.concurrency),
  maxMinutes: Number(values['max-minutes']),
  killEveryMs: Number(values['kill-every-ms']),
  log: values.quiet ? undefined : (line) => console.error(`[chaos] ${line}`),
});
console.log(`flows            ${report.flows} (${Object.entries(report.byKind).map(([k, n]) => `${k} ${n}`).join(', ')})`);
console.log(`kills            ${Object.entries(report.kills).map(([k, n]) => `${k} ${n}`).join(', ')}`);
console.log(`retries seen     ${report.retries}`);
console.log(`e-mails received ${report.emails}`);
console.log(`took             ${report.seconds.toFixed(0)} s`);
console.log(`anomalies        ${report.anomalies.length}`);
for (const a of report.anomalies.slice(0, 50)) console.log(`  - ${a}`);
process.exit(report.anomalies.length === 0 ? 0 : 1);
