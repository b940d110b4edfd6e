// The pure rules of staff access: a key's status over its life and rotation, and which roles an
// OpenID Connect claim grants through OIDC_ROLE_MAP.
import { describe, expect, it } from 'vitest';
import { apiKeyExpiry, apiKeyStatus, apiKeyWarning, rotationGraceEnd } from '../../../domain/staff-access/api-keys.js';
import { parseRoleMap, rolesFromClaim } from '../../../domain/staff-access/sso-roles.js';

const at = (iso: string) => new Date(iso);

describe('API key lifetime', () => {
  const key = { expiresAt: at('2027-03-01T00:00:00Z'), revokedAt: null, graceEndsAt: null };
  it('is active until it expires, rotating during its grace, then expired; revoked wins', () => {
    expect(apiKeyStatus(key, at('2027-02-28T23:59:59Z'))).toBe('active');
    expect(apiKeyStatus(key, at('2027-03-01T00:00:00Z'))).toBe('expired');
    const rotated = { ...key, graceEndsAt: at('2027-02-02T00:00:00Z') };
    expect(apiKeyStatus(rotated, at('2027-02-01T12:00:00Z'))).toBe('rotating');
    expect(apiKeyStatus(rotated, at('2027-02-02T00:00:00Z'))).toBe('expired');
    expect(apiKeyStatus({ ...rotated, revokedAt: at('2027-02-01T13:00:00Z') }, at('2027-02-01T14:00:00Z'))).toBe('revoked');
  });
  it('never grants a grace past the expiry, nor a lifetime past the maximum', () => {
    expect(rotationGraceEnd(at('2027-02-28T12:00:00Z'), 24, key.expiresAt)).toEqual(key.expiresAt);
    expect(rotationGraceEnd(at('2027-02-01T00:00:00Z'), 24, key.expiresAt)).toEqual(at('2027-02-02T00:00:00Z'));
    expect(apiKeyExpiry(at('2027-01-01T00:00:00Z'), 400, { maxDays: 90 })).toEqual(at('2027-04-01T00:00:00Z'));
    expect(apiKeyExpiry(at('2027-01-01T00:00:00Z'), undefined, { maxDays: 30 })).toEqual(at('2027-01-31T00:00:00Z'));
  });
  it('warns within the warning days of its end', () => {
    expect(apiKeyWarning(key, at('2027-02-10T00:00:00Z'), 14)).toBeUndefined();
    expect(apiKeyWarning(key, at('2027-02-20T00:00:00Z'), 14)).toBe('2027-03-01T00:00:00.000Z');
  });
});

describe('roles from a claim', () => {
  const map = parseRoleMap('plaint-agents=agent, plaint-admins=admin,/Plaint/Auditors=auditor');
  it('maps listed values only, in role order, without repeats', () => {
    expect(rolesFromClaim(['plaint-admins', 'plaint-agents', 'plaint-agents', 'other'], map)).toEqual(['agent', 'admin']);
    expect(rolesFromClaim('plaint-agents', map)).toEqual(['agent']);
    expect(rolesFromClaim(['/Plaint/Auditors'], map)).toEqual(['auditor']);
    expect(rolesFromClaim(undefined, map)).toEqual([]);
    expect(rolesFromClaim([42, { role: 'admin' }], map)).toEqual([]);
  });
  it('without a map, a value that is a role name is that role', () => {
    expect(rolesFromClaim('supervisor wizard', parseRoleMap(''))).toEqual(['supervisor']);
  });
  it('refuses a map naming no role', () => {
    expect(() => parseRoleMap('group=wizard,noequals')).toThrow(/group=wizard, noequals/);
  });
});
