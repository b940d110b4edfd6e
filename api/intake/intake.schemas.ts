// What intake takes and answers.
import { z } from '@hono/zod-openapi';
import { complaintFilingSchema } from '../../domain/complaint-schemas.js';

/** The intake body: the domain's schema, documented with an example for the API reference. */
export const intakeRequestSchema = complaintFilingSchema.meta({
  id: 'ComplaintIntake',
  description:
    'A complaint as the customer or an agent files it. Keyless callers may only use channel `web`. A `letter` ' +
    'without e-mail or phone needs `customer.postalAddress` (the lines as on the envelope, at most 8 and 500 characters). ' +
    '`customer.locale` is the language every message to the customer is written in. ' +
    'Staff entering a complaint that came another way than the web may give `receivedAt`, when it really reached us ' +
    '(an ISO 8601 instant with offset; default now): every clock starts then, not at data entry. It may lie at most ' +
    '`INTAKE_BACKDATE_MAX_DAYS` (default 7) days back and not in the future (up to 2 minutes ahead of our clock is taken as now); ' +
    'else 422 naming `receivedAt`. A `front_office` complaint names its office (`frontOffice`, an id of `GET /v1/intake-options`; ' +
    'another is 422); ' +
    'a `dealer` or `sales_representative` complaint may name who passed it on (`intermediary`).',
  example: {
    channel: 'phone',
    receivedAt: '2026-03-02T14:05:00+03:00',
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
