// The console's sections and the roles each is for (the routes guard them with consoleRole; the
// header shows a role only its own).
import type { Role } from '../../../domain/complaint.js';

export type NavId = 'work' | 'new' | 'search' | 'dashboard' | 'process' | 'calendars' | 'audit' | 'people';

export const NAVIGATION: readonly { id: NavId; href: string; roles: readonly Role[] }[] = [
  { id: 'work', href: '/console/queues', roles: ['agent', 'supervisor', 'admin'] },
  // The roles that file complaints in the API (POST /v1/complaints with a key).
  { id: 'new', href: '/console/complaints/new', roles: ['agent', 'supervisor', 'admin'] },
  { id: 'search', href: '/console/complaints', roles: ['agent', 'supervisor', 'auditor', 'admin'] },
  { id: 'dashboard', href: '/console/dashboard', roles: ['supervisor', 'process_owner', 'auditor', 'admin'] },
  { id: 'process', href: '/console/process', roles: ['process_owner', 'admin'] },
  { id: 'calendars', href: '/console/calendars', roles: ['process_owner', 'admin'] },
  { id: 'audit', href: '/console/audit', roles: ['auditor', 'admin'] },
  { id: 'people', href: '/console/people', roles: ['admin'] },
];

/** Where a role lands after sign-in: its first section. */
export function homeOf(role: Role): string {
  return NAVIGATION.find((n) => n.roles.includes(role))?.href ?? '/console/complaints';
}
