// Netgsm's delivery reports. Its public REST v2 description documents no push of reports to a URL
// of ours, only the report query (POST /sms/rest/v2/report, at most 10 queries a minute), so a
// poller asks for the rows we sent through Netgsm that are still `sent` and applies each final
// status. Netgsm's per-message status codes (report `status`):
//   0 waiting; 1 delivered; 2 expired before delivery; 3 invalid or restricted number; 4 not passed
//   to the operator; 11 refused by the operator; 12 delivery error; 13 duplicate; 14 no credit;
//   15 number on the blacklist; 16 refused by IYS; 17 IYS error.
import type { Sql } from 'postgres';
import { DeliveryError } from '../transport.js';
import { recordDeliveryReport, type DeliveryReportStatus } from './delivery-reports.js';
import { callGateway, excerpt, stringField } from './http.js';
import type { NetgsmOptions } from './netgsm.js';

export interface NetgsmJobReport {
  jobid: string;
  status: number;
  errorCode?: number;
  deliveredDate?: string;
}

const OUTCOMES: Readonly<Record<number, { status: DeliveryReportStatus; why: string }>> = {
  1: { status: 'delivered', why: 'delivered' },
  2: { status: 'failed', why: 'expired before it reached the handset' },
  3: { status: 'bounced', why: 'invalid or restricted number' },
  4: { status: 'failed', why: 'not passed to the operator' },
  11: { status: 'failed', why: 'refused by the operator' },
  12: { status: 'failed', why: 'delivery error' },
  13: { status: 'failed', why: 'refused as a duplicate' },
  14: { status: 'failed', why: 'the Netgsm account has no credit' },
  15: { status: 'bounced', why: 'the number is on the blacklist' },
  16: { status: 'bounced', why: 'the recipient refused messages through IYS' },
  17: { status: 'failed', why: 'IYS error' },
};

/** The row's final status for a Netgsm report status, or null while it is still on its way. */
export function netgsmOutcome(report: NetgsmJobReport): { status: DeliveryReportStatus; error?: string } | null {
  const outcome = OUTCOMES[report.status];
  if (!outcome) return null;
  if (outcome.status === 'delivered') return { status: 'delivered' };
  const code = report.errorCode ? ` (operator error ${report.errorCode})` : '';
  return { status: outcome.status, error: `Netgsm: ${outcome.why}${code}` };
}

/** Netgsm's report query for some job ids sent between `from` and `to`. */
export async function netgsmReports(
  options: Pick<NetgsmOptions, 'apiUrl' | 'usercode' | 'password' | 'appname' | 'timeoutMs'>,
  jobids: readonly string[],
  window: { from: Date; to: Date },
): Promise<NetgsmJobReport[]> {
  const body = JSON.stringify({
    jobids,
    startdate: netgsmDate(window.from),
    stopdate: netgsmDate(window.to),
    pagesize: 100,
    ...(options.appname ? { appname: options.appname } : {}),
  });
  const response = await callGateway('Netgsm', `${options.apiUrl.replace(/\/+$/, '')}/sms/rest/v2/report`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Basic ${Buffer.from(`${options.usercode}:${options.password}`).toString('base64')}`,
    },
    body,
    timeoutMs: options.timeoutMs,
  });
  const code = stringField(response.json, 'code');
  if (code === '60') return []; // nothing in the window yet
  if (code !== '00') throw new DeliveryError(`Netgsm report query answered ${response.status} code ${code ?? '-'}: ${excerpt(response.text)}`, code === '30');
  const jobs = (response.json as { jobs?: unknown }).jobs;
  if (!Array.isArray(jobs)) return [];
  return jobs.flatMap((job: Record<string, unknown>) =>
    typeof job?.jobid === 'string' || typeof job?.jobid === 'number'
      ? [
          {
            jobid: String(job.jobid),
            status: Number(job.status),
            ...(typeof job.errorCode === 'number' ? { errorCode: job.errorCode } : {}),
            ...(typeof job.deliveredDate === 'string' ? { deliveredDate: job.deliveredDate } : {}),
          },
        ]
      : [],
  );
}

/** `dd.MM.yyyy HH:mm:ss` in Turkish time, as Netgsm's report dates are. */
export function netgsmDate(at: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Istanbul',
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}.${parts.month}.${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
}

export interface NetgsmPollDeps {
  sql: Sql;
  netgsm: Pick<NetgsmOptions, 'apiUrl' | 'usercode' | 'password' | 'appname' | 'timeoutMs'>;
  now?: () => Date;
  /** Rows sent longer ago than this are no longer asked about (Netgsm keeps reports for days). */
  lookbackHours?: number;
}

/**
 * One round: up to 100 rows still `sent` through Netgsm, one report query, each final status applied.
 * Run it about once a minute (Netgsm allows 10 report queries a minute).
 */
export async function pollNetgsmReports(deps: NetgsmPollDeps): Promise<{ asked: number; settled: number }> {
  const now = deps.now?.() ?? new Date();
  const since = new Date(now.getTime() - (deps.lookbackHours ?? 72) * 3_600_000);
  const rows = await deps.sql<{ jobid: string; at: Date }[]>`
    SELECT provider_message_id AS jobid, coalesce(sending_started_at, created_at) AS at FROM outbox_messages
    WHERE provider = 'netgsm' AND status = 'sent' AND provider_message_id IS NOT NULL AND created_at >= ${since}
    ORDER BY created_at LIMIT 100`;
  if (rows.length === 0) return { asked: 0, settled: 0 };
  const from = new Date(Math.min(...rows.map((r) => r.at.getTime())) - 10 * 60_000);
  const reports = await netgsmReports(deps.netgsm, rows.map((r) => r.jobid), { from, to: now });
  let settled = 0;
  for (const report of reports) {
    const outcome = netgsmOutcome(report);
    if (!outcome) continue;
    const result = await recordDeliveryReport(deps.sql, { provider: 'netgsm', providerMessageId: report.jobid, ...outcome });
    if (result.result === 'updated') settled++;
  }
  return { asked: rows.length, settled };
}

/** Polls every `intervalMs` until the returned function is called. Errors are logged, not thrown. */
export function runNetgsmReportPoller(
  deps: NetgsmPollDeps & { intervalMs?: number; log: { warn(obj: object, msg: string): void } },
): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      await pollNetgsmReports(deps);
    } catch (err) {
      deps.log.warn({ err }, 'Netgsm delivery report poll failed; trying again next round');
    }
    if (!stopped) timer = setTimeout(() => void tick(), deps.intervalMs ?? 60_000);
  };
  timer = setTimeout(() => void tick(), 0);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
