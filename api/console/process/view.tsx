// Pieces the process pages share: API shapes as the pages read them, instants and durations in
// the staff member's words, and the API's issues listed by path (beside a field where one shows it).
import type { z } from '@hono/zod-openapi';
import type { StaffSession } from '../env.js';
import type { definitionListSchema, definitionSchema, diffSchema, validationReportSchema, versionSchema, selectionRevisionSchema } from '../../staff/process-definitions.schemas.js';
import { formatInstant } from '../../../texts/format.js';

export type VersionView = z.output<typeof versionSchema>;
export type DefinitionView = z.output<typeof definitionSchema>;
export type DefinitionList = z.output<typeof definitionListSchema>;
export type DiffView = z.output<typeof diffSchema>;
export type ValidationReport = z.output<typeof validationReportSchema>;
export type SelectionView = z.output<typeof selectionRevisionSchema>;

export interface PathIssue {
  path: string;
  message: string;
}

/** The `[{ path, message }]` of an API error (VALIDATION_FAILED, DEFINITION_INVALID); `body.` dropped. */
export function issuesOf(details: unknown): PathIssue[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((d: unknown) => {
    const { path, message } = (d ?? {}) as { path?: unknown; message?: unknown };
    return typeof path === 'string' && typeof message === 'string' ? [{ path: path.replace(/^body\./, ''), message }] : [];
  });
}

/** An instant as staff read it, with its zone named (default UTC). */
export function when(staff: StaffSession, iso: string | null | undefined, timeZone = 'UTC'): string {
  if (!iso) return '—';
  return formatInstant(iso, staff.language, timeZone, { withZoneName: true }) ?? iso;
}

/** `{ workingDays: 4 }` → "4 working days"; anything else as JSON. */
export function duration(staff: StaffSession, value: unknown): string {
  const d = (value ?? {}) as { workingHours?: unknown; workingDays?: unknown; calendarDays?: unknown };
  if (typeof d.workingDays === 'number') return staff.t('console.process.duration.workingDays', { n: d.workingDays });
  if (typeof d.workingHours === 'number') return staff.t('console.process.duration.workingHours', { n: d.workingHours });
  if (typeof d.calendarDays === 'number') return staff.t('console.process.duration.calendarDays', { n: d.calendarDays });
  return JSON.stringify(value);
}

export const versionPath = (id: string, v: number) => `/console/process/${encodeURIComponent(id)}/versions/${v}`;
export const apiVersionPath = (id: string, v: number) => `/v1/process-definitions/${encodeURIComponent(id)}/versions/${v}`;

/**
 * The API's issues, one per path, with a link to the field that shows it when there is one
 * (`fieldFor` answers its id). `id` lets a field name the list in its aria-describedby.
 */
export function IssueList({ staff, issues, id, heading, fieldFor }: { staff: StaffSession; issues: readonly PathIssue[]; id: string; heading?: string; fieldFor?: (path: string) => string | undefined }) {
  if (issues.length === 0) return null;
  return (
    <div class="form-errors" role="alert" id={id}>
      <p>{heading ?? staff.t('console.process.issues.heading', { count: issues.length })}</p>
      <ul class="issues">
        {issues.map((issue) => {
          const field = fieldFor?.(issue.path);
          const text = (
            <>
              <code>{issue.path}</code>: {issue.message}
            </>
          );
          return <li data-path={issue.path}>{field ? <a href={`#${field}`}>{text}</a> : text}</li>;
        })}
      </ul>
    </div>
  );
}

/** A refusal that names no field: the API's message. */
export function Refusal({ staff, message }: { staff: StaffSession; message: string | undefined }) {
  if (!message) return null;
  return (
    <div class="form-errors" role="alert">
      <p>{staff.t('console.shell.formErrors.refused', { message })}</p>
    </div>
  );
}

export function StatusBadge({ staff, status }: { staff: StaffSession; status: string }) {
  return <span class={`badge status-${status}`}>{staff.t('console.process.status', { status })}</span>;
}

/** A form field's value from a parsed form body. */
export function field(form: Record<string, unknown>, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value : '';
}
