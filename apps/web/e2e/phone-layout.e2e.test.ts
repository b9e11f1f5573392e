import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { FIXTURE_PASSWORD, signUpByApi } from './api-fixtures.ts';
import { browserPages } from './browser.ts';
import { logIn } from './journey.ts';

// The two phone layouts that broke: the signed-in header scrolled sideways at 320 px, and /functions
// squeezed each card's title to a few letters beside its button at 360 px. Screenshots for a person.

const chromiumPath = inject('chromium');
const base = inject('webUrl');
const stamp = Date.now().toString(36);
const outDir = fileURLToPath(new URL('../../../test-output/', import.meta.url));

describe.skipIf(!chromiumPath)('phone layouts, in Chromium', () => {
  const newPage = browserPages(chromiumPath);

  it('the signed-in header fits 320 px: its links wrap, nothing scrolls sideways', async () => {
    const email = `phoebe.${stamp}@example.test`;
    await signUpByApi('Phoebe Provider', email, 'provider');
    const page = await newPage({ viewport: { width: 320, height: 640 } });
    await page.goto(`${base}/login`);
    await logIn(page, base, email, FIXTURE_PASSWORD);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    const nav = page.locator('.site-header nav');
    const [scroll, client] = await nav.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(scroll).toBeLessThanOrEqual(client);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    for (const link of await nav.getByRole('link').all()) {
      const box = (await link.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(320);
    }
    mkdirSync(outDir, { recursive: true });
    await page.locator('.site-header').screenshot({ path: `${outDir}/a11y-header-320.png` });
  });

  it('/functions at 360 px: each title has the card’s width, the button wraps under it', async () => {
    const page = await newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${base}/functions`);
    const card = page.locator('article.fn').first();
    const [title, head] = await Promise.all([
      card.locator('.titles').boundingBox(),
      card.locator('.head').boundingBox(),
    ]);
    // The icon (3rem and a gap) stays beside the title; the rest of the row is the title's.
    expect(title!.width).toBeGreaterThan(head!.width - 80);
    mkdirSync(outDir, { recursive: true });
    // The first card in the window (the page is long: every function).
    await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${outDir}/a11y-functions-360.png`, animations: 'disabled' });
  });
});
