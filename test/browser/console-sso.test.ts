// Single sign-on in a real chromium: the console's sign-in page offers the provider, the browser
// signs in at a real OpenID Connect provider (oidc-provider, its development login and consent
// forms), comes back through the callback and lands on the page it asked for, signed in with the
// role its claim maps to; a claim that maps to no role comes back to a refusal, signed in as nobody.
// Our pages hold their CSP throughout (the session fails on any refusal).
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, startBrowserAt, type BrowserSession } from '../helpers/browser.js';
import { integrationContext, type IntegrationContext } from '../helpers/integration.js';
import { startTestProvider, type TestProvider } from '../helpers/oidc-provider.js';

let ctx: IntegrationContext;
let server: ServerType;
let provider: TestProvider;
let session: BrowserSession;
beforeAll(async () => {
  ctx = await integrationContext();
  await ctx.startWorker();
  // The provider must know our callback's address, and the app the provider's: the port first.
  let app: ReturnType<IntegrationContext['app']> | undefined;
  server = serve({ fetch: (request) => app!.fetch(request), port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const redirectUri = `${baseUrl}/console/sso/callback`;
  provider = await startTestProvider({ redirectUri });
  app = ctx.app({
    extraConfig: {
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_REDIRECT_URI: redirectUri,
      OIDC_ROLE_CLAIM: 'plaint_roles',
      OIDC_ROLE_MAP: 'plaint-agents=agent,plaint-supervisors=supervisor',
      OIDC_PROVIDER_NAME: 'Test IdP',
    },
  });
  session = await startBrowserAt(baseUrl);
});
afterAll(async () => {
  await session?.close();
  await provider?.close();
  await new Promise((resolve) => server?.close(resolve));
  await ctx?.close();
});

/** From our sign-in page through the provider's login and consent forms, as `login`. */
async function signInWithProvider(page: Page, login: string, next = '/console/queues') {
  await page.goto(`/console/sign-in?lang=en&next=${encodeURIComponent(next)}`);
  await expectAccessible(page, 'sign-in with single sign-on');
  await Promise.all([page.waitForURL((url) => url.href.startsWith(provider.issuer)), page.getByRole('link', { name: 'Sign in with Test IdP' }).click()]);
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', 'any password');
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  // The consent form, on a first sign-in to this client.
  if (page.url().startsWith(provider.issuer)) await Promise.all([page.waitForURL((url) => !url.href.startsWith(provider.issuer)), page.click('button[type=submit]')]);
}

describe('single sign-on in a browser', () => {
  it('signs a supervisor in at the provider and lands on the page asked for, signed in with the role of the claim', async () => {
    const sub = `sso-browser-${Date.now()}`;
    provider.setAccount(sub, { email: `${sub}@idp.plaint.test`, email_verified: true, name: 'Deniz Tarayıcı', plaint_roles: ['plaint-supervisors'] });
    const page = await session.newPage({ locale: 'en-GB' });
    await signInWithProvider(page, sub);
    await page.waitForURL((url) => url.pathname === '/console/queues');
    expect(await page.textContent('body')).toContain('Deniz Tarayıcı');
    const [row] = await ctx.sql<{ active_role: string }[]>`
      SELECT s.active_role FROM staff_sessions s JOIN staff_identities i ON i.person_id = s.person_id WHERE i.subject = ${sub}`;
    expect(row?.active_role).toBe('supervisor');
    await expectAccessible(page, 'queues after single sign-on');
  });

  it('refuses someone whose claim maps to no role: a page that says so, and no session', async () => {
    const sub = `sso-browser-norole-${Date.now()}`;
    provider.setAccount(sub, { email: `${sub}@idp.plaint.test`, email_verified: true, name: 'Rolsüz Kişi', plaint_roles: ['marketing'] });
    const page = await session.newPage({ locale: 'en-GB' });
    await signInWithProvider(page, sub);
    expect(new URL(page.url()).pathname).toBe('/console/sso/callback');
    expect(await page.textContent('body')).toContain('gives you no role in Plaint');
    await expectAccessible(page, 'single sign-on refused');
    await page.goto('/console/queues');
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    const sessions = await ctx.sql`SELECT 1 FROM staff_sessions s JOIN staff_identities i ON i.person_id = s.person_id WHERE i.subject = ${sub}`;
    expect(sessions).toHaveLength(0);
  });
});
