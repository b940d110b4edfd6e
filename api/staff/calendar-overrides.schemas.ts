// Request and response schemas of /v1/calendars/{id}/overrides, documented for the API reference.
import { z } from '@hono/zod-openapi';
import { exceptionOverrideSchema, movingHolidayOverrideSchema } from '../../domain/calendar/index.js';
import { nonBlankText } from '../../domain/complaint-schemas.js';

const movingHoliday = movingHolidayOverrideSchema.meta({
  id: 'CalendarMovingHolidayOverride',
  description:
    'The announced first day of a multi-day religious holiday; its eve and its length follow. `key` is the rule key ' +
    'the calendar shows on the holiday (TR: `ramazanBayrami`, `kurbanBayrami`); the first day must lie within 15 ' +
    'days of the computed one',
  example: { key: 'kurbanBayrami', firstDay: '2027-05-17' },
});

const exception = exceptionOverrideSchema.meta({
  id: 'CalendarExceptionOverride',
  description:
    '`closed`: a company closure on a day that would be open. `open`: an extra working day with its hours ' +
    '(ascending `HH:mm` intervals within 00:00–24:00) that adds working time, e.g. a Saturday worked for a bridge day',
  example: { kind: 'closed', date: '2026-10-30', name: 'Köprü izni' },
});

const movingHolidays = z.array(movingHoliday).max(100).meta({ description: 'Announced religious-holiday dates' });
const exceptions = z.array(exception).max(400).meta({ description: 'Company closures and extra working days' });

export const overridesChangeSchema = z
  .strictObject({
    movingHolidays: movingHolidays.optional(),
    exceptions: exceptions.optional(),
    changeNote: nonBlankText(1_000).meta({
      description: 'Why: kept with the version for everyone who later asks why a deadline fell where it did',
      example: 'Diyanet announced Kurban Bayramı 2027 for 17 May',
    }),
    baseVersion: z.number().int().min(0).max(1_000_000_000).optional().meta({
      description:
        'The version you edited (0 for none). When another version is in force by now the change is refused with ' +
        '409, instead of silently replacing what someone else stored',
      example: 1,
    }),
  })
  .meta({
    id: 'CalendarOverridesChange',
    description: 'The whole new set of overrides (it replaces the one in force) and a change note',
    example: {
      movingHolidays: [{ key: 'kurbanBayrami', firstDay: '2027-05-17' }],
      exceptions: [{ kind: 'closed', date: '2026-10-30', name: 'Köprü izni' }],
      changeNote: 'Diyanet announced Kurban Bayramı 2027; bridge day before the weekend',
      baseVersion: 0,
    },
  });

export const overridesVersionParamSchema = z.object({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000_000)
    .meta({ param: { name: 'version', in: 'path' }, description: 'Version number, from 1', example: 1 }),
});

const sha256 = z.string().regex(/^[0-9a-f]{64}$/).meta({
  description: 'SHA-256 (hex) of `overrides` as canonical JSON (keys sorted, no white space)',
  example: 'a3f1c2d4e5b6a7980a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6071',
});
const author = z.object({
  id: z.string().meta({ example: 'ayse' }),
  role: z.string().meta({ example: 'process_owner' }),
});
const at = z.iso.datetime({ offset: true }).meta({ example: '2026-12-01T10:30:00.000Z' });
const calendarId = z.string().meta({ description: 'Calendar id', example: 'TR' });

export const overridesVersionSchema = z
  .object({
    calendarId,
    version: z.number().int().min(0).meta({ description: 'Version number; 0: never overridden', example: 2 }),
    overrides: z.object({ movingHolidays, exceptions }).meta({ description: 'The overrides, in date order' }),
    contentSha256: sha256,
    author: author.nullable().meta({ description: 'Who stored it; null for version 0' }),
    createdAt: at.nullable().meta({ description: 'When it was stored; null for version 0' }),
    changeNote: z.string().nullable().meta({ description: 'Why; null for version 0', example: 'Bridge day' }),
  })
  .meta({ id: 'CalendarOverridesVersion', description: "One version of a calendar's overrides" });

export const overridesHistorySchema = z
  .object({
    calendarId,
    versions: z.array(
      z
        .object({
          version: z.number().int().min(1).meta({ example: 1 }),
          contentSha256: sha256,
          author,
          createdAt: at,
          changeNote: z.string().meta({ example: 'Bridge day' }),
          movingHolidayCount: z.number().int().min(0).meta({ example: 1 }),
          exceptionCount: z.number().int().min(0).meta({ example: 3 }),
        })
        .meta({ id: 'CalendarOverridesVersionSummary' }),
    ),
  })
  .meta({ id: 'CalendarOverridesHistory', description: 'Every version, oldest first; the last is in force' });
