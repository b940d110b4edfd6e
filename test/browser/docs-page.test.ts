// The API docs (/docs) in a real Chromium under their own CSP: Swagger UI renders the document from
// our origin and nothing it needs is refused (no inline script, nothing from a CDN).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowser, type BrowserSession } from '../helpers/browser.js';
import { integrationContext, type IntegrationContext } from '../helpers/integration.js';

let ctx: IntegrationContext;
let session: BrowserSession;
beforeAll(async () => {
  ctx = await integrationContext();
  session = await startBrowser(ctx.app());
});
afterAll(async () => {
  await session?.close(); // fails when any page's CSP refused something
  await ctx?.close();
});

describe('the API docs page', () => {
  it('renders the OpenAPI document with nothing refused by its CSP', async () => {
    const page = await session.newPage({ locale: 'en-GB' });
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    await page.goto('/docs');
    await expect.poll(() => page.locator('.swagger-ui .info .title').textContent(), { timeout: 20_000 }).toContain('Plaint API');
    await page.locator('.opblock-tag').first().waitFor();
    expect(failed).toEqual([]);
    expect(session.cspViolations).toEqual([]);
  });
});
