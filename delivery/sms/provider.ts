// The SMS provider this deployment sends through, chosen by SMS_PROVIDER.
import type { Config } from '../../config/env.js';
import type { SmsProvider } from '../transport.js';
import { netgsmSmsProvider, type NetgsmOptions } from './netgsm.js';
import { webhookSmsProvider } from './webhook.js';

export type SmsConfig = Pick<
  Config,
  | 'SMS_PROVIDER'
  | 'SMS_WEBHOOK_URL'
  | 'SMS_WEBHOOK_SECRET'
  | 'NETGSM_API_URL'
  | 'NETGSM_USERCODE'
  | 'NETGSM_PASSWORD'
  | 'NETGSM_HEADER'
  | 'NETGSM_APPNAME'
  | 'SMS_HTTP_TIMEOUT_MS'
>;

export function createSmsProvider(config: SmsConfig): SmsProvider {
  switch (config.SMS_PROVIDER) {
    case 'webhook':
      return webhookSmsProvider({ url: config.SMS_WEBHOOK_URL, secret: config.SMS_WEBHOOK_SECRET, timeoutMs: config.SMS_HTTP_TIMEOUT_MS });
    case 'netgsm':
      return netgsmSmsProvider(netgsmOptions(config));
  }
}

/** Netgsm's settings (config/env.ts refuses SMS_PROVIDER=netgsm without them). */
export function netgsmOptions(config: SmsConfig): NetgsmOptions {
  const { NETGSM_USERCODE: usercode, NETGSM_PASSWORD: password, NETGSM_HEADER: msgheader } = config;
  if (!usercode || !password || !msgheader) throw new Error('NETGSM_USERCODE, NETGSM_PASSWORD and NETGSM_HEADER must be set for Netgsm');
  return {
    apiUrl: config.NETGSM_API_URL,
    usercode,
    password,
    msgheader,
    ...(config.NETGSM_APPNAME ? { appname: config.NETGSM_APPNAME } : {}),
    timeoutMs: config.SMS_HTTP_TIMEOUT_MS,
  };
}
