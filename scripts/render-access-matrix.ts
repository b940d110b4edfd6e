// Renders api/http/access-matrix.ts as the README's markdown table (✓ allowed, — refused).
// `npx tsx scripts/render-access-matrix.ts` prints it; test/api/http/access-matrix.test.ts checks
// that the README holds exactly this between its access-matrix markers.
import { pathToFileURL } from 'node:url';
import { ROLES } from '../domain/complaint.js';
import { ACCESS_MATRIX, type OperationAccess } from '../api/http/access-matrix.js';

export const README_START = '<!-- access-matrix:start -->';
export const README_END = '<!-- access-matrix:end -->';

export function renderAccessMatrix(): string {
  const header = `| Operation | no key | ${ROLES.join(' | ')} | Notes |`;
  const rule = `|---|:-:|${ROLES.map(() => ':-:').join('|')}|---|`;
  const rows = Object.entries(ACCESS_MATRIX as Record<string, OperationAccess>).map(([operation, access]) => {
    const noKey = access.key === 'optional' ? '✓' : '—';
    const roles = ROLES.map((role) => (access.roles.includes(role) ? '✓' : '—'));
    const notes = [access.admittedBy && `no key: ${access.admittedBy}`, access.note].filter(Boolean).join('; ');
    return `| \`${operation}\` | ${noKey} | ${roles.join(' | ')} | ${notes.replaceAll('|', '\\|')} |`;
  });
  return [header, rule, ...rows].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(renderAccessMatrix());
