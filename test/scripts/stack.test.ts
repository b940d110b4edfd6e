// `npm start`'s stack as a user runs it: embedded PostgreSQL, a Temporal dev server, worker, API.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createTransport } from 'nodemailer';
import { afterAll, describe, expect, it } from 'vitest';
import { replyAddressBook } from '../../security/reply-address.js';
import { freePort } from '../../scripts/temporal-dev-server.js';
import { PROJECT_ROOT } from '../../scripts/tools.js';
import { aComplaint } from '../helpers/fixtures.js';
import { eventually } from '../helpers/integration.js';

let dataDir: string;
let running: ChildProcess | undefined;

afterAll(async () => {
  // After a failed assertion the stack may still run: stop it as Ctrl-C would, and if it does not
  // stop, kill its whole process group (a bare SIGKILL of the stack would orphan its children).
  if (running && running.exitCode === null && running.signalCode === null) {
    const exited = new Promise((r) => running!.once('exit', r));
    running.kill('SIGINT');
    const stopped = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 30_000))]);
    if (!stopped) process.kill(-running.pid!, 'SIGKILL');
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}, 60_000);

async function startStack(ports: { http: number; temporal: number; ui: number }) {
  const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: dataDir, HTTP_PORT: String(ports.http), TEMPORAL_ADDRESS: `127.0.0.1:${ports.temporal}`, TEMPORAL_UI_PORT: String(ports.ui), LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL; // the embedded default is what a fresh machine gets
  delete env.API_KEYS;
  // Its own process group, so a last-resort kill reaches the servers and children it started.
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/stack.ts'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  running = child;
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('Plaint is running')) { clearInterval(timer); resolve(); }
      if (child.exitCode !== null) { clearInterval(timer); reject(new Error(`stack exited:\n${output}`)); }
    }, 200);
  });
  return { child, output: () => output };
}

async function interrupt(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  return exited;
}

function processesUsing(dir: string): string {
  try {
    return execFileSync('pgrep', ['-af', dir], { encoding: 'utf8' }).split('\n').filter((l) => l && !l.includes('pgrep')).join('\n');
  } catch {
    return ''; // pgrep exits 1 when nothing matches
  }
}

/** Mail to the stack's own address opens a complaint, and a reply to its reply address lands on its timeline. */
async function mailToTheStack(output: string, api: string): Promise<void> {
  const port = /Inbound mail: smtp:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1];
  expect(port).toBeDefined();
  const { adminApiKey, linkSigningSecret } = JSON.parse(await readFile(`${dataDir}/secrets.json`, 'utf8')) as { adminApiKey: string; linkSigningSecret: string };
  const auth = { headers: { authorization: `Bearer ${adminApiKey}` } };
  const mailer = createTransport({ host: '127.0.0.1', port: Number(port), secure: false, ignoreTLS: true });
  try {
    await mailer.sendMail({ from: 'Ayşe Yılmaz <ayse.stack@example.com>', to: 'complaints@plaint.localhost', subject: 'Kargo hasarlı geldi', text: 'Kutunun köşesi ezik, ürün çizik geldi.' });
    const emailed = await eventually(async () => {
      const { items } = (await (await fetch(`${api}/v1/complaints?channel=email`, auth)).json()) as { items: Array<{ reference: string }> };
      const found = items[0] && ((await (await fetch(`${api}/v1/complaints/${items[0].reference}`, auth)).json()) as { reference: string; recordedByWorkflow?: boolean });
      return found?.recordedByWorkflow ? found : undefined;
    }, 60_000);
    const replyTo = replyAddressBook(linkSigningSecret, 'plaint.localhost').addressFor(emailed.reference);
    await mailer.sendMail({ from: 'ayse.stack@example.com', to: replyTo, subject: `Re: ${emailed.reference}`, text: 'Kutunun fotoğrafını da çektim.' });
    await eventually(async () => {
      const events = (await (await fetch(`${api}/v1/complaints/${emailed.reference}/events`, auth)).json()) as Array<{ type: string }>;
      return events.some((e) => e.type === 'customer_wrote') || undefined;
    });
  } finally {
    mailer.close();
  }
}

describe('npm start', () => {
  it('runs the stack, prints its URLs, keeps complaints across restarts and leaves no process behind, even after a SIGKILL', async () => {
    dataDir = await mkdtemp(`${PROJECT_ROOT}.data/stack-test-`);
    const ports = { http: await freePort(), temporal: await freePort(), ui: await freePort() };
    const api = `http://127.0.0.1:${ports.http}`;

    const first = await startStack(ports);
    expect(first.output()).toContain(`${api}/docs`);
    expect(first.output()).toMatch(/Temporal UI: {2}http:\/\/127\.0\.0\.1:\d+/);
    expect(first.output()).toContain(`Complaint form: ${api}/complaints/new`);
    // The first administrator, printed with the password of secrets.json: the console's sign-in takes it.
    const { consoleAdminPassword } = JSON.parse(await readFile(`${dataDir}/secrets.json`, 'utf8')) as { consoleAdminPassword: string };
    expect(first.output()).toContain(`Staff console: ${api}/console   (admin@plaint.local / ${consoleAdminPassword}, in `);
    // The local inbox answers where it says, and its SMS sink is the one the children were given.
    const inboxUrl = /Local inbox: {2}(http:\/\/127\.0\.0\.1:\d+\/)/.exec(first.output())?.[1];
    expect(inboxUrl).toBeDefined();
    const inboxPage = await fetch(inboxUrl!);
    expect(inboxPage.status).toBe(200);
    expect(await inboxPage.text()).toContain('Plaint dev inbox');
    const filed = await fetch(`${api}/v1/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(aComplaint()) });
    expect(filed.status).toBe(201);
    const { reference } = (await filed.json()) as { reference: string };
    await mailToTheStack(first.output(), api);
    expect(await interrupt(first.child)).toBe(0);
    expect(processesUsing(dataDir)).toBe('');

    const second = await startStack(ports);
    expect(second.output()).toContain(`(admin@plaint.local / ${consoleAdminPassword}, in `); // made once, not regenerated
    const { adminApiKey } = JSON.parse(await readFile(`${dataDir}/secrets.json`, 'utf8')) as { adminApiKey: string };
    // The workflow started before the first Ctrl-C finishes its work after the restart.
    const found = await eventually(async () => {
      const res = await fetch(`${api}/v1/complaints/${reference}`, { headers: { authorization: `Bearer ${adminApiKey}` } });
      const body = (await res.json()) as { recordedByWorkflow?: boolean };
      return res.status === 200 && body.recordedByWorkflow ? body : undefined;
    });
    expect(found).toMatchObject({ reference });
    const uiUrl = /Temporal UI: {2}(http:\/\/127\.0\.0\.1:\d+)/.exec(second.output())![1]!;
    const ui = await fetch(`${uiUrl}/`);
    expect(ui.status).toBe(200);

    // Killed outright, the stack cannot clean up; the next start stops what it left behind.
    second.child.kill('SIGKILL');
    await new Promise((r) => second.child.once('exit', r));
    const third = await startStack(ports);
    expect(third.output()).toMatch(/stopped \d+ process\(es\) left by a stack that was killed/);
    const again = await fetch(`${api}/v1/complaints/${reference}`, { headers: { authorization: `Bearer ${adminApiKey}` } });
    expect(again.status).toBe(200);
    expect(await interrupt(third.child)).toBe(0);
    expect(processesUsing(dataDir)).toBe('');
  }, 300_000);
});
