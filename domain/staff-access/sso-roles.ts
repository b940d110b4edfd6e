// Which console roles an OpenID Connect sign-in grants: the values of one claim of the ID token
// (or userinfo), mapped through config OIDC_ROLE_MAP. A value the map does not name grants
// nothing, so an IdP group added for another application never becomes a Plaint role.
import { ROLES, type Role } from '../complaint.js';

/** Claim value → role. */
export type RoleMap = ReadonlyMap<string, Role>;

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/**
 * Parses `value=role,value=role`; an empty map means "a value that is a role's name is that
 * role". Throws a RangeError naming each bad entry.
 */
export function parseRoleMap(text: string): RoleMap {
  const map = new Map<string, Role>();
  const bad: string[] = [];
  for (const entry of text.split(',').map((e) => e.trim()).filter(Boolean)) {
    const at = entry.lastIndexOf('=');
    const value = entry.slice(0, at).trim();
    const role = entry.slice(at + 1).trim();
    if (at <= 0 || !isRole(role)) bad.push(entry);
    else map.set(value, role);
  }
  if (bad.length) throw new RangeError(`expected claimValue=role with role one of ${ROLES.join(', ')}; bad: ${bad.join(', ')}`);
  return map;
}

/** The claim's values: a string, a list of strings, or a space-separated string (as `scope` claims are). */
export function claimValues(claim: unknown): string[] {
  if (typeof claim === 'string') return claim.split(/\s+/).filter(Boolean);
  if (Array.isArray(claim)) return claim.filter((v): v is string => typeof v === 'string');
  return [];
}

/** The roles `claim` maps to, in ROLES order, without repeats. */
export function rolesFromClaim(claim: unknown, map: RoleMap): Role[] {
  const granted = new Set<Role>();
  for (const value of claimValues(claim)) {
    const role = map.size > 0 ? map.get(value) : isRole(value) ? value : undefined;
    if (role) granted.add(role);
  }
  return ROLES.filter((r) => granted.has(r));
}
