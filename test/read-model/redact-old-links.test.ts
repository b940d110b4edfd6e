// Upgrading a read model written by the old code: the live answer links stored in outbox bodies
// become the placeholder (staff can no longer answer for the customer), and delivery still works.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxDelivery } from '../../read-model/outbox-delivery.js';
import { seedComplaint } from '../helpers/customer-fixtures.js';
import { integrationContext, type IntegrationContext } from '../helpers/integration.js';

const MIGRATION = new URL('../../db/migrations/0007_redact_answer_links.sql', import.meta.url);

let ctx: IntegrationContext;
beforeAll(async () => {
  ctx = await integrationContext();
});
afterAll(() => ctx.close());

describe('migration 0007: answer links out of stored outbox bodies', () => {
  it('replaces a stored live link with the placeholder, keeps its link id, and delivery signs it in again', async () => {
    const { id: complaintId } = await seedComplaint(ctx.sql);
    const linkId = randomUUID();
    const expiresAt = new Date(Date.now() + 86_400_000);
    await ctx.sql`INSERT INTO response_links (id, complaint_id, purpose, round, expires_at)
                  VALUES (${linkId}, ${complaintId}, 'resolution', 1, ${expiresAt})`;
    const token = ctx.activityDeps.linkSigner.sign({ linkId, complaintId, purpose: 'resolution', round: 1, expiresAt: Math.floor(expiresAt.getTime() / 1000) });
    const oldBody = `Dear customer,\n\nTo accept or reject it:\nhttp://plaint.test/r/${token}\n\nKind regards`;
    await ctx.sql`INSERT INTO outbox_messages (complaint_id, seq, ordinal, audience, channel, recipient, locale, template, subject, body)
                  VALUES (${complaintId}, 9, 1, 'customer', 'email', 'ayse@example.com', 'en', 'resolution_proposed', 'Our proposal', ${oldBody})`;

    await ctx.sql.unsafe(await readFile(MIGRATION, 'utf8'));

    const [row] = await ctx.sql<{ body: string; response_link_id: string }[]>`
      SELECT body, response_link_id FROM outbox_messages WHERE complaint_id = ${complaintId} AND seq = 9`;
    expect(row!.body).not.toContain(token.split('.')[2]!);
    expect(row!.body).toContain('To accept or reject it:\n[answer link]\n\nKind regards');
    expect(row!.response_link_id).toBe(linkId);
    const delivery = createOutboxDelivery({ sql: ctx.sql, linkSigner: ctx.activityDeps.linkSigner, publicBaseUrl: 'http://plaint.test', dataKeys: ctx.activityDeps.dataKeys });
    const delivered = await delivery.renderForDelivery({ complaintId, subject: 'Our proposal', body: row!.body, responseLinkId: row!.response_link_id });
    expect(delivered.body).toContain(`http://plaint.test/r/v1.`);
    expect(ctx.activityDeps.linkSigner.verify(/\/r\/(\S+)/.exec(delivered.body)![1]!, Date.now())).toMatchObject({ linkId, round: 1 });
  });
});
