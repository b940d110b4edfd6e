// Delivery reports from SMS gateways: POST /hooks/sms/webhook, signed like our own requests to the
// gateway (README "SMS webhook protocol"). The signature is the authentication, so these routes
// sit outside /v1 and its API keys. Netgsm's reports are polled instead (delivery/sms/netgsm-reports.ts):
// its public API documents no push of reports to a URL of ours.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Sql } from 'postgres';
import { DomainError } from '../../domain/errors.js';
import { DELIVERY_REPORT_STATUSES, recordDeliveryReport } from '../../delivery/sms/delivery-reports.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhookSignature } from '../../delivery/sms/webhook-signature.js';
import type { AppEnv } from '../http/app-env.js';
import { fieldIssues, validationError } from '../http/errors.js';

const webhookReport = z.object({
  messageId: z.string().min(1).max(200),
  status: z.enum(DELIVERY_REPORT_STATUSES),
  error: z.string().max(1000).optional(),
});

export function smsReportHooks(deps: { sql: Sql; webhookSecret: string }) {
  return new Hono<AppEnv>().post('/webhook', async (c) => {
    const body = await c.req.text();
    const check = verifyWebhookSignature({
      secret: deps.webhookSecret,
      timestamp: c.req.header(TIMESTAMP_HEADER),
      signature: c.req.header(SIGNATURE_HEADER),
      body,
    });
    if (!check.ok) {
      throw new DomainError('UNAUTHENTICATED', `The delivery report is not signed as the SMS webhook protocol says: ${check.header} ${check.problem}`, {
        header: check.header,
        problem: check.problem,
      });
    }
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw validationError([{ path: '(body)', message: 'must be a JSON object' }]);
    }
    const parsed = webhookReport.safeParse(json);
    if (!parsed.success) throw validationError(fieldIssues(parsed.error.issues));
    const { messageId, status, error } = parsed.data;
    const outcome = await recordDeliveryReport(deps.sql, { provider: 'webhook', providerMessageId: messageId, status, error });
    // Unknown: the report may have overtaken our own record of the send; the gateway retries.
    if (outcome.result === 'unknown') throw new DomainError('NOT_FOUND', `No SMS sent through the webhook has messageId ${messageId}`, { messageId });
    return c.json({ messageId, status: outcome.status, changed: outcome.result === 'updated' }, 200);
  });
}
