// Netgsm, the common Turkish SMS gateway, through its REST v2 API: Basic auth (usercode:password),
// JSON in and out. What we rely on, from Netgsm's public API description and its official SDK
// (@netgsm/sms, openapi.json):
//   POST {api}/sms/rest/v2/send   {msgheader, messages: [{msg, no}], encoding?, iysfilter?, appname?}
//     → 200 {code: "00", jobid, description} | 406 {code, description}
//   POST {api}/sms/rest/v2/report {jobids, startdate, stopdate, pagesize?}
//     → {code: "00", jobs: [{jobid, number, status, errorCode?, deliveredDate?}]} | {code: "60"} (none)
// Codes of send: 20 text problem or too long, 30 credentials / API access / IP not allowed, 40 sender
// name (msgheader) not defined, 50/51 IYS not available for the account, 70 bad or missing
// parameter, 80 sending limit, 85 more than 20 jobs to one number in a minute, 100/101 system error.
//
// Idempotency: the public REST v2 description has no caller's reference on send (a report row
// carries a `referansID`, but nothing documented sets it), so Netgsm cannot tell us whether it
// already took a message we lost the answer to. This adapter therefore has no findAccepted: a
// crash between Netgsm's 200 and our record is the one case that can send a message twice
// (README "SMS providers"). The dispatcher records the jobid as soon as the answer arrives.
import { countSmsSegments } from '../../domain/sms-segments.js';
import { DeliveryError, type Accepted, type OutgoingSms, type SmsProvider } from '../transport.js';
import { callGateway, excerpt, stringField } from './http.js';

export interface NetgsmOptions {
  /** Base URL of the API, https://api.netgsm.com.tr */
  apiUrl: string;
  usercode: string;
  password: string;
  /** The sender name (originator) registered with Netgsm, at most 11 characters. */
  msgheader: string;
  /** Netgsm's `appname`, naming the sending application in their panel. */
  appname?: string;
  timeoutMs: number;
}

/** Send codes that retrying will not cure (the account, the sender name or the request is wrong). */
const PERMANENT_CODES: Readonly<Record<string, string>> = {
  '20': 'the message text was refused (a character problem, or longer than the account allows)',
  '30': 'the credentials were refused, the account has no API access, or this IP address is not allowed',
  '40': 'the sender name (NETGSM_HEADER) is not defined for this account',
  '50': 'the account cannot send IYS-checked messages',
  '51': 'the account has no IYS brand',
  '70': 'a parameter was refused or is missing',
};

/** Send codes that pass: limits and Netgsm's own trouble. */
const TRANSIENT_CODES: Readonly<Record<string, string>> = {
  '80': 'the sending rate limit was exceeded',
  '85': 'more than 20 messages to the same number within a minute',
  '100': 'Netgsm system error',
  '101': 'Netgsm system error',
};

export function netgsmSmsProvider(options: NetgsmOptions): SmsProvider {
  const api = options.apiUrl.replace(/\/+$/, '');
  const authorization = `Basic ${Buffer.from(`${options.usercode}:${options.password}`).toString('base64')}`;
  return {
    name: 'netgsm',
    async send(message: OutgoingSms): Promise<Accepted> {
      const no = netgsmNumber(message.to);
      if (no === null) throw new DeliveryError(`${message.to} is not a phone number in international form (+<country><number>)`, true, true);
      const body = JSON.stringify({
        msgheader: options.msgheader,
        messages: [{ msg: message.text, no }],
        // Without "TR" Netgsm does not keep Turkish letters; its docs say nothing on other scripts
        // (Persian), which we send the same way: as Unicode text in the JSON.
        ...(countSmsSegments(message.text).encoding === 'UCS-2' ? { encoding: 'TR' } : {}),
        // "0": an informational message (a complaint's news), not commercial, so no IYS consent check.
        iysfilter: '0',
        ...(options.appname ? { appname: options.appname } : {}),
      });
      const response = await callGateway('Netgsm', `${api}/sms/rest/v2/send`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: authorization },
        body,
        timeoutMs: options.timeoutMs,
      });
      const code = stringField(response.json, 'code');
      const jobid = stringField(response.json, 'jobid');
      if (code === '00' && jobid) return { providerMessageId: jobid };
      if (code !== undefined && Object.hasOwn(PERMANENT_CODES, code)) {
        throw new DeliveryError(`Netgsm refused the message (code ${code}): ${PERMANENT_CODES[code]}`, true);
      }
      if (code !== undefined && Object.hasOwn(TRANSIENT_CODES, code)) {
        throw new DeliveryError(`Netgsm did not take the message (code ${code}): ${TRANSIENT_CODES[code]}`, false);
      }
      // HTTP trouble without a Netgsm code (a proxy's 502, an HTML page), or a code we do not know.
      const permanent = response.status === 401 || response.status === 403;
      throw new DeliveryError(`Netgsm answered ${response.status}${code ? ` with code ${code}` : ''}: ${excerpt(response.text)}`, permanent);
    },
  };
}

/**
 * The number as Netgsm's `no` takes it: a Turkish number as its 10 national digits (5321234567),
 * any other as 00 + country code + number. Null when `e164` is not +<7 to 15 digits>.
 */
export function netgsmNumber(e164: string): string | null {
  const compact = e164.replace(/[\s()-]/g, '');
  const match = /^\+([1-9]\d{6,14})$/.exec(compact);
  if (!match) return null;
  const digits = match[1]!;
  if (digits.startsWith('90')) return digits.length === 12 ? digits.slice(2) : null;
  return `00${digits}`;
}
