import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/env.js';

describe('parseConfig', () => {
  it('serves the embedded mode with no environment at all', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ HTTP_PORT: 3000, TEMPORAL_ADDRESS: '127.0.0.1:7233', TEMPORAL_TASK_QUEUE: 'complaints', TEMPORAL_DEV_SERVER: true });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('lists every bad variable with its reason in one message', () => {
    const attempt = () =>
      parseConfig({ HTTP_PORT: 'eighty', TEMPORAL_ADDRESS: 'nowhere', TRUST_PROXY: 'maybe', API_KEYS: 'bob:janitor:abc', DATABASE_URL: 'mysql://db/x' });
    expect(attempt).toThrow(/HTTP_PORT:/);
    const message = (() => { try { attempt(); } catch (e) { return (e as Error).message; } return ''; })();
    for (const key of ['HTTP_PORT', 'TEMPORAL_ADDRESS', 'TRUST_PROXY', 'API_KEYS.0', 'DATABASE_URL']) expect(message).toContain(`${key}:`);
  });

  it('reads "false" as false, not as a truthy string', () => {
    expect(parseConfig({ TRUST_PROXY: 'false', TEMPORAL_DEV_SERVER: 'false' })).toMatchObject({ TRUST_PROXY: false, TEMPORAL_DEV_SERVER: false });
  });

  it('refuses an encryption key id with a dot (sealed values use it as separator) or longer than 32', () => {
    const secret = Buffer.alloc(32, 7).toString('base64');
    expect(parseConfig({ PAYLOAD_ENCRYPTION_KEYS: `k_2026-03:${secret}` }).PAYLOAD_ENCRYPTION_KEYS).toEqual([`k_2026-03:${secret}`]);
    expect(() => parseConfig({ PAYLOAD_ENCRYPTION_KEYS: `k.2026:${secret}` })).toThrow(/PAYLOAD_ENCRYPTION_KEYS\.0:/);
    expect(() => parseConfig({ PAYLOAD_ENCRYPTION_KEYS: `${'k'.repeat(33)}:${secret}` })).toThrow(/PAYLOAD_ENCRYPTION_KEYS\.0:/);
  });

  it('requires real secrets, a database and the public base URL in production', () => {
    expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(
      /DATABASE_URL: required in production[\s\S]*PAYLOAD_ENCRYPTION_KEYS[\s\S]*LINK_SIGNING_SECRET[\s\S]*PUBLIC_BASE_URL: required in production/,
    );
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://plaint:s3cret-of-our-own@db:5432/plaint',
      PAYLOAD_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
      LINK_SIGNING_SECRET: 'x'.repeat(32),
      SMS_WEBHOOK_SECRET: 'w'.repeat(32),
    };
    expect(() => parseConfig(production)).toThrow(/^Invalid configuration:\n {2}PUBLIC_BASE_URL: required in production$/);
    expect(parseConfig({ ...production, PUBLIC_BASE_URL: 'https://complaints.example.com' }).PUBLIC_BASE_URL).toBe('https://complaints.example.com');
  });

  it('refuses, in production, every example value ever published, saying which and how to make one', () => {
    const own = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://plaint:s3cret-of-our-own@db:5432/plaint',
      PAYLOAD_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
      LINK_SIGNING_SECRET: 'y'.repeat(40),
      PUBLIC_BASE_URL: 'https://complaints.example.com',
      API_KEYS: `bob:agent:${'ab'.repeat(32)}`,
      SMS_WEBHOOK_SECRET: 'w'.repeat(32),
    };
    expect(() => parseConfig(own)).not.toThrow();
    const refused = (overrides: Record<string, string>) => {
      try {
        parseConfig({ ...own, ...overrides });
      } catch (err) {
        return (err as Error).message;
      }
      return 'accepted';
    };
    const oldExample = {
      API_KEYS: 'alice:agent:2bd806c97f0e00af1a1fc3328fa763a9269723c8db8fac4f93af71db186d6e90',
      PAYLOAD_ENCRYPTION_KEYS: 'k2026:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=',
      LINK_SIGNING_SECRET: 'change-me-to-a-long-random-string-of-32+chars',
      DATABASE_URL: 'postgres://plaint:plaint@127.0.0.1:5432/plaint',
      PUBLIC_BASE_URL: 'http://127.0.0.1:3000',
    };
    for (const [key, value] of Object.entries(oldExample)) {
      const message = refused({ [key]: value });
      expect(message).toMatch(new RegExp(`${key}(\\.0)?: .*published example value.*refused in production`));
    }
    expect(refused({ API_KEYS: `bob:agent:${'ab'.repeat(32)},alice:agent:${oldExample.API_KEYS.split(':')[2]}` })).toContain("API_KEYS.1: the key of 'alice'");
    expect(refused({ PAYLOAD_ENCRYPTION_KEYS: `renamed:${oldExample.PAYLOAD_ENCRYPTION_KEYS.split(':')[1]}` })).toContain('PAYLOAD_ENCRYPTION_KEYS.0');
    // Outside production the examples stay usable for local experiments.
    expect(() => parseConfig({ ...oldExample, NODE_ENV: 'development' })).not.toThrow();
  });

  it('ships .env.example with its secrets empty, and as it is it does not pass production', () => {
    const entries = Object.fromEntries(
      readFileSync(new URL('../../.env.example', import.meta.url), 'utf8')
        .split('\n').filter((l) => /^[A-Z_]+=/.test(l)).map((l) => l.split(/=(.*)/s).slice(0, 2) as [string, string]),
    );
    for (const secret of ['API_KEYS', 'PAYLOAD_ENCRYPTION_KEYS', 'LINK_SIGNING_SECRET', 'DATABASE_URL']) expect(entries[secret]).toBe('');
    expect(() => parseConfig({ ...entries, NODE_ENV: 'production' })).toThrow(
      /DATABASE_URL: required in production[\s\S]*PAYLOAD_ENCRYPTION_KEYS: required[\s\S]*LINK_SIGNING_SECRET: required[\s\S]*PUBLIC_BASE_URL: a loopback address/,
    );
  });

  it('reads an empty value as unset', () => {
    expect(parseConfig({ DATABASE_URL: '', API_KEYS: '', HTTP_PORT: '' })).toMatchObject({ API_KEYS: [], HTTP_PORT: 3000 });
    expect(() => parseConfig({ NODE_ENV: 'production', PAYLOAD_ENCRYPTION_KEYS: '' })).toThrow(/PAYLOAD_ENCRYPTION_KEYS: required in production/);
  });

  it('accepts every key of .env.example', () => {
    const entries = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8')
      .split('\n').filter((l) => /^[A-Z_]+=/.test(l)).map((l) => l.split(/=(.*)/s).slice(0, 2) as [string, string]);
    expect(entries.length).toBeGreaterThan(10);
    expect(() => parseConfig(Object.fromEntries(entries))).not.toThrow();
  });
});
