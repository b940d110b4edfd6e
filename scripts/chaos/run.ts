// A chaos run: the stack of cluster.ts, a process with a 15-second answer deadline (deemed
// acceptance within the run) on a TR calendar opened round the clock for the run's days, the
// flows of flows.ts driven side by side while a killer SIGKILLs the worker, the API, the Temporal
// server and PostgreSQL at random moments and restarts them; then the checks of checks.ts.
import { randomInt } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { DEFAULT_PROCESS_DEFINITION } from '../../config/default-process.js';
import { connectDatabase } from '../../db/connect.js';
import { parseEncryptionKeys } from '../../security/payload-codec.js';
import { LinkSigner } from '../../security/signed-links.js';
import { connectTemporalClient } from '../../temporal/client.js';
import { freePort } from '../temporal-dev-server.js';
import { PROJECT_ROOT } from '../tools.js';
import { findAnomalies, type ReceivedMail } from './checks.js';
import { startCluster, TARGETS, type Target } from './cluster.js';
import { DEEMED_COUNTRY, driveFlow, FLOW_KINDS, type Flow } from './flows.js';

export interface ChaosOptions {
  flows: number;
  /** Flows in flight at once. */
  concurrency: number;
  /** The run's bound: flows still going then are anomalies. */
  maxMinutes: number;
  /** Mean pause between two kills. */
  killEveryMs: number;
  log?: (line: string) => void;
}

export interface ChaosReport {
  flows: number;
  byKind: Record<string, number>;
  kills: Record<Target, number>;
  retries: number;
  emails: number;
  seconds: number;
  anomalies: string[];
}

const ANSWER_DEADLINE_SECONDS = 15;

