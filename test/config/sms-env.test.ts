import { describe, expect, it } from 'vitest';
import { DEV_SMS_WEBHOOK_SECRET, parseConfig } from '../../config/env.js';

describe('SMS configuration', () => {
  it('sends through the local SMS sink by default, with the development secret', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      SMS_PROVIDER: 'webhook',
      SMS_WEBHOOK_URL: 'http://127.0.0.1:3026/dev-inbox/sms',
      SMS_WEBHOOK_SECRET: DEV_SMS_WEBHOOK_SECRET,
      NETGSM_API_URL: 'https://api.netgsm.com.tr',
    });
  });

  it('names each Netgsm setting that is missing when Netgsm is chosen', () => {
    expect(() => parseConfig({ SMS_PROVIDER: 'netgsm', NETGSM_USERCODE: '8501234567' })).toThrow(
      /NETGSM_PASSWORD: required when SMS_PROVIDER=netgsm[\s\S]*NETGSM_HEADER: required when SMS_PROVIDER=netgsm/,
    );
    expect(() => parseConfig({ SMS_PROVIDER: 'netgsm', NETGSM_USERCODE: 'u', NETGSM_PASSWORD: 'p', NETGSM_HEADER: 'TWELVE_CHARS' })).toThrow(
      /NETGSM_HEADER/,
    );
    expect(parseConfig({ SMS_PROVIDER: 'netgsm', NETGSM_USERCODE: 'u', NETGSM_PASSWORD: 'p', NETGSM_HEADER: 'PLAINT' }).NETGSM_HEADER).toBe('PLAINT');
  });

  it('refuses the published development secret, and a short one, in production', () => {
    expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(/SMS_WEBHOOK_SECRET: production needs a secret of its own/);
    expect(() => parseConfig({ NODE_ENV: 'production', SMS_WEBHOOK_SECRET: 'only-sixteen-chr' })).toThrow(/SMS_WEBHOOK_SECRET/);
    expect(() => parseConfig({ NODE_ENV: 'production', SMS_WEBHOOK_SECRET: 's'.repeat(32) })).not.toThrow(/SMS_WEBHOOK_SECRET/);
  });
});
