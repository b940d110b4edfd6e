// A complaint that came by letter from a customer without e-mail or phone: intake takes the postal
// address, staff see it, and our letters are addressed to it.
import { describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../../api/http/errors.js';
import { CLASSIFY, type ComplaintDriver, useComplaintDriver } from '../../helpers/complaint-driver.js';
import { aComplaint } from '../../helpers/fixtures.js';
import { bearer, type IntegrationContext } from '../../helpers/integration.js';

let ctx: IntegrationContext;
let d: ComplaintDriver;
useComplaintDriver((world) => ({ ctx, d } = world));

const ADDRESS = 'Mehmet Demir\nAtatürk Bulvarı No 5 Daire 3\n06420 Çankaya / Ankara';
const byLetter = (postalAddress?: string) =>
  aComplaint({ channel: 'letter', customer: { name: 'Mehmet Demir', locale: 'tr', country: 'TR', ...(postalAddress ? { postalAddress } : {}) } });

const file = (body: unknown) =>
  d.app.request('/v1/complaints', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer('agent') },
    body: JSON.stringify(body),
  });

describe('POST /v1/complaints by letter', () => {
  it('answers 400 naming customer.postalAddress for a letter without e-mail, phone or address', async () => {
    const res = await file(byLetter());
    expect(res.status).toBe(400);
    const { error } = errorBodySchema.parse(await res.json());
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual([{ path: 'customer.postalAddress', message: expect.stringContaining('letter') }]);
  });

  it('stores the postal address, shows it to staff, and addresses our letters to it', async () => {
    const res = await file(byLetter(ADDRESS));
    expect(res.status).toBe(201);
    const c = (await res.json()) as { id: string; reference: string; pin: string };
    const view = await d.app.request(`/v1/complaints/${c.reference}`, { headers: bearer('agent') });
    expect(((await view.json()) as { customer: unknown }).customer).toMatchObject({ postalAddress: ADDRESS, email: null });

    await d.waitForStatus(c, 'received');
    await d.decideOk(c, { type: 'acknowledge' });
    await d.decideOk(c, CLASSIFY);
    await d.decideOk(c, { type: 'request_info', question: 'Which model number is on the label?' });
    const asked = (await d.messages(c)).find((m) => m.template === 'info_requested');
    expect(asked).toMatchObject({ audience: 'customer', channel: 'letter', recipient: ADDRESS });
  });
});
