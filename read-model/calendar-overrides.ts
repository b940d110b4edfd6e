// Process owners' calendar overrides as numbered, immutable versions (db 0010): the latest
// version of a calendar is in force; earlier ones are its history, which the database refuses to
// change. Each version carries the SHA-256 of its document as canonical JSON, its author, time and
// change note.
import { createHash } from 'node:crypto';
import type { Sql } from 'postgres';
import type { NormalizedOverrides } from '../domain/calendar/overrides.js';
import { DomainError } from '../domain/errors.js';
import { canonicalJson } from './request-keys.js';

export interface CalendarOverridesVersion {
  calendarId: string;
  /** 1, 2, …: one per stored change. */
  version: number;
  overrides: NormalizedOverrides;
  /** Hex SHA-256 of `overrides` as canonical JSON. */
  contentSha256: string;
  author: { id: string; role: string };
  createdAt: string;
  changeNote: string;
}

export type CalendarOverridesVersionSummary = Omit<CalendarOverridesVersion, 'overrides'> & {
  movingHolidayCount: number;
  exceptionCount: number;
};

interface VersionRow {
  calendar_id: string;
  version: number;
  overrides: NormalizedOverrides;
  content_sha256: string;
  author_id: string;
  author_role: string;
  change_note: string;
  created_at: Date;
}

/** Hex SHA-256 of a document as canonical JSON (keys sorted, no white space). */
export function overridesContentHash(overrides: NormalizedOverrides): string {
  return createHash('sha256').update(canonicalJson(overrides)).digest('hex');
}

/** The version in force for a calendar; undefined when it was never overridden. */
export async function currentCalendarOverrides(sql: Sql, calendarId: string): Promise<CalendarOverridesVersion | undefined> {
  const [row] = await sql<VersionRow[]>`
    SELECT * FROM calendar_override_versions WHERE calendar_id = ${calendarId} ORDER BY version DESC LIMIT 1`;
  return row && toVersion(row);
}

export async function calendarOverridesVersion(
  sql: Sql,
  calendarId: string,
  version: number,
): Promise<CalendarOverridesVersion | undefined> {
  const [row] = await sql<VersionRow[]>`
    SELECT * FROM calendar_override_versions WHERE calendar_id = ${calendarId} AND version = ${version}`;
  return row && toVersion(row);
}

/** Every version of a calendar's overrides, oldest first, without their documents. */
export async function calendarOverridesHistory(sql: Sql, calendarId: string): Promise<CalendarOverridesVersionSummary[]> {
  const rows = await sql<(Omit<VersionRow, 'overrides'> & { moving_count: number; exception_count: number })[]>`
    SELECT calendar_id, version, content_sha256, author_id, author_role, change_note, created_at,
      jsonb_array_length(overrides -> 'movingHolidays') AS moving_count,
      jsonb_array_length(overrides -> 'exceptions') AS exception_count
    FROM calendar_override_versions WHERE calendar_id = ${calendarId} ORDER BY version`;
  return rows.map((row) => ({ ...metadataOf(row), movingHolidayCount: row.moving_count, exceptionCount: row.exception_count }));
}

export interface OverridesChange {
  calendarId: string;
  overrides: NormalizedOverrides;
  author: { id: string; role: string };
  changeNote: string;
  /** The version the author edited; another one in force by now is a 409 (a lost update otherwise). */
  baseVersion?: number | undefined;
}

/**
 * Stores a new version, numbered after the latest. A document equal to the one in force stores
 * nothing (`created: false`): a retried PUT does not add a version. Changes of one calendar are
 * serialised by a transaction-scoped advisory lock, so two owners never get the same number.
 */
export async function storeCalendarOverrides(
  sql: Sql,
  change: OverridesChange,
): Promise<{ version: CalendarOverridesVersion; created: boolean }> {
  const contentSha256 = overridesContentHash(change.overrides);
  return sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(hashtext('calendar_override_versions'), hashtext(${change.calendarId}))`;
    const [latest] = await tx<VersionRow[]>`
      SELECT * FROM calendar_override_versions WHERE calendar_id = ${change.calendarId} ORDER BY version DESC LIMIT 1`;
    const inForce = latest?.version ?? 0;
    if (change.baseVersion !== undefined && change.baseVersion !== inForce) {
      throw new DomainError(
        'CONFLICT',
        `${change.calendarId}'s overrides are at version ${inForce} now, not ${change.baseVersion}: read them again and redo the change`,
        { currentVersion: inForce },
      );
    }
    if (latest && latest.content_sha256 === contentSha256) return { version: toVersion(latest), created: false };
    const [row] = await tx<VersionRow[]>`
      INSERT INTO calendar_override_versions
        (calendar_id, version, overrides, content_sha256, author_id, author_role, change_note)
      VALUES (${change.calendarId}, ${inForce + 1}, ${tx.json(change.overrides as never)}, ${contentSha256},
        ${change.author.id}, ${change.author.role}, ${change.changeNote})
      RETURNING *`;
    return { version: toVersion(row!), created: true };
  }) as Promise<{ version: CalendarOverridesVersion; created: boolean }>;
}

function toVersion(row: VersionRow): CalendarOverridesVersion {
  return { ...metadataOf(row), overrides: row.overrides };
}

function metadataOf(row: Omit<VersionRow, 'overrides'>): Omit<CalendarOverridesVersion, 'overrides'> {
  return {
    calendarId: row.calendar_id,
    version: row.version,
    contentSha256: row.content_sha256,
    author: { id: row.author_id, role: row.author_role },
    createdAt: row.created_at.toISOString(),
    changeNote: row.change_note,
  };
}
