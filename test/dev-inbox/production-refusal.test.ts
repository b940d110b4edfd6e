// Production never sends to the dev inbox: neither the configuration nor the inbox itself allows it.
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/env.js';
import { startDevInbox } from '../../dev-inbox/index.js';

// Everything else production requires, so that only the dev-inbox refusals remain.
const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://plaint:a-real-password-9f2@db.internal:5432/plaint',
  PAYLOAD_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
  LINK_SIGNING_SECRET: 'x'.repeat(40),
  SMS_WEBHOOK_SECRET: 'y'.repeat(40),
  PUBLIC_BASE_URL: 'https://complaints.example.com',
};

const refusal = (env: Record<string, string>) => {
  try {
    parseConfig({ ...PRODUCTION, ...env });
    return '';
  } catch (err) {
    return (err as Error).message;
  }
};

describe('production refuses the dev inbox', () => {
  const nodeEnv = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = nodeEnv;
  });

  it('accepts a production configuration with a real mail server and SMS gateway', () => {
    expect(refusal({ SMTP_HOST: 'smtp.example.com', SMTP_PORT: '587', SMS_WEBHOOK_URL: 'https://sms.example.com/send' })).toBe('');
    expect(refusal({ SMTP_HOST: '127.0.0.1', SMTP_PORT: '25' })).toBe(''); // a local relay (postfix) is fine
  });

  it('names DEV_INBOX, an SMTP_HOST that is the catcher and an SMS_WEBHOOK_URL that is the sink', () => {
    expect(refusal({ DEV_INBOX: '1' })).toMatch(/DEV_INBOX: .*refused in production/);
    expect(refusal({ SMTP_HOST: '127.0.0.1', SMTP_PORT: '1025' })).toMatch(/SMTP_HOST: 127\.0\.0\.1:1025 is the local dev inbox/);
    expect(refusal({ SMTP_HOST: 'localhost', SMTP_PORT: '2600', DEV_INBOX_SMTP_PORT: '2600' })).toMatch(/SMTP_HOST: localhost:2600/);
    expect(refusal({ SMS_WEBHOOK_URL: 'http://127.0.0.1:3026/dev-inbox/sms' })).toMatch(/SMS_WEBHOOK_URL: .* is the local dev inbox/);
  });

  it('leaves development alone', () => {
    expect(() => parseConfig({ DEV_INBOX: '1', SMTP_HOST: '127.0.0.1', SMTP_PORT: '1025' })).not.toThrow();
  });

  it('the dev inbox itself does not start with NODE_ENV=production', async () => {
    process.env.NODE_ENV = 'production';
    await expect(startDevInbox({ smtpPort: 0, smsPort: 0, httpPort: 0, smsSecret: 's'.repeat(32) })).rejects.toThrow(/NODE_ENV=production/);
  });
});
