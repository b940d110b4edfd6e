import { z } from '@hono/zod-openapi';
import { REFERENCE_PATTERN } from '../domain/reference.js';

// TODO(#5): adopt the channel list and intake schema from domain/ once the lifecycle lands.
export const CHANNELS = [
  'web', 'email', 'phone', 'live_chat', 'social_media', 'letter', 'fax',
  'front_office', 'dealer', 'sales_representative', 'technical_support',
] as const;

export const intakeRequestSchema = z
  .strictObject({
    channel: z.enum(CHANNELS).meta({ description: 'How the complaint arrived; keyless callers may only use `web`', example: 'web' }),
    customer: z.strictObject({
      name: z.string().trim().min(1).max(200).meta({ example: 'Ayşe Yılmaz' }),
      email: z.email().max(254).optional().meta({ example: 'ayse@example.com' }),
      phone: z.string().regex(/^\+?[0-9][0-9 ()-]{5,19}$/, 'expected a phone number like +90 532 000 00 00').optional()
        .meta({ example: '+90 532 000 00 00' }),
      locale: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'expected a language tag like tr or tr-TR').meta({ example: 'tr' }),
      country: z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166 alpha-2 code like TR').optional().meta({ example: 'TR' }),
    }),
    subject: z.string().trim().min(3).max(200).meta({ example: 'Çamaşır makinesi su sızdırıyor' }),
    description: z.string().trim().min(10).max(10_000).meta({ example: 'Makine iki haftalık, alttan su sızdırıyor.' }),
    category: z.string().trim().min(1).max(100).optional().meta({ example: 'product_defect' }),
    product: z.string().trim().min(1).max(200).optional().meta({ example: 'WM-8000' }),
  })
  .meta({ id: 'ComplaintIntake' });

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

export const complaintSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    channel: z.enum(CHANNELS),
    status: z.string(),
    customer: z.object({
      name: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      locale: z.string(),
      country: z.string().nullable(),
    }),
    subject: z.string(),
    description: z.string(),
    category: z.string().nullable(),
    product: z.string().nullable(),
    receivedAt: z.iso.datetime({ offset: true }),
    recordedByWorkflow: z.boolean().meta({ description: 'The workflow has confirmed this record' }),
  })
  .meta({ id: 'Complaint' });

export type ComplaintView = z.infer<typeof complaintSchema>;

export const referenceParamSchema = z.object({
  reference: z
    .string()
    .regex(REFERENCE_PATTERN, 'expected a reference like CMP-2026-000123')
    .meta({ param: { name: 'reference', in: 'path' }, example: 'CMP-2026-000123' }),
});
