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
  surveyToken: string;
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
    surveyToken: (await seedLink(sql, proposed.id, { purpose: 'survey' })).token,
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
  { id: 'complaint-form', name: 'the complaint form', status: 200, open: (page, l) => visit(page, `/complaints/new?lang=${l}`) },
  {
    id: 'complaint-form-refused',
    name: 'the complaint form naming what to fix',
    status: 400,
    open: async (page, l) => {
      await visit(page, `/complaints/new?lang=${l}`);
      // The browser's own checks would stop an empty form; the server's answer is the page under test.
      await page.locator('form').evaluateAll((forms) => forms.forEach((f) => (f as { setAttribute(name: string, value: string): void }).setAttribute('novalidate', '')));
      return submitted(page, () => page.click('main button[type=submit]'));
    },
  },
  { id: 'survey', name: 'the satisfaction survey', status: 200, open: (page, l) => visit(page, `/s/${seeded.surveyToken}?lang=${l}`) },
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

describe('the accessibility check itself', () => {
  it('fails on a violation, naming the rule and the element', async () => {
    const page = await session.newPage();
    try {
      await page.setContent('<!doctype html><html><head><title>x</title></head><body><main><img src="data:,"></main></body></html>');
      await expect(expectAccessible(page, 'a page with an unlabelled image')).rejects.toThrow(/image-alt[\s\S]*"img"/);
    } finally {
      await page.context().close();
    }
  });
});

/** The focused element, how a sighted keyboard user sees it: a label, and whether its focus ring shows. */
interface Focus {
  label: string;
  focusVisible: boolean;
  outlined: boolean;
}
// A string, so the test's TypeScript needs no DOM types; runs in the page.
const FOCUS_PROBE = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return { label: 'body', focusVisible: false, outlined: false };
  const style = getComputedStyle(el);
  const name = (el.textContent || '').trim();
  const label = el.id ? '#' + el.id : el.tagName === 'A' ? 'link ' + name : el.tagName.toLowerCase() + ' ' + name;
  return { label, focusVisible: el.matches(':focus-visible'), outlined: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
})()`;

/** Presses `key` and answers where the focus went, checking its focus ring shows. */
async function press(page: Page, key: string): Promise<string> {
  await page.keyboard.press(key);
  const focus = await page.evaluate<Focus>(FOCUS_PROBE);
  expect(focus, `focus after ${key} on ${focus.label}`).toMatchObject({ focusVisible: true, outlined: true });
  return focus.label;
}

const languageLinks = LANGUAGES.map((l) => `link ${languageMetadata(l).name}`);

describe('with the keyboard alone', () => {
  it('tracks a complaint: Tab and Shift+Tab through the form in order, Enter sends it', async () => {
    const page = await session.newPage({ locale: 'en-GB' });
    try {
      await page.goto('/track?lang=en');
      // The cursor starts in the reference field; before it, only the language switch.
      expect((await page.evaluate<Focus>(FOCUS_PROBE)).label).toBe('#reference');
      const back = [];
      for (let i = 0; i < LANGUAGES.length; i++) back.push(await press(page, 'Shift+Tab'));
      expect(back).toEqual([...languageLinks].reverse());
      const forth = [];
      for (let i = 1; i < LANGUAGES.length; i++) forth.push(await press(page, 'Tab'));
      expect(forth).toEqual(languageLinks.slice(1));
      expect(await press(page, 'Tab')).toBe('#reference');
      await page.keyboard.type(seeded.proposed.reference);
      expect(await press(page, 'Tab')).toBe('#pin');
      await page.keyboard.type(seeded.proposed.pin);
      expect(await press(page, 'Tab')).toBe('button Show my complaint');
      expect(await press(page, 'Shift+Tab')).toBe('#pin');
      expect(await press(page, 'Tab')).toBe('button Show my complaint');
      await Promise.all([page.waitForURL('**/track**'), page.keyboard.press('Enter')]);
      expect(await page.locator('h1').textContent()).toBe(`Your complaint ${seeded.proposed.reference}`);
      await expectAccessible(page, 'the tracking result reached by keyboard');
    } finally {
      await page.context().close();
    }
  });

  it('rejects a proposal: Tab reaches Accept, the reason and Reject in order, Space sends it', async () => {
    const { complaint, token } = await env.flow.proposed();
    const page = await session.newPage({ locale: 'en-GB' });
    try {
      await page.goto(`/r/${token}?lang=en`);
      const order = [];
      for (let i = 0; i < LANGUAGES.length + 3; i++) order.push(await press(page, 'Tab'));
      expect(order).toEqual([...languageLinks, 'button Accept the proposal', '#reason', 'button Reject the proposal']);
      expect(await press(page, 'Shift+Tab')).toBe('#reason');
      await page.keyboard.type('The repair did not stop the leak.');
      expect(await press(page, 'Tab')).toBe('button Reject the proposal');
      await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.keyboard.press('Space')]);
      expect(await page.locator('h1').textContent()).toBe('Thank you, we have your answer');
      await env.flow.waitForRow(complaint, 'reinvestigating');
      await expectAccessible(page, 'the thanks page reached by keyboard');
    } finally {
      await page.context().close();
    }
  });
});

describe.each(LANGUAGES)('the language switch to %s', (language) => {
  it('shows the page in that language from a Turkish one, the reference kept, laid out in its direction', async () => {
    const { direction, name } = languageMetadata(language);
    const page = await session.newPage();
    try {
      await page.goto(`/track?lang=tr&reference=${seeded.asking.reference}`);
      await Promise.all([page.waitForURL(`**lang=${language}**`), page.click(`nav a[hreflang=${language}]`)]);
      expect(new URL(page.url()).searchParams.get('reference')).toBe(seeded.asking.reference);
      expect(await page.locator('html').getAttribute('lang')).toBe(language);
      expect(await page.locator('html').getAttribute('dir')).toBe(direction);
      expect(await page.inputValue('#reference')).toBe(seeded.asking.reference);
      const current = page.locator('nav a[aria-current="true"]');
      expect([await current.textContent(), await current.getAttribute('lang')]).toEqual([name, language]);
      // The switch's first language sits at the start of the line: left in ltr, right in rtl.
      const [first, last] = [await page.locator('nav a').first().boundingBox(), await page.locator('nav a').last().boundingBox()];
      expect(direction === 'rtl' ? first!.x > last!.x : first!.x < last!.x).toBe(true);
    } finally {
      await page.context().close();
    }
  });
});
