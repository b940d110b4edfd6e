// Only the customer answers for the customer: staff (the auditor included) never see a live answer
// link, delivery signs it into the message, and the timeline records what shows an answer came
// through that link (its id, a keyed hash of the client address, the User-Agent).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createOutboxDelivery } from '../../../read-model/outbox-delivery.js';
import { clientAddressHasher, USER_AGENT_MAX_CHARS } from '../../../api/customer/answer-origin.js';
import { useCustomerApp, type CustomerTestEnv, type SeededComplaint } from '../../helpers/customer-fixtures.js';
import { bearer, LINK_SIGNING_SECRET } from '../../helpers/integration.js';

let ctx: CustomerTestEnv['ctx'];
let app: CustomerTestEnv['app'];
let flow: CustomerTestEnv['flow'];
useCustomerApp((env) => ({ ctx, app, flow } = env));

/** Every staff view of a complaint, as the auditor reads it. */
async function staffViews(c: SeededComplaint): Promise<string> {
  const paths = [`/v1/complaints/${c.reference}`, `/v1/complaints/${c.reference}/events`, `/v1/complaints/${c.reference}/messages`];
  const bodies = await Promise.all(
    paths.map(async (path) => {
      const res = await app.request(path, { headers: bearer('auditor') });
      expect(res.status, path).toBe(200);
      return res.text();
    }),
  );
  return bodies.join('\n');
}

/** Every row of every table in the database, as text. */
async function everyStoredColumn(): Promise<string> {
  const tables = await ctx.sql<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
  const dumps = await Promise.all(
    tables.map(async ({ name }) => {
      const [row] = await ctx.sql<{ dump: string | null }[]>`SELECT string_agg(t::text, E'\n') AS dump FROM ${ctx.sql(name)} t`;
      return row?.dump ?? '';
    }),
  );
  return dumps.join('\n');
}

/** The proposal as the customer gets it: the live URL and its token. */
async function deliveredProposal(c: SeededComplaint) {
  const [stored] = await flow.outbox(c, 'resolution_proposed');
  const delivered = await createOutboxDelivery(ctx.activityDeps).renderForDelivery(stored!);
  const url = /http:\/\/plaint\.test\/r\/(v1\.[\w-]+\.([\w-]+))/.exec(delivered.body);
  expect(url, delivered.body).not.toBeNull();
  return { stored: stored!, delivered, token: url![1]!, mac: url![2]! };
}

describe('a proposal with its answer link', () => {
  it('is stored and shown to staff with a placeholder, and delivered with a working signed link', async () => {
    const { complaint } = await flow.proposed();
    const { stored, delivered, token, mac } = await deliveredProposal(complaint);
    // The row is sealed at rest with the complaint's data key; opened, it holds only the placeholder.
    const opened = await ctx.activityDeps.dataKeys.openDeep(stored);
    expect(opened.body).toContain('[answer link]');
    expect(opened.body).not.toContain('/r/');
    expect(delivered.body).not.toContain('[answer link]');

    for (const [where, text] of [['staff views', await staffViews(complaint)], ['the database', await everyStoredColumn()]]) {
      expect(text, where).not.toContain(token);
      expect(text, where).not.toContain(mac);
      expect(text, where).not.toMatch(/\/r\/v1\./);
    }

    const res = await app.request(`/r/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ decision: 'accept' }).toString(),
    });
    expect(res.status).toBe(200);
    const [row] = await ctx.sql`SELECT status, closure FROM complaints WHERE id = ${complaint.id}`;
    expect(row).toEqual({ status: 'closed', closure: 'accepted' });
  });

  it('names in its stored row the link delivery signs in', async () => {
    const { complaint } = await flow.proposed();
    const [proposal] = await flow.outbox(complaint, 'resolution_proposed');
    const [link] = await ctx.sql<{ id: string }[]>`SELECT id FROM response_links WHERE complaint_id = ${complaint.id}`;
    expect(proposal!.responseLinkId).toBe(link!.id);
  });
});

describe("the timeline of a customer's answer", () => {
  it('records the link, a keyed hash of the client address and the truncated User-Agent', async () => {
    const { complaint, token } = await flow.proposed();
    const userAgent = `Mozilla/5.0 (X11; Linux x86_64) ${'Gecko/20100101 '.repeat(30)}`;
    const res = await app.request(`/v1/responses/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7', 'user-agent': userAgent },
      body: JSON.stringify({ decision: 'reject', reason: 'A repair does not help, the drum is cracked.' }),
    });
    expect(res.status).toBe(200);
    const events = (await (await app.request(`/v1/complaints/${complaint.reference}/events`, { headers: bearer('auditor') })).json()) as Array<{
      type: string;
      actor: { id: string };
      data: Record<string, unknown>;
    }>;
    const answer = events.find((e) => e.type === 'customer_rejected');
    const [link] = await ctx.sql<{ id: string }[]>`SELECT id FROM response_links WHERE complaint_id = ${complaint.id}`;
    expect(answer).toMatchObject({
      actor: { id: 'customer' },
      data: {
        linkId: link!.id,
        clientAddressHash: clientAddressHasher(LINK_SIGNING_SECRET)('203.0.113.7'),
        userAgent: userAgent.slice(0, USER_AGENT_MAX_CHARS),
      },
    });
    expect(JSON.stringify(events)).not.toContain('203.0.113.7');
  });

  it('records an answer through the HTML page the same way, with no User-Agent when none was sent', async () => {
    const { complaint, token } = await flow.proposed();
    const res = await app.request(`/r/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '2001:db8::1' },
      body: new URLSearchParams({ decision: 'accept' }).toString(),
    });
    expect(res.status).toBe(200);
    const [event] = await ctx.sql<{ data: Record<string, unknown> }[]>`
      SELECT data FROM complaint_events WHERE complaint_id = ${complaint.id} AND type = 'customer_accepted'`;
    expect(event!.data).toMatchObject({
      clientAddressHash: clientAddressHasher(LINK_SIGNING_SECRET)('2001:db8::1'),
      userAgent: null,
      linkId: expect.any(String),
    });
  });
});

describe('clientAddressHasher', () => {
  const hash = clientAddressHasher(LINK_SIGNING_SECRET);
  it('gives one hash per address however it is spelled, and none that is the plain sha256', () => {
    expect(hash('::ffff:203.0.113.7')).toBe(hash('203.0.113.7'));
    expect(hash('2001:DB8::1')).toBe(hash('2001:db8::1'));
    expect(hash('203.0.113.7')).not.toBe(hash('203.0.113.8'));
    expect(hash('203.0.113.7')).not.toBe(createHash('sha256').update('203.0.113.7').digest('hex'));
    expect(clientAddressHasher(`${LINK_SIGNING_SECRET}-other`)('203.0.113.7')).not.toBe(hash('203.0.113.7'));
  });
});
