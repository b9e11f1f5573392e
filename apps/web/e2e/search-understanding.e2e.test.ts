import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { call, publishedProvider as sharedProvider, signUpByApi } from './api-fixtures.ts';
import { browserPages, desktop, shotsDir } from './browser.ts';

// Search that reads the owner's words (issue 11): chips for what was read, "search all text instead",
// typo and no-words notes, suggestions when nothing matches, and the search box's autocomplete.

const chromiumPath = inject('chromium');
const base = inject('webUrl');
const stamp = Date.now().toString(36);
const password = 'a-long-enough-password';
const phone = { width: 360, height: 780 };
const names = {
  bookkeepingRestaurants: `Ledgerline ${stamp}`,
  bookkeepingRetail: `Tillbook ${stamp}`,
  payrollRestaurants: `Tipline Pay ${stamp}`,
};

/** The search results' count line, e.g. "42 providers". */
const countLine = (page: Page) => page.locator('#results-count').textContent();
const countOf = async (page: Page) => Number((await countLine(page))?.match(/\d+/)?.[0] ?? NaN);
const card = (page: Page, name: string) => page.getByRole('link', { name, exact: true });

/** The whole page at 1280 and at 360 wide, and at 360 nothing wider than the screen. */
async function screens(page: Page, name: string): Promise<void> {
  mkdirSync(shotsDir, { recursive: true });
  for (const [viewport, suffix] of [
    [desktop, ''],
    [phone, '-360'],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    await page.screenshot({
      path: join(shotsDir, `${name}${suffix}.png`),
      fullPage: true,
      animations: 'disabled',
    });
    if (viewport === phone) {
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
          .filter((el) => !el.closest('details:not([open])'))
          .slice(0, 6)
          .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`),
      );
      expect(wide, `${name} is wider than a 360 px phone`).toEqual([]);
    }
  }
  await page.setViewportSize(desktop);
}

async function publishedProvider(name: string, fn: string, industry: string, duty: string) {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}@example.test`;
  const token = await signUpByApi(name, email, 'provider', password);
  await sharedProvider(token, name, fn, industry, {
    duty,
    rateMin: 25,
    rateMax: 50,
    bio: 'Ten years of keeping books and paying staff for small businesses, on time and in your voice.',
  });
}

describe.skipIf(!chromiumPath)('search that reads the owner’s words, in Chromium', () => {
  const freshPage = browserPages(chromiumPath);

  it('sets up three providers: bookkeeping for restaurants and for retail, payroll for restaurants', async () => {
    await publishedProvider(
      names.bookkeepingRestaurants,
      'bookkeeping',
      'restaurants-food-service',
      'Close the books monthly',
    );
    await publishedProvider(names.bookkeepingRetail, 'bookkeeping', 'retail', 'Reconcile the tills');
    await publishedProvider(
      names.payrollRestaurants,
      'payroll',
      'restaurants-food-service',
      'Pay tipped staff',
    );
    // The index is written by a background job in the api: give it a bounded while.
    await expect
      .poll(async () => (await call<{ total: number }>(`/search/providers?q=${stamp}`)).total, {
        timeout: 20_000,
      })
      .toBe(3);
  });

  it('typing “bookkeeping for restaurants” shows chips; removing one widens; “search all text” too', async () => {
    const page = await freshPage();
    await page.goto(`${base}/search`);
    await page.fill('#search-q', 'bookkeeping for restaurants');
    await page.waitForURL(/q=bookkeeping\+for\+restaurants/);
    const reading = page.locator('.reading');
    await reading.waitFor();
    expect((await reading.textContent())?.replace(/\s+/g, ' ').trim()).toBe(
      'Showing Bookkeeping for Restaurants & food service — search all text instead',
    );
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe('Bookkeeping providers for restaurants & food service');
    await card(page, names.bookkeepingRestaurants).waitFor();
    expect(await card(page, names.bookkeepingRetail).count()).toBe(0);
    expect(await card(page, names.payrollRestaurants).count()).toBe(0);
    // The count line quotes no words (they are the chips); the filters show what is applied.
    expect(await countLine(page)).toMatch(/^\d+ providers?$/);
    expect(await page.isChecked('input[name="function"][value="bookkeeping"]')).toBe(true);
    expect(await page.isChecked('input[name="industry"][value="restaurants-food-service"]')).toBe(true);
    const narrow = await countOf(page);
    await page.locator('#search-q').blur();
    await screens(page, '40-search-understood');

    // Removing the industry chip keeps the function: every bookkeeper, more of them.
    await page.getByRole('link', { name: 'Remove filter: Restaurants & food service' }).click();
    await page.waitForURL(
      (u) => u.searchParams.get('function') === 'bookkeeping' && !u.searchParams.has('q'),
    );
    expect(await countOf(page)).toBeGreaterThan(narrow);
    expect(await page.locator('h1').textContent()).toBe('Bookkeeping providers');
    expect(await page.isChecked('input[name="function"][value="bookkeeping"]')).toBe(true);
    expect(await page.isChecked('input[name="industry"][value="restaurants-food-service"]')).toBe(false);
    expect(await page.inputValue('#search-q')).toBe('');

    // Back, then the words as plain text instead: the chips go, the note says how to return.
    await page.goBack();
    await page.waitForURL(/q=bookkeeping\+for\+restaurants$/);
    await page.getByRole('link', { name: 'search all text instead' }).click();
    await page.waitForURL(/literal=true/);
    await page.getByText('Searching all text for “bookkeeping for restaurants”').waitFor();
    expect(await page.locator('.reading').count()).toBe(0);
    expect(await page.isChecked('input[name="function"][value="bookkeeping"]')).toBe(false);
    expect(await countLine(page)).toMatch(/ for “bookkeeping for restaurants”$/);
    await page.getByRole('link', { name: 'match business functions and industries instead' }).click();
    await page.waitForURL((u) => !u.searchParams.has('literal') && u.searchParams.has('q'));
    await page.locator('.reading').waitFor();
  });

  it('words typed before the page’s script arrived are searched once it does', async () => {
    const page = await freshPage();
    // A slow connection: the app's code arrives only after the owner has typed (its styles do not wait:
    // the page's inline script, and so the page itself, waits for them).
    let release = () => {};
    const arrived = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/_app/immutable/**/*.js', async (route) => {
      await arrived;
      await route.continue();
    });
    await page.goto(`${base}/search`, { waitUntil: 'domcontentloaded' });
    await page.fill('#search-q', 'payroll for restaurants');
    expect(new URL(page.url()).searchParams.has('q')).toBe(false);
    release();
    await page.waitForURL(/q=payroll\+for\+restaurants/);
    await page.getByRole('link', { name: 'Remove filter: Payroll' }).waitFor();
    await card(page, names.payrollRestaurants).waitFor();
    expect(await page.inputValue('#search-q')).toBe('payroll for restaurants');
  });

  it('says what a typo was read as, and when a query has no words to search', async () => {
    const page = await freshPage();
    await page.goto(`${base}/search?q=${encodeURIComponent('bokkeeping for resturants')}`);
    await page
      .getByText('Showing results for “bookkeeping”, “restaurants” — you typed “bokkeeping”, “resturants”')
      .waitFor();
    await card(page, names.bookkeepingRestaurants).waitFor();
    await screens(page, '43-search-typo');

    await page.goto(`${base}/search?q=${encodeURIComponent('🚀')}`);
    await page.getByText('“🚀” has no words we can search for: showing every provider.').waitFor();
    expect(await countLine(page)).toMatch(/^\d+ providers$/);

    // A word no profile has is left out of a text search, and the page says so.
    await page.goto(`${base}/search?literal=true&q=${encodeURIComponent(`${stamp} zanzibarian`)}`);
    await page.getByText('No provider mentions “zanzibarian”: left out, the other words searched.').waitFor();
    await card(page, names.payrollRestaurants).waitFor();
  });

  it('without JavaScript: unticking a filter read from the words keeps the other; new words drop both', async () => {
    const page = await freshPage({ javaScriptEnabled: false });
    await page.goto(`${base}/search?q=${encodeURIComponent('bookkeeping for restaurants')}`);
    await page.locator('.reading').waitFor();
    const narrow = await countOf(page);
    await page.uncheck('input[name="function"][value="bookkeeping"]');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL((u) => u.searchParams.get('industry') === 'restaurants-food-service');
    expect(new URL(page.url()).search).toBe('?industry=restaurants-food-service');
    expect(await page.locator('h1').textContent()).toBe('Providers for restaurants & food service');
    expect(await countOf(page)).toBeGreaterThan(narrow);
    expect(await page.isChecked('input[name="industry"][value="restaurants-food-service"]')).toBe(true);
    expect(await page.isChecked('input[name="function"][value="bookkeeping"]')).toBe(false);

    await page.goto(`${base}/search?q=${encodeURIComponent('bookkeeping for restaurants')}`);
    await page.fill('#search-q', 'payroll');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL((u) => u.search === '?q=payroll');
    await page.getByRole('link', { name: 'Remove filter: Payroll' }).waitFor();
    expect(await page.isChecked('input[name="industry"][value="restaurants-food-service"]')).toBe(false);
  });

  it('autocomplete works with the keyboard: arrows, Escape, Enter', async () => {
    const page = await freshPage();
    await page.goto(`${base}/search`);
    const box = page.getByRole('combobox', { name: 'Search providers' });
    await box.click();
    await box.pressSequentially('payroll for rest', { delay: 40 });
    const list = page.getByRole('listbox', { name: 'Suggestions' });
    const option = list.getByRole('option', { name: /Payroll for restaurants & food service/ });
    await option.waitFor();
    expect(await box.getAttribute('aria-expanded')).toBe('true');

    await page.keyboard.press('ArrowDown');
    expect(await option.getAttribute('aria-selected')).toBe('true');
    expect(await box.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    await screens(page, '41-search-autocomplete');

    // Escape closes the list and keeps the words; the arrow opens it again.
    await page.keyboard.press('Escape');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    expect(await list.isVisible()).toBe(false);
    expect(await box.inputValue()).toBe('payroll for rest');
    await page.keyboard.press('ArrowDown');
    expect(await option.getAttribute('aria-selected')).toBe('true');

    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === 'Payroll for restaurants & food service');
    expect(await box.inputValue()).toBe('Payroll for restaurants & food service');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    await page.getByRole('link', { name: 'Remove filter: Payroll' }).waitFor();
    await card(page, names.payrollRestaurants).waitFor();
    expect(await card(page, names.bookkeepingRestaurants).count()).toBe(0);
  });

  it('a search that finds nothing suggests nearby functions and industries, and broader searches', async () => {
    const page = await freshPage();
    // No firm in the demo data does legal work for restaurants; firms do legal work, and serve restaurants.
    await page.goto(`${base}/search?q=${encodeURIComponent('legal for restaurants')}&kind=firm`);
    await page.getByRole('heading', { name: 'No providers match “legal for restaurants”' }).waitFor();
    await page.getByRole('heading', { name: 'Did you mean' }).waitFor();
    const suggested = await page.locator('a.suggestion').allTextContents();
    expect(suggested.map((t) => t.trim())).toEqual(['Legal', 'For restaurants & food service']);
    await page.getByRole('link', { name: 'search all text instead' }).waitFor();
    await page.getByRole('link', { name: 'Clear the filter' }).waitFor();
    await screens(page, '42-search-nothing-matches');
    // Each suggestion keeps the other filters, within which it was counted.
    await page.getByRole('link', { name: 'Legal', exact: true }).click();
    await page.waitForURL((u) => u.search === '?function=legal&kind=firm');
    expect(await countOf(page)).toBeGreaterThan(0);

    // Words that mean nothing: the most common work, each a search with providers.
    await page.goto(`${base}/search?q=${encodeURIComponent('xylophonist')}`);
    const popular = page.getByRole('heading', { name: /Try what most providers here do/ });
    await popular.waitFor();
    await screens(page, '44-search-nothing-near');
    const first = page.locator('a.suggestion').first();
    await first.click();
    await page.waitForURL(/function=/);
    expect(await countOf(page)).toBeGreaterThan(0);
  });
});
