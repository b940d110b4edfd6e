// Single sign-on's settings, from config OIDC_* (config/env.ts checks they come together).
import type { Config } from '../../../config/env.js';
import { parseRoleMap, type RoleMap } from '../../../domain/staff-access/sso-roles.js';

export type SsoConfig = Pick<
  Config,
  'OIDC_ISSUER' | 'OIDC_CLIENT_ID' | 'OIDC_CLIENT_SECRET' | 'OIDC_REDIRECT_URI' | 'OIDC_ROLE_CLAIM' | 'OIDC_ROLE_MAP' | 'OIDC_PROVIDER_NAME' | 'OIDC_SCOPES'
>;

export interface SsoSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  roleClaim: string;
  roleMap: RoleMap;
  providerName: string;
  scopes: string;
}

export const SSO_CALLBACK_PATH = '/console/sso/callback';

/** The settings when single sign-on is configured, else undefined. */
export function ssoSettingsOf(config: Partial<SsoConfig> & { PUBLIC_BASE_URL?: string | undefined }): SsoSettings | undefined {
  if (!config.OIDC_ISSUER || !config.OIDC_CLIENT_ID || !config.OIDC_CLIENT_SECRET) return undefined;
  const redirectUri = config.OIDC_REDIRECT_URI ?? (config.PUBLIC_BASE_URL ? new URL(SSO_CALLBACK_PATH, config.PUBLIC_BASE_URL).href : undefined);
  if (!redirectUri) return undefined;
  return {
    issuer: new URL(config.OIDC_ISSUER),
    clientId: config.OIDC_CLIENT_ID,
    clientSecret: config.OIDC_CLIENT_SECRET,
    redirectUri,
    roleClaim: config.OIDC_ROLE_CLAIM ?? 'plaint_roles',
    roleMap: parseRoleMap(config.OIDC_ROLE_MAP ?? ''),
    providerName: config.OIDC_PROVIDER_NAME ?? 'single sign-on',
    scopes: config.OIDC_SCOPES ?? 'openid email profile',
  };
}
