// The Netgsm adapter and its report poller against a Netgsm of our own (REST v2 on a real HTTP
// server), the poller on the real read model.
import { randomUUID } from 'node:crypto';
import type { Sql } from 'postgres';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { connectDatabase } from '../../db/connect.js';
import { netgsmNumber, netgsmSmsProvider, type NetgsmOptions } from '../../delivery/sms/netgsm.js';
import { netgsmDate, pollNetgsmReports } from '../../delivery/sms/netgsm-reports.js';
import { DeliveryError } from '../../delivery/transport.js';
import { startFakeNetgsm, type FakeNetgsm } from '../helpers/fake-netgsm.js';
import { rowStatus, sentSmsRows } from './sms-rows.js';

let netgsm: FakeNetgsm;
let options: NetgsmOptions;
let sql: Sql;

beforeAll(async () => {
  netgsm = await startFakeNetgsm();
  options = { apiUrl: netgsm.url, usercode: netgsm.usercode, password: netgsm.password, msgheader: netgsm.msgheader, appname: 'plaint', timeoutMs: 1_000 };
  sql = connectDatabase(inject('databaseUrl'), { max: 2 });
});
afterAll(async () => {
  await netgsm.close();
  await sql.end();
});
beforeEach(() => {
  netgsm.mode = 'normal';
});

const sms = (text: string, to = '+905321234567') => ({ idempotencyKey: randomUUID(), to, text });

async function failure(promise: Promise<unknown>): Promise<DeliveryError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(DeliveryError);
  return err as DeliveryError;
}

describe('Netgsm SMS provider', () => {
  it('sends a Turkish text with Turkish encoding to the national number, and returns the jobid', async () => {
    const accepted = await netgsmSmsProvider(options).send(sms('Şikayetiniz alındı. Referans: PLT-2026-000123'));
    const sent = netgsm.sent.find((s) => s.jobid === accepted.providerMessageId);
    expect(sent).toMatchObject({ no: '5321234567', msgheader: 'PLAINT', encoding: 'TR', iysfilter: '0', appname: 'plaint' });
    expect(sent!.msg).toBe('Şikayetiniz alındı. Referans: PLT-2026-000123');
  });

  it('sends a GSM-7 text without the Turkish encoding, and a foreign number with 00', async () => {
    const accepted = await netgsmSmsProvider(options).send(sms('Complaint PLT-2026-000126 received.', '+994501234567'));
    const sent = netgsm.sent.find((s) => s.jobid === accepted.providerMessageId);
    expect(sent).toMatchObject({ no: '00994501234567' });
    expect(sent!.encoding).toBeUndefined();
  });

  it('is refused for good with wrong credentials or a sender name Netgsm does not know', async () => {
    const badPassword = await failure(netgsmSmsProvider({ ...options, password: 'wrong' }).send(sms('x')));
    expect(badPassword).toMatchObject({ permanent: true, bounced: false });
    expect(badPassword.message).toMatch(/code 30.*credentials/);
    const badHeader = await failure(netgsmSmsProvider({ ...options, msgheader: 'NOBODY' }).send(sms('x')));
    expect(badHeader).toMatchObject({ permanent: true });
    expect(badHeader.message).toMatch(/code 40.*sender name/);
  });

  it('treats an outage, a rate limit and a closed port as transient', async () => {
    netgsm.mode = 'outage';
    expect(await failure(netgsmSmsProvider(options).send(sms('x')))).toMatchObject({ permanent: false });
    netgsm.mode = 'rate-limited';
    const limited = await failure(netgsmSmsProvider(options).send(sms('x')));
    expect(limited).toMatchObject({ permanent: false });
    expect(limited.message).toMatch(/code 80/);
    const nowhere = netgsmSmsProvider({ ...options, apiUrl: 'http://127.0.0.1:9' });
    expect(await failure(nowhere.send(sms('x')))).toMatchObject({ permanent: false });
  });

  it('bounces a number that is not in international form without asking Netgsm', async () => {
    const before = netgsm.sent.length;
    expect(await failure(netgsmSmsProvider(options).send(sms('x', '05321234567')))).toMatchObject({ permanent: true, bounced: true });
    expect(netgsm.sent.length).toBe(before);
  });

  it('offers no lookup by our key: Netgsm has no client reference to find a message by', () => {
    expect(netgsmSmsProvider(options).findAccepted).toBeUndefined();
  });
});

describe('netgsmNumber', () => {
  it.each([
    ['+905321234567', '5321234567'],
    ['+90 532 123 45 67', '5321234567'],
    ['+989121234567', '00989121234567'],
    ['+9053212345', null],
    ['5321234567', null],
    ['+0123', null],
  ])('%s → %s', (e164, no) => expect(netgsmNumber(e164)).toBe(no));
});

describe('Netgsm delivery reports', () => {
  it('formats report dates in Turkish time', () => {
    expect(netgsmDate(new Date('2026-12-01T09:05:07Z'))).toBe('01.12.2026 12:05:07');
  });

  it('moves sent rows to delivered or bounced as Netgsm reports them, and leaves waiting ones sent', async () => {
    netgsm.invalidNumbers.add('5000000000');
    const delivered = await netgsmSmsProvider(options).send(sms('Teslim edilecek'));
    const waiting = await netgsmSmsProvider(options).send(sms('Bekleyen'));
    const invalid = await netgsmSmsProvider(options).send(sms('Geçersiz numara', '+905000000000'));
    netgsm.statuses.set(delivered.providerMessageId, 1);
    const { rowIds } = await sentSmsRows(sql, 'netgsm', [delivered, waiting, invalid].map((a) => a.providerMessageId));

    const result = await pollNetgsmReports({ sql, netgsm: options });
    expect(result.settled).toBe(2);
    expect(netgsm.reportQueries.at(-1)!.jobids).toEqual(expect.arrayContaining([delivered.providerMessageId, invalid.providerMessageId]));
    expect(await rowStatus(sql, rowIds[0]!)).toMatchObject({ status: 'delivered', delivered_at: expect.any(Date) });
    expect(await rowStatus(sql, rowIds[1]!)).toMatchObject({ status: 'sent' });
    expect(await rowStatus(sql, rowIds[2]!)).toMatchObject({ status: 'bounced', last_error: 'Netgsm: invalid or restricted number (operator error 1)' });

    // The next round asks only about the row still on its way.
    netgsm.statuses.set(waiting.providerMessageId, 12);
    await pollNetgsmReports({ sql, netgsm: options });
    expect(netgsm.reportQueries.at(-1)!.jobids).not.toContain(delivered.providerMessageId);
    expect(await rowStatus(sql, rowIds[1]!)).toMatchObject({ status: 'failed', last_error: 'Netgsm: delivery error' });
  });
});
