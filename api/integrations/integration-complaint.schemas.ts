// What a live-chat or social platform sends to POST /v1/integrations/{source}/complaints, and what
// it gets back.
import { z } from '@hono/zod-openapi';
import { complaintIntakeSchema, nonBlankText } from '../../domain/complaint-schemas.js';
import { TRANSCRIPT_SPEAKERS } from '../../domain/transcript.js';
import { intakeResponseSchema } from '../intake/intake.schemas.js';

/** Most messages one transcript may carry; its rendering must also fit a description (10,000 characters). */
export const TRANSCRIPT_MAX_MESSAGES = 500;
/** Longest text of one transcript message, in characters. */
export const TRANSCRIPT_MESSAGE_MAX_CHARACTERS = 4_000;

// The intake body's own rules for these fields, so a webhook takes exactly what intake takes.
const intakeCustomer = complaintIntakeSchema.shape.customer.shape;

const transcriptMessageSchema = z.strictObject({
  from: z.enum(TRANSCRIPT_SPEAKERS).meta({ description: 'Who wrote it: the customer, one of your agents, or a bot' }),
  at: z.iso.datetime({ offset: true }).meta({ description: 'When it was written (ISO 8601 with offset)', example: '2026-12-01T14:03:00+03:00' }),
  text: nonBlankText(TRANSCRIPT_MESSAGE_MAX_CHARACTERS).meta({ example: 'Siparişim iki haftadır gelmedi.' }),
});

export const integrationComplaintSchema = z
  .strictObject({
    messageId: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[\x21-\x7E]+$/, 'expected visible ASCII characters only')
      .meta({
        description:
          'Your platform’s id of the message or conversation that raises the complaint: the idempotency key. The same id ' +
          'again answers 200 with the same complaint, never a second one.',
        example: 'ig-msg-17841405793187218',
      }),
    customer: z.strictObject({
      handle: nonBlankText(200).meta({ description: 'The customer on your platform: a handle (@ayse) or a chat visitor id', example: '@ayse.yilmaz' }),
      displayName: nonBlankText(200).optional().meta({ description: 'The name the platform shows; the complaint’s customer name (else the handle)', example: 'Ayşe Yılmaz' }),
      email: intakeCustomer.email.meta({ description: 'When the customer gave one: then we answer by e-mail' }),
      phone: intakeCustomer.phone.meta({ description: 'When the customer gave one: the reference and PIN go by SMS too' }),
      locale: intakeCustomer.locale.meta({ description: 'The language to answer in', example: 'tr' }),
      country: intakeCustomer.country,
    }),
    subject: nonBlankText(200)
      .min(3)
      .optional()
      .meta({ description: 'Default: the customer’s words from their first message on, on one line, cut at a word within 200 characters' }),
    transcript: z
      .array(transcriptMessageSchema)
      .min(1)
      .max(TRANSCRIPT_MAX_MESSAGES)
      .meta({
        description:
          'The conversation, becoming the complaint’s description (ordered by `at`, with times, one line per message). It must ' +
          'hold at least one customer message and render to at most 10,000 characters.',
      }),
    conversationUrl: z
      .url({ protocol: /^https?$/ })
      .max(2_000)
      .optional()
      .meta({ description: 'Where an agent opens the conversation on your platform to answer there', example: 'https://chat.example.com/c/8812' }),
    category: complaintIntakeSchema.shape.category,
    product: complaintIntakeSchema.shape.product,
  })
  .meta({
    id: 'IntegrationComplaint',
    example: {
      messageId: 'ig-msg-17841405793187218',
      customer: { handle: '@ayse.yilmaz', displayName: 'Ayşe Yılmaz', locale: 'tr', country: 'TR' },
      transcript: [
        { from: 'customer', at: '2026-12-01T14:03:00+03:00', text: 'Siparişim iki haftadır gelmedi, kimse de dönmüyor.' },
        { from: 'bot', at: '2026-12-01T14:03:05+03:00', text: 'Sipariş numaranızı yazar mısınız?' },
        { from: 'customer', at: '2026-12-01T14:04:10+03:00', text: 'SP-99812' },
      ],
    },
  });

export type IntegrationComplaint = z.infer<typeof integrationComplaintSchema>;

export const integrationComplaintResponseSchema = intakeResponseSchema
  .extend({
    pin: intakeResponseSchema.shape.pin.optional().meta({
      description:
        'Tracking PIN, for you to pass on to the customer in the conversation (with the reference). A repeat of the same ' +
        'message within 24 hours gets it again; later it is no longer kept and left out.',
      example: '48213907',
    }),
  })
  .meta({ id: 'IntegrationComplaintFiled' });

export type IntegrationComplaintResponse = z.infer<typeof integrationComplaintResponseSchema>;
