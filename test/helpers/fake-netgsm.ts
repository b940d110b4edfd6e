// Netgsm's REST v2 SMS API as its public description states it, on a real node:http server:
// Basic auth, JSON, answer codes ("00" with a jobid; 406 with 30 for refused credentials, 40 for
// an unknown sender name, 70 for a bad parameter, 80 for the rate limit), and the report query by
// jobid with per-message statuses. Netgsm takes an invalid number and reports it later (status 3).
import { randomInt } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface NetgsmSent {
  jobid: string;
  msgheader: string;
  no: string;
  msg: string;
  encoding?: string;
  iysfilter?: string;
  appname?: string;
}

export type FakeNetgsmMode = 'normal' | 'outage' | 'rate-limited' | 'drop-response';

export interface FakeNetgsm {
  url: string;
  usercode: string;
  password: string;
  msgheader: string;
  sent: NetgsmSent[];
  /** Report status per jobid (0 waiting, 1 delivered, 3 invalid number, …). */
  statuses: Map<string, number>;
  /** Numbers Netgsm takes but the operator cannot reach (reported with status 3). */
  invalidNumbers: Set<string>;
  reportQueries: Array<{ jobids: string[]; startdate: string; stopdate: string }>;
  mode: FakeNetgsmMode;
  close(): Promise<void>;
}

export async function startFakeNetgsm(opts: { usercode?: string; password?: string; msgheader?: string } = {}): Promise<FakeNetgsm> {
  const usercode = opts.usercode ?? '8501234567';
  const password = opts.password ?? 'netgsm-api-password';
  const msgheader = opts.msgheader ?? 'PLAINT';
  const fake: Omit<FakeNetgsm, 'url' | 'close'> = {
    usercode, password, msgheader, sent: [], statuses: new Map(), invalidNumbers: new Set(), reportQueries: [], mode: 'normal',
  };
  const answer = (res: ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  const DATE = /^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}:\d{2}$/;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (fake.mode === 'outage') return res.writeHead(503, { 'Content-Type': 'text/html' }).end('<h1>503 Service Unavailable</h1>');
      const expected = `Basic ${Buffer.from(`${usercode}:${password}`).toString('base64')}`;
      if (req.headers.authorization !== expected) return answer(res, 406, { code: '30', description: 'Invalid username, password or no API access' });
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        return answer(res, 406, { code: '70', description: 'Invalid query' });
      }
      if (req.method === 'POST' && req.url === '/sms/rest/v2/send') {
        if (fake.mode === 'rate-limited') return answer(res, 406, { code: '80', description: 'Sending limit exceeded' });
        if (body.msgheader !== msgheader) return answer(res, 406, { code: '40', description: 'Message header is not defined' });
        const messages = body.messages;
        const valid =
          Array.isArray(messages) &&
          messages.length > 0 &&
          messages.every((m: { msg?: unknown; no?: unknown }) => typeof m?.msg === 'string' && m.msg !== '' && typeof m.no === 'string' && /^(5\d{9}|00\d{7,15})$/.test(m.no));
        if (!valid) return answer(res, 406, { code: '70', description: 'Invalid query' });
        const jobid = String(randomInt(10 ** 9, 10 ** 10));
        for (const m of messages as Array<{ msg: string; no: string }>) {
          fake.sent.push({
            jobid, msgheader, no: m.no, msg: m.msg,
            ...(typeof body.encoding === 'string' ? { encoding: body.encoding } : {}),
            ...(typeof body.iysfilter === 'string' ? { iysfilter: body.iysfilter } : {}),
            ...(typeof body.appname === 'string' ? { appname: body.appname } : {}),
          });
          fake.statuses.set(jobid, fake.invalidNumbers.has(m.no) ? 3 : 0);
        }
        if (fake.mode === 'drop-response') return res.socket?.destroy();
        return answer(res, 200, { code: '00', jobid, description: 'queued' });
      }
      if (req.method === 'POST' && req.url === '/sms/rest/v2/report') {
        const { jobids, startdate, stopdate } = body as { jobids?: unknown; startdate?: unknown; stopdate?: unknown };
        if (typeof startdate !== 'string' || typeof stopdate !== 'string' || !DATE.test(startdate) || !DATE.test(stopdate)) {
          return answer(res, 406, { code: '70', description: 'Invalid query' });
        }
        const ids = Array.isArray(jobids) ? jobids.map(String) : [];
        fake.reportQueries.push({ jobids: ids, startdate, stopdate });
        const jobs = fake.sent
          .filter((s) => ids.includes(s.jobid))
          .map((s) => ({ jobid: s.jobid, number: s.no, status: fake.statuses.get(s.jobid) ?? 0, operator: 30, msglen: s.msg.length, ...(fake.statuses.get(s.jobid) === 3 ? { errorCode: 1 } : {}) }));
        return jobs.length === 0 ? answer(res, 406, { code: '60', description: 'No records' }) : answer(res, 200, { code: '00', description: 'ok', jobs });
      }
      answer(res, 404, { code: '70', description: 'Invalid query' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
