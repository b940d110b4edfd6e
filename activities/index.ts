import type { Sql } from 'postgres';
import type { Calendar } from '../domain/calendar/index.js';
import { listCalendars } from '../domain/calendar/registry.js';
import type { LinkSigner } from '../security/signed-links.js';
import type { CustomerLookupHasher } from '../security/customer-lookup.js';
import type { DataKeyStore } from '../security/data-keys.js';
import type { TemporalGateway } from '../temporal/gateway.js';
import { createCalendarResolver, type CalendarResolver } from './calendars.js';
import { createClockActivities } from './clocks.js';
import { createProcessMigrationActivities } from './process-migrations.js';
import { createReadModelActivities } from '../read-model/record-transition.js';
import { createReceivedAnswerActivities } from './received-answers.js';
import { createRetentionActivities } from './retention.js';
import type { PurgePeriods } from '../read-model/retention.js';

export interface ActivityDeps {
  sql: Sql;
  /** Signs answer links; the outbox stores none (delivery signs them: outbox-delivery.ts). */
  linkSigner: LinkSigner;
  /** Base of links in customer messages. */
  publicBaseUrl: string;
  linkTtlDays: number;
  /** Hashes customers' e-mail and phone for staff's exact lookup: `customerLookupHasher(LINK_SIGNING_SECRET)`. */
  customerLookup: CustomerLookupHasher;
  /** Language of staff notifications. */
  staffLocale: string;
  /** Calendars beyond the shipped ones (tests use a round-the-clock one). */
  extraCalendars?: Readonly<Record<string, Calendar>>;
  /** Default: the shipped calendars with the overrides in force in `sql` (and `extraCalendars`). */
  calendars?: CalendarResolver;
  /** The complaints' data keys: the read model opens the workflow's sealed personal fields and seals the outbox's. */
  dataKeys: DataKeyStore;
  /** Process migration plans send each complaint an update through it (absent: this worker runs no plans). */
  temporal?: TemporalGateway;
  /** How long the retention run keeps SSO sign-in attempts and the personal-data read record (default: 90 days, 2 years). */
  purgePeriods?: PurgePeriods;
}

/** Every activity, with its dependencies injected (the worker passes real ones, tests too). */
export function createActivities(deps: ActivityDeps) {
  const extra = deps.extraCalendars ?? {};
  const zones = new Map(listCalendars().map((c) => [c.id, c.timeZone]));
  const timeZoneOf = (calendarId: string) => extra[calendarId]?.timeZone ?? zones.get(calendarId) ?? 'UTC';
  // One resolver: a migration's preview and its apply compute on the calendars every clock uses.
  const calendars = deps.calendars ?? createCalendarResolver({ sql: deps.sql, extraCalendars: extra });
  return {
    ...createReadModelActivities({ ...deps, timeZoneOf, calendars }),
    ...createClockActivities({ calendars }),
    ...createProcessMigrationActivities({ sql: deps.sql, temporal: deps.temporal, calendars }),
    ...createReceivedAnswerActivities({ sql: deps.sql, dataKeys: deps.dataKeys }),
    ...createRetentionActivities({ sql: deps.sql, dataKeys: deps.dataKeys, temporal: deps.temporal, purgePeriods: deps.purgePeriods }),
  };
}

export type Activities = ReturnType<typeof createActivities>;
