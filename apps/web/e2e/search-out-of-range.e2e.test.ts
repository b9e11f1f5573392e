import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { call, publishedProvider, signUpByApi } from './api-fixtures.ts';
import { browserPages, shotsDir } from './browser.ts';

// A search address with something out of range or unknown in it: the page says what it left out and
// why, keeps the person's values, and shows results for the rest (issue 10).

const chromiumPath = inject('chromium');
const base = inject('webUrl');
const stamp = `oor${Date.now().toString(36)}`;

const notices = (page: Page) => page.locator('.notices');
const text = async (page: Page) => (await notices(page).textContent())?.replace(/\s+/g, ' ').trim();
const cards = (page: Page) => page.locator('ol.list > li');

describe.skipIf(!chromiumPath)('search out of range, in Chromium', () => {
  const freshPage = browserPages(chromiumPath);

  it('sets up three providers found by one word', async () => {
    for (const n of [1, 2, 3]) {
      const token = await signUpByApi(`Range ${n}`, `${stamp}.${n}@example.test`, 'provider');
      await publishedProvider(token, `Rangedesk ${stamp} ${n}`);
    }
    await expect
      .poll(async () => (await call<{ total: number }>(`/search/providers?q=${stamp}`)).total, {
        timeout: 20_000,
      })
      .toBe(3);
  });

  it('a page past the last, or past the most there can be, says so and links to the last page', async () => {
    const page = await freshPage();
    for (const asked of [17, 1000]) {
      await page.goto(`${base}/search?q=${stamp}&page=${asked}&perPage=1`);
      expect(await text(page)).toContain(`There is no page ${asked}: these results end at page 3.`);
      // Neither "No providers match" beside the count, nor page 1 passed off as page 1000.
      expect(await page.getByText('No providers match').count()).toBe(0);
      expect(await cards(page).count()).toBe(0);
      await page.getByRole('link', { name: 'Go to the last page (3)' }).click();
      await page.waitForURL((u) => u.searchParams.get('page') === '3');
      expect(await cards(page).count()).toBe(1);
      expect(await notices(page).count()).toBe(0);
    }
  });

  it('a highest rate below the lowest is named and kept in its box; the search runs without it', async () => {
    const page = await freshPage();
    await page.goto(`${base}/search?q=${stamp}&rateMin=15&rateMax=10`);
    expect(await page.locator('#rate-error').textContent()).toBe(
      'The highest rate cannot be below the lowest rate',
    );
    // Above the results too, where a phone shows it with the filters folded away.
    expect(await text(page)).toContain('This search left out the highest rate you entered');
    expect(await page.inputValue('input[name="rateMin"]')).toBe('15');
    expect(await page.inputValue('input[name="rateMax"]')).toBe('10');
    expect(await cards(page).count()).toBe(3);
  });

  it('an unknown function, industry or language is named, and the rest still searches', async () => {
    const page = await freshPage();
    await page.goto(`${base}/search?q=${stamp}&function=not-a-function&language=zz&industry=real-estate`);
    const said = await text(page);
    expect(said).toContain('“not-a-function” is not a business function we know, so it was left out');
    expect(said).toContain('“zz” is not a language code we know, so it was left out');
    expect(await cards(page).count()).toBe(3);
    expect(await page.isChecked('input[name="industry"][value="real-estate"]')).toBe(true);
    // Not an error page, and not silently ignored either: the address keeps what was asked.
    expect(page.url()).toContain('function=not-a-function');
    mkdirSync(shotsDir, { recursive: true });
    await page.screenshot({ path: join(shotsDir, '60-search-unknown-values.png'), fullPage: true });
  });
});
