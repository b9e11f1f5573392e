import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { browserPages, shotsDir } from './browser.ts';
import { shots, signUp } from './journey.ts';

const chromiumPath = inject('chromium');
const base = inject('webUrl');
const stamp = Date.now().toString(36);
const name = `Lantern Books ${stamp}`;
const oldSlug = `lantern-books-${stamp}`;
const newSlug = `lantern-bookkeeping-${stamp}`;
const duty = 'Answer customer emails and chat messages in the shared inbox';

describe.skipIf(!chromiumPath)('a provider changes their profile address', () => {
  const freshPage = browserPages(chromiumPath);

  it('publishes at one address, moves to another, and the old link lands on the new one', async () => {
    const page = await freshPage();
    await page.goto(`${base}/signup?role=provider`);
    await signUp(page, 'Lena Lantern', `lantern.${stamp}@example.test`, 'a-long-enough-password');
    await page.waitForURL(`${base}/dashboard`);
    await page.goto(`${base}/provider/profile`);

    await page.fill('input[name="name"]', name);
    await page.fill('input[name="slug"]', oldSlug);
    await page.check('input[name="kind"][value="freelancer"]');
    await page.fill('input[name="headline"]', 'Bookkeeping and inbox support for small agencies');
    await page.fill(
      'textarea[name="bio"]',
      'I keep the books of small agencies closed by the 10th and answer their customer inbox the same day.',
    );
    await page.selectOption('select[name="country"]', 'US');
    await page.selectOption('select[name="timezone"]', 'America/New_York');
    await page.check('input[name="languages"][value="en"]');
    await page.fill('input[name="rateMin"]', '30');
    await page.fill('input[name="rateMax"]', '45');
    await page.check('input[name="functions"][value="customer-service"]');
    await page.check(`input[name="duties.customer-service"][value="${duty}"]`);
    await page.check('input[name="industries"][value="real-estate"]');
    await page.getByRole('button', { name: 'Save and publish' }).click();
    await page.waitForURL(`${base}/provider/profile?published=1`);

    // The editor says what happens to the old address before it is saved.
    const slugHint = page.locator('#field-slug-hint');
    expect(await slugHint.textContent()).not.toContain('redirect');
    await page.fill('input[name="slug"]', newSlug);
    await slugHint.getByText(`Your old address, /providers/${oldSlug}, will redirect here`).waitFor();
    mkdirSync(shotsDir, { recursive: true });
    await page.locator('#basics').screenshot({ path: join(shotsDir, '35-provider-slug-hint.png') });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(`${base}/provider/profile?saved=1`);
    expect(await page.inputValue('input[name="slug"]')).toBe(newSlug);

    // A link shared before the change, query string and all.
    const response = await page.goto(`${base}/providers/${oldSlug}?ref=newsletter`);
    expect(page.url()).toBe(`${base}/providers/${newSlug}?ref=newsletter`);
    expect(response?.status()).toBe(200);
    const hop = await response?.request().redirectedFrom()?.response();
    expect(hop?.status()).toBe(301);
    expect(hop?.url()).toBe(`${base}/providers/${oldSlug}?ref=newsletter`);
    // Not cached for ever: another profile may take the old address later.
    expect(hop?.headers()['cache-control']).toBe('public, max-age=3600');
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await shots(page, '36-provider-moved');

    // The new address is served directly.
    const direct = await page.goto(`${base}/providers/${newSlug}`);
    expect(direct?.request().redirectedFrom()).toBeNull();
    expect(page.url()).toBe(`${base}/providers/${newSlug}`);
  });
});
