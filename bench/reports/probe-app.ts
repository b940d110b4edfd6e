// The API the probes time, as bench/reports.ts builds it: in-process, on the bench database, with
// no Temporal (the timed routes read PostgreSQL only) and a supervisor's key.
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { createApp } from '../../api/app.js';
import { connectDatabase } from '../../db/connect.js';
import { apiKeyEntry } from '../../scripts/dev-secrets.js';
import { parseEncryptionKeys } from '../../security/payload-codec.js';
import { absentTemporal } from './absent-temporal.js';

export function probeApp(database: string) {
  const sql = connectDatabase(`postgres://postgres@127.0.0.1:5432/${database}`, { max: 4 });
  const key = `bench-probe-${randomBytes(12).toString('hex')}`;
  const app = createApp({
    config: { API_KEYS: [apiKeyEntry('bench-supervisor', 'supervisor', key)], PUBLIC_INTAKE_PER_MINUTE: 1_000, TRUST_PROXY: false, LINK_SIGNING_SECRET: 'plaint-bench-link-signing-secret-not-for-production' },
    sql,
    temporal: absentTemporal(),
    encryptionKeys: parseEncryptionKeys([`bench:${randomBytes(32).toString('base64')}`]),
    log: pino({ level: 'silent' }),
  });
  const get = (path: string) => app.request(path, { headers: { authorization: `Bearer ${key}` } });
  return { sql, get };
}
