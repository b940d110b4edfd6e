// A real headless Chromium for the customer pages: Debian's `chromium` (scripts/install-browser.sh)
// driven by playwright-core, which never downloads a browser. The app is served by
// @hono/node-server on a random local port; axe-core checks each page for WCAG 2.2 AA, and every
// checked page is also written as a screenshot under .data/screenshots/ (git-ignored).
import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../scripts/tools.js';

/** Where Debian's chromium package puts the browser; scripts/install-browser.sh installs it. */
export const CHROMIUM = '/usr/bin/chromium';

/** Headless, and nothing that reaches out of the machine (updates, sync, first-run pages). */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const SCREENSHOT_DIR = join(PROJECT_ROOT, '.data', 'screenshots');

/** The rule sets of WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const AXE_SOURCE = readFileSync(join(PROJECT_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

export interface BrowserSession {
  /** `http://127.0.0.1:<port>` of the served app. */
  baseUrl: string;
  browser: Browser;
  /** A fresh page in a fresh context (no cookies shared), its browser language `locale`; closing the page's context is optional. */
  newPage(options?: { locale?: string }): Promise<Page>;
  /** What the pages' CSP refused so far (Chromium's console messages); close() fails when any. */
  cspViolations: readonly string[];
  /** Records what `page`'s CSP refuses (newPage's pages are watched already). */
  watchCsp(page: Page): Page;
  close(): Promise<void>;
}

/** Serves `app` on a random port and launches chromium. */
export async function startBrowser(app: { fetch: (request: Request) => Response | Promise<Response> }): Promise<BrowserSession> {
  const server: ServerType = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const session = await startBrowserAt(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  return {
    ...session,
    async close() {
      await session.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * Launches chromium for an app already served at `baseUrl` (e.g. the stack `npm start` runs);
 * closing the session closes the browser, not the app.
 */
export async function startBrowserAt(baseUrl: string): Promise<BrowserSession> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
  const contexts: BrowserContext[] = [];
  const cspViolations: string[] = [];
  // Chromium reports each thing a CSP refused as a console message: a page of ours must need none.
  const watchCsp = (page: Page) => {
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(`${page.url()}: ${message.text()}`);
    });
    return page;
  };
  return {
    baseUrl,
    browser,
    async newPage(options = {}) {
      // The pages' own CSP holds (axe runs through the DevTools protocol, which CSP does not govern).
      const context = await browser.newContext({ locale: options.locale ?? 'tr-TR', baseURL: baseUrl });
      contexts.push(context);
      return watchCsp(await context.newPage());
    },
    cspViolations,
    watchCsp,
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      if (cspViolations.length > 0) throw new Error(`pages were refused something by their CSP:\n${cspViolations.join('\n')}`);
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Runs axe-core on the page with the WCAG 2.2 AA rules; answers the violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern (a script tag would be refused on the console's pages).
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run('html', { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, ...(n.failureSummary ? { failureSummary: n.failureSummary } : {}) })),
    }));
  }, WCAG_22_AA);
}

/** Violations as a person reads them: one rule a paragraph, each offending element with what to fix. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    at ${JSON.stringify(n.target)}\n      ${(n.failureSummary ?? '').replaceAll('\n', '\n      ')}`);
      return `  ${v.id} (${v.impact ?? 'unknown'}): ${v.help}\n    ${v.helpUrl}\n${nodes.join('\n')}`;
    })
    .join('\n');
}

/** Fails with a readable list when the page has any WCAG 2.2 AA violation. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) {
    throw new Error(`${label} (${page.url()}) has ${violations.length} WCAG 2.2 AA violation(s):\n${describeViolations(violations)}`);
  }
}

/** Writes the whole page to .data/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name.replace(/[^A-Za-z0-9_.-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
