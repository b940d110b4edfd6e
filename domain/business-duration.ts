import { z } from 'zod';

/**
 * A span of business time. The unit is in the key, never a bare number:
 * `{ workingHours: 6 }` counts minutes inside working intervals only;
 * `{ workingDays: 2 }` lands on the same local time N working days later (see domain/calendar).
 */
export const businessDurationSchema = z.union(
  [
    z.strictObject({ workingHours: z.number().positive().max(10_000) }),
    z.strictObject({ workingDays: z.number().int().min(1).max(1_000) }),
  ],
  {
    // Only when neither unit fits; a value in a known unit is reported at that unit's key.
    error: (issue) =>
      hasBothUnits(issue.input)
        ? 'give either workingHours or workingDays, not both'
        : 'expected a business duration: { "workingHours": n } or { "workingDays": n }',
  },
);

export type BusinessDuration = z.infer<typeof businessDurationSchema>;

export function describeBusinessDuration(d: BusinessDuration): string {
  return 'workingHours' in d ? `${d.workingHours} working hours` : `${d.workingDays} working days`;
}

function hasBothUnits(input: unknown): boolean {
  return typeof input === 'object' && input !== null && 'workingHours' in input && 'workingDays' in input;
}
