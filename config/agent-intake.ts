// What staff-entered intake is allowed (POST /v1/complaints with an API key, the console's "New
// complaint"): how far back a received time may lie, and the front offices a walk-in complaint
// names. Offices are places, not units of the staff directory: a department handles complaints,
// a front office is where a customer walks in, so they are a configured list (FRONT_OFFICES).
import { z } from 'zod';
import { FRONT_OFFICE_ID_PATTERN } from '../domain/complaint-schemas.js';

export interface FrontOffice {
  /** Stored on the complaint (`frontOffice`): a stable id. */
  id: string;
  /** As staff read it (a place's proper name, the same in every language). */
  name: string;
}

export interface AgentIntakeSettings {
  /** A received time may lie at most this many days (24 h each) before now. */
  backdateMaxDays: number;
  frontOffices: readonly FrontOffice[];
}

export const DEFAULT_AGENT_INTAKE: AgentIntakeSettings = {
  backdateMaxDays: 7,
  frontOffices: [{ id: 'head-office', name: 'Head office' }],
};

/** One FRONT_OFFICES entry, `id:Name` (the name may not hold a comma, which separates entries). */
const frontOfficeEntry = z
  .string()
  .regex(/^[^:]+:.+$/, 'expected id:Name, e.g. kadikoy:Kadıköy office')
  .transform((entry, ctx): FrontOffice => {
    const at = entry.indexOf(':');
    const office = { id: entry.slice(0, at).trim(), name: entry.slice(at + 1).trim() };
    if (!FRONT_OFFICE_ID_PATTERN.test(office.id)) {
      ctx.addIssue({ code: 'custom', message: `'${office.id}' is no office id: lower-case letters, digits and -, at most 50` });
    }
    if (office.name.length === 0 || office.name.length > 100) ctx.addIssue({ code: 'custom', message: 'the name must have 1 to 100 characters' });
    return office;
  });

/** FRONT_OFFICES: comma-separated `id:Name` entries, ids unique. */
export const frontOfficeList = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(frontOfficeEntry).min(1, 'name at least one office'))
  .superRefine((offices, ctx) => {
    const seen = new Set<string>();
    for (const { id } of offices) {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `office id '${id}' is given twice` });
      seen.add(id);
    }
  });
