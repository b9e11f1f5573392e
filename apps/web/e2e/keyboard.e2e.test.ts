import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  call,
  FIXTURE_PASSWORD,
  publishedJob,
  publishedProvider,
  signUpByApi,
  signUpLinkToken,
} from './api-fixtures.ts';
import { browserPages } from './browser.ts';
import { focusRing, keyboardLogIn, tabTo, typeInto } from './keyboard.ts';

// Sign-up, search to a result, posting a job and bidding, with the keyboard alone: no clicks, only
// Tab, Shift+Tab, Enter, Space and typing. Every stop on the way must show a focus ring (keyboard.ts).

const chromiumPath = inject('chromium');
const base = inject('webUrl');
const stamp = Date.now().toString(36);
const outDir = fileURLToPath(new URL('../../../test-output/', import.meta.url));

/** Space on a radio group's first option (Tab lands there when none is checked); returns its value. */
async function pickFirst(page: Page, name: string): Promise<string> {
  await tabTo(page, `input[type="radio"][name="${name}"]`, { max: 120 });
  await page.keyboard.press('Space');
  return page.evaluate(
    (n) => document.querySelector<HTMLInputElement>(`input[name="${n}"]:checked`)!.value,
    name,
  );
}

describe.skipIf(!chromiumPath)('keyboard only, in Chromium', () => {
  const newPage = browserPages(chromiumPath);

  it('signs up: the first Tab shows "Skip to content", then the form', async () => {
    const page = await newPage();
    await page.goto(`${base}/signup`);
    expect(await tabTo(page, '.skip-link', { max: 1 })).toBe(1);
    expect((await page.locator('.skip-link').boundingBox())!.y).toBeGreaterThanOrEqual(0);
    await typeInto(page, 'input[name="name"]', 'Kim Keys');
    await typeInto(page, 'input[name="email"]', `kim.keys.${stamp}@example.test`);
    await typeInto(page, 'input[name="password"]', FIXTURE_PASSWORD);
    await tabTo(page, 'button[type="submit"]', { text: 'Create account' });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Check your e‑mail' }).waitFor();
    // The e-mailed link, opened as from a mail client; its one button is reached by keyboard too.
    const token = await signUpLinkToken(`kim.keys.${stamp}@example.test`);
    await page.goto(`${base}/signup/confirm?token=${encodeURIComponent(token)}`);
    await tabTo(page, 'button[type="submit"]', { text: 'Finish signing up' });
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/dashboard`);
  });

  it('searches and reaches the first result in a few Tabs through "Skip to results"', async () => {
    const providerToken = await signUpByApi('Kai Keys', `kai.keys.${stamp}@example.test`, 'provider');
    await publishedProvider(providerToken, `Keyline Desk ${stamp}`);
    const page = await newPage();
    await page.goto(`${base}/search`);
    await tabTo(page, '#search-q');
    await page.keyboard.type(`Keyline Desk ${stamp}`);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.has('q'));
    await page.locator('.result').first().waitFor();
    await page.locator('#search-q').focus(); // where the person typing still is (no click)

    const toSkip = await tabTo(page, 'a.skip-inline', { text: 'Skip to results' });
    await page.keyboard.press('Enter');
    const toResult = await tabTo(page, '.result a.stretched');
    // Without the skip link this took 65 presses past the filters.
    expect(toSkip + toResult).toBeLessThanOrEqual(6);
    const ring = await focusRing(page);
    expect(ring.width).toBeGreaterThanOrEqual(2);
    mkdirSync(outDir, { recursive: true });
    // The card with a margin, so the ring drawn outside it (outline-offset) is in the picture.
    const box = (await page.locator('.result').first().boundingBox())!;
    const clip = { x: box.x - 12, y: box.y - 12, width: box.width + 24, height: box.height + 24 };
    await page.screenshot({ path: `${outDir}/a11y-focused-result.png`, clip, animations: 'disabled' });
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/providers\//);
  });

  it('an owner posts a job: a draft from the form, then filled in and published', async () => {
    const email = `ola.keys.${stamp}@example.test`;
    const token = await signUpByApi('Ola Keys', email, 'owner');
    const page = await newPage();
    await keyboardLogIn(page, base, email, FIXTURE_PASSWORD);
    await page.goto(`${base}/jobs/new?function=customer-service`);
    await typeInto(page, 'input[name="title"]', `Keyboard-posted front desk ${stamp}`);
    await tabTo(page, 'button[type="submit"]', { text: 'Create the draft' });
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/jobs\/[^/]+\/edit/);
    const id = new URL(page.url()).pathname.split('/')[2]!;

    await tabTo(page, 'select[name="industrySlug"]');
    await page.keyboard.type('Real estate'); // a closed select picks the option typed
    await typeInto(
      page,
      'textarea[name="summary"]',
      'Answer our tenants’ calls and e-mails, about 20 hours a week.',
    );
    await pickFirst(page, 'budgetBasis');
    await typeInto(page, 'input[name="budgetMin"]', '25');
    await typeInto(page, 'input[name="budgetMax"]', '40');
    await typeInto(page, 'input[name="hoursPerWeek"]', '20');
    await tabTo(page, 'button[formaction="?/publish"]', { max: 120 });
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.pathname.endsWith('/edit'));
    const job = await call<{ status: string; industrySlug: string }>(`/job-posts/${id}`, { token });
    expect(job).toMatchObject({ status: 'open', industrySlug: 'real-estate' });
  });

  it('a provider bids duty by duty', async () => {
    const ownerToken = await signUpByApi('Oz Owner', `oz.keys.${stamp}@example.test`, 'owner');
    const job = (await publishedJob(ownerToken, `Tenant line ${stamp}`)) as unknown as {
      id: string;
      duties: unknown[];
      benchmarks: unknown[];
    };
    const email = `pim.keys.${stamp}@example.test`;
    const providerToken = await signUpByApi('Pim Keys', email, 'provider');
    await publishedProvider(providerToken, `Pim Desk ${stamp}`);
    const page = await newPage();
    await keyboardLogIn(page, base, email, FIXTURE_PASSWORD);
    await page.goto(`${base}/jobs/${job.id}/bid`);

    await typeInto(page, 'input[name="price"]', '30');
    await typeInto(page, 'textarea[name="coverNote"]', 'Eight years on brokerage front desks.');
    for (const [i] of job.duties.entries())
      expect(await pickFirst(page, `coverage.${i}.coverage`)).toBe('yes');
    for (const [i] of job.benchmarks.entries())
      expect(await pickFirst(page, `benchmarks.${i}.commitment`)).toBe('yes');
    await tabTo(page, 'button[type="submit"]', { text: 'Send your bid' });
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/bids\/[^/]+/);
  });
});
