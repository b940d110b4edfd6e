import { z } from 'zod';

/**
 * A span of business time. The unit is in the key, never a bare number:
 * `{ workingHours: 6 }` counts minutes inside working intervals only;
 * `{ workingDays: 2 }` lands on the same local time N working days later (see domain/calendar).
 */
export const businessDurationSchema = z.union([
  z.strictObject({ workingHours: z.number().positive().max(10_000) }),
  z.strictObject({ workingDays: z.number().int().positive().max(1_000) }),
]);

export type BusinessDuration = z.infer<typeof businessDurationSchema>;

export function describeBusinessDuration(d: BusinessDuration): string {
  return 'workingHours' in d ? `${d.workingHours} working hours` : `${d.workingDays} working days`;
}