export async function runChaos(opts: ChaosOptions): Promise<ChaosReport> {
  const log = opts.log ?? (() => undefined);
  const started = Date.now();
  const dataDir = await mkdtemp(`${PROJECT_ROOT}.data/chaos-`);
  const { chmod } = await import('node:fs/promises');
  await chmod(dataDir, 0o755); // the embedded PostgreSQL runs as user postgres under root
  const mail: ReceivedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          mail.push({ messageId: parsed.messageId ?? '', to: session.envelope.rcptTo.map((r) => r.address).join(',') });
          callback();
        })
        .catch(callback);
    },
  });
  // A sender killed mid-conversation (the jobs process, when PostgreSQL dies) resets its connection.
  smtp.on('error', (err: Error) => log(`mail server: ${err.message}`));
  const smtpPort = await freePort();
  await new Promise<void>((r) => smtp.listen(smtpPort, '127.0.0.1', r));
  const cluster = await startCluster({ dataDir, smtpPort, log });
  const sql = connectDatabase(cluster.databaseUrl, { max: 8 });
  const kills: Record<Target, number> = { worker: 0, api: 0, temporal: 0, postgres: 0 };
  let retries = 0;
  let killing = true;
  const flows: Flow[] = Array.from({ length: opts.flows }, (_, i) => ({ kind: FLOW_KINDS[i % FLOW_KINDS.length]! }));
  try {
    await cluster.ready(180_000);
    await setUpProcess(cluster.apiUrl, cluster.keys.staff.process_owner);
    log(`stack up in ${((Date.now() - started) / 1000).toFixed(0)} s; driving ${opts.flows} flows`);
    const deadline = Date.now() + opts.maxMinutes * 60_000;
    const flowDeps = {
      apiUrl: cluster.apiUrl,
      sql,
      staff: cluster.keys.staff,
      linkSigner: new LinkSigner(cluster.keys.linkSigningSecret),
      retried: () => void retries++,
      deadline,
    };
    // Every kind of process goes down once in turn, then at random; each comes back on its own port.
    const killer = (async () => {
      for (let n = 0; killing; n++) {
        // The first round kills each kind soon, so a short run too sees every kind go down.
        const pause = n < TARGETS.length ? 1_000 + randomInt(2_000) : opts.killEveryMs / 2 + randomInt(opts.killEveryMs);
        await new Promise((r) => setTimeout(r, pause));
        if (!killing) break;
        const target = n < TARGETS.length ? TARGETS[n]! : TARGETS[randomInt(TARGETS.length)]!;
        const downMs = 300 + randomInt(2_500);
        log(`kill ${target} (down ${downMs} ms)`);
        kills[target]++;
        await cluster.kill(target, downMs).catch((err: Error) => log(`restart of ${target} failed: ${err.message}`));
      }
    })();
    let next = 0;
    await Promise.all(
      Array.from({ length: opts.concurrency }, async () => {
        for (let i = next++; i < flows.length; i = next++) {
          await driveFlow(flowDeps, flows[i]!).catch((err: Error) => void (flows[i]!.error = err.message));
          if ((i + 1) % 50 === 0) log(`${i + 1} flows started`);
        }
      }),
    );
    killing = false;
    await killer;
    log('flows done; waiting for the outbox and the answers to settle');
    await cluster.ready(180_000);
    await settle(sql, flows, Math.max(deadline, Date.now() + 120_000));
    const client = await connectTemporalClient({ address: cluster.temporalAddress, namespace: 'default', encryptionKeys: parseEncryptionKeys([cluster.keys.payloadEncryptionKey]) });
    const anomalies = await findAnomalies({ sql, client, flows, mail });
    await client.connection.close();
    const byKind = Object.fromEntries(FLOW_KINDS.map((k) => [k, flows.filter((f) => f.kind === k).length]));
    return { flows: flows.length, byKind, kills, retries, emails: mail.length, seconds: (Date.now() - started) / 1000, anomalies };
  } finally {
    killing = false;
    await sql.end({ timeout: 2 }).catch(() => undefined);
    await cluster.stop();
    smtp.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Waits until no outbox row of the flows is pending or sending and no answer is pending. */
async function settle(sql: ReturnType<typeof connectDatabase>, flows: Flow[], until: number): Promise<void> {
  const ids = flows.flatMap((f) => (f.id ? [f.id] : []));
  while (Date.now() < until) {
    const [row] = await sql<{ n: number }[]>`
      SELECT (SELECT count(*) FROM outbox_messages WHERE complaint_id = ANY(${ids}::uuid[]) AND status IN ('pending', 'sending'))
           + (SELECT count(*) FROM customer_answers WHERE complaint_id = ANY(${ids}::uuid[]) AND status = 'pending') AS n`.catch(() => [{ n: -1 }]);
    if (Number(row!.n) === 0) return;
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

/**
 * The run's processes, through the API as a process owner would: `chaos-deemed` (Azerbaijani
 * customers) gives 15 s to answer and deems the proposal accepted then; `chaos` (everyone else)
 * gives a day, so an answer the customer gives during an outage is never overtaken by its deadline.
 */
export async function setUpProcess(apiUrl: string, ownerKey: string): Promise<void> {
  const headers = { authorization: `Bearer ${ownerKey}`, 'content-type': 'application/json' };
  const send = async (method: string, path: string, body: unknown) => {
    const res = await fetch(`${apiUrl}${path}`, { method, headers, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  };
  for (const [id, answerDeadline] of [['chaos', { workingDays: 1 }], ['chaos-deemed', { workingHours: ANSWER_DEADLINE_SECONDS / 3600 }]] as const) {
    const content = structuredClone(DEFAULT_PROCESS_DEFINITION) as unknown as Record<string, unknown> & { id: string; version: number; acceptance: Record<string, unknown> };
    content.id = id;
    content.version = 1;
    content.acceptance = { ...content.acceptance, answerDeadline, noAnswer: 'deemed_accepted' };
    await send('POST', '/v1/process-definitions', { id, content });
    await send('POST', `/v1/process-definitions/${id}/versions/1/publish`, { changeNote: `Chaos run: answers due in ${JSON.stringify(answerDeadline)}` });
  }
  await send('PUT', '/v1/process-selection', { defaultDefinitionId: 'chaos', rules: [{ when: { country: [DEEMED_COUNTRY] }, definitionId: 'chaos-deemed' }], note: 'Chaos run' });
  // Business time runs round the clock for the run's days, whatever hour or weekday it starts on.
  const days = [-1, 0, 1, 2].map((d) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10));
  const exceptions = days.map((date) => ({ kind: 'open', date, name: 'Chaos run', hours: [{ from: '00:00', to: '24:00' }] }));
  await send('PUT', '/v1/calendars/TR/overrides', { exceptions, changeNote: 'Chaos run: open round the clock' });
}
