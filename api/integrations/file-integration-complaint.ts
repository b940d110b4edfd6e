// A platform's complaint through the one intake every channel uses (api/intake/file-complaint.ts):
// the conversation becomes the description, the handle the customer's name when no display name is
// given, and the platform's message id the idempotency key. The handle, the platform and the
// conversation's link are kept with the complaint (integration_messages), in the intake
// transaction: an agent answers a customer without e-mail or phone there.
import type { Sql } from 'postgres';
import { complaintIntakeSchema } from '../../domain/complaint-schemas.js';
import { subjectFromTranscript } from '../../domain/transcript.js';
import type { Integration } from '../../config/integrations.js';
import { fallbackTranscriptSubject, renderTranscriptDescription } from '../../texts/messages/transcript.js';
import { fieldIssues, validationError } from '../http/errors.js';
import { fileComplaint, type IntakeDeps, type IntakeResult } from '../intake/file-complaint.js';
import type { IntakeRequest } from '../intake/intake.schemas.js';
import type { IntegrationComplaint, IntegrationComplaintResponse } from './integration-complaint.schemas.js';

/** The intake ledger's key of a platform message: one per source and message id, whoever sends it. */
export function integrationIdempotencyKey(source: string, messageId: string): string {
  return `integration:${source}:${messageId}`;
}

/** A complaint's description at its longest (domain/complaint-schemas.ts). */
const DESCRIPTION_MAX_CHARACTERS = 10_000;

export interface IntegrationIntakeDeps extends IntakeDeps {
  /** The zone a transcript's times are written in. */
  timeZone: string;
}

export type IntegrationIntakeResult = Omit<IntakeResult, 'response'> & { response: IntegrationComplaintResponse };

export async function fileIntegrationComplaint(
  deps: IntegrationIntakeDeps,
  integration: Integration,
  body: IntegrationComplaint,
): Promise<IntegrationIntakeResult> {
  const key = integrationIdempotencyKey(integration.source, body.messageId);
  const late = await filedLongAgo(deps.sql, integration.source, body.messageId, key);
  if (late) return { response: late, created: false, workflowPending: false };
  const { customer: { handle }, conversationUrl } = body;
  return fileComplaint(deps, intakeRequestOf(deps, integration, body), key, {
    keyName: `message id '${body.messageId}' of '${integration.source}'`,
    fingerprintParts: [handle, conversationUrl ?? ''],
    writeWithComplaint: async (tx, complaint) => {
      await tx`
        INSERT INTO integration_messages (source, message_id, complaint_id, platform, handle, conversation_url)
        VALUES (${integration.source}, ${body.messageId}, ${complaint.id}, ${integration.platform}, ${handle}, ${conversationUrl ?? null})`;
    },
  });
}

/** The intake body of a platform's complaint; 400 naming `transcript` when the conversation cannot be a description. */
function intakeRequestOf(deps: { timeZone: string }, integration: Integration, body: IntegrationComplaint): IntakeRequest {
  const { handle, displayName, email, phone, locale, country } = body.customer;
  if (!body.transcript.some((m) => m.from === 'customer')) {
    throw validationError([{ path: 'transcript', message: 'must hold at least one message from the customer' }]);
  }
  const description = renderTranscriptDescription(locale, {
    platform: integration.platform, handle, displayName, conversationUrl: body.conversationUrl, messages: body.transcript, timeZone: deps.timeZone,
  });
  const subject = body.subject ?? subjectFromTranscript(body.transcript, 200, 3) ?? fallbackTranscriptSubject(locale, integration.platform);
  const request = {
    channel: integration.channel,
    customer: { name: displayName ?? handle, email, phone, locale, country },
    subject,
    description,
    category: body.category,
    product: body.product,
  };
  // What does not fit is the conversation as written out: name the field the platform sent.
  if (description.length > DESCRIPTION_MAX_CHARACTERS) {
    throw validationError([{
      path: 'transcript',
      message: `written out it has ${description.length} characters, more than a description holds (${DESCRIPTION_MAX_CHARACTERS}): send a shorter excerpt`,
    }]);
  }
  const parsed = complaintIntakeSchema.safeParse(request);
  if (!parsed.success) throw validationError(fieldIssues(parsed.error.issues));
  return parsed.data;
}

/**
 * A message filed more than 24 hours ago: its sealed first answer (with the PIN) is erased, so the
 * repeat gets the complaint as it stands, without the PIN, instead of the ledger's 409.
 */
async function filedLongAgo(sql: Sql, source: string, messageId: string, key: string): Promise<IntegrationComplaintResponse | undefined> {
  const [row] = await sql<{ id: string; reference: string; status: string; receivedAt: Date }[]>`
    SELECT c.id, c.reference, c.status, c.received_at AS "receivedAt"
    FROM integration_messages m
    JOIN complaints c ON c.id = m.complaint_id
    JOIN intake_requests r ON r.idempotency_key = ${key} AND r.sealed_response IS NULL
    WHERE m.source = ${source} AND m.message_id = ${messageId}`;
  return row && { id: row.id, reference: row.reference, status: row.status, receivedAt: row.receivedAt.toISOString() };
}
