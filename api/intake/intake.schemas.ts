// What intake takes and answers.
import { z } from '@hono/zod-openapi';
import { complaintIntakeSchema } from '../../domain/complaint-schemas.js';

/** The intake body: the domain's schema, documented with an example for the API reference. */
export const intakeRequestSchema = complaintIntakeSchema.meta({
  id: 'ComplaintIntake',
  description:
    'A complaint as the customer or an agent files it. Keyless callers may only use channel `web`. A `letter` ' +
    'without e-mail or phone needs `customer.postalAddress` (the lines as on the envelope, at most 8 and 500 characters).',
  example: {
    channel: 'web',
    customer: { name: 'Ayşe Yılmaz', email: 'ayse@example.com', phone: '+90 532 000 00 00', locale: 'tr', country: 'TR' },
    subject: 'Çamaşır makinesi su sızdırıyor',
    description: 'Makine iki haftalık, alttan su sızdırıyor.',
    product: 'WM-8000',
  },
});

export type IntakeRequest = z.infer<typeof intakeRequestSchema>;

export const intakeResponseSchema = z
  .object({
    id: z.uuid().meta({ description: 'The complaint ID (also its workflow ID)' }),
    reference: z.string().meta({ example: 'CMP-2026-000123' }),
    pin: z.string().meta({ description: 'Tracking PIN: shown once, stored only as a hash', example: '48213907' }),
    status: z.string().meta({ example: 'received' }),
    receivedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'ComplaintCreated' });

export type IntakeResponse = z.infer<typeof intakeResponseSchema>;
