import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserPages, desktop } from './browser.ts';
import { call, signUpByApi } from './api-fixtures.ts';
import { logIn, signUp } from './journey.ts';

const chromiumPath = inject('chromium');
const base = inject('webUrl');
const stamp = Date.now().toString(36);
const password = 'a-long-enough-password';
const ownerEmail = `olive.${stamp}@example.test`;
const privateNote = `PRIVATE ${stamp}: the accounting login is in the shared vault`;
const newDuty = 'Send a weekly list of overdue invoices with the amount and age of each';
const summary =
  'Our print shop sends about 40 invoices a month and chases the late ones by hand. We want someone to take over the follow-up so nothing is older than 60 days.';

const screensDir = fileURLToPath(new URL('../../../test-output/screens', import.meta.url));
const phone = { width: 360, height: 780 };

/**
 * The page at 1280 and at 360 wide, whole: `owner-<name>.png` and `owner-<name>-360.png`. The window is
 * made as tall as the page, so the editor's floating save bar rests under the form, not over it.
 */
async function screens(page: Page, name: string): Promise<void> {
  mkdirSync(screensDir, { recursive: true });
  for (const [width, suffix] of [
    [desktop.width, ''],
    [phone.width, '-360'],
  ] as const) {
    await page.setViewportSize({ width, height: 800 });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width, height });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    await page.screenshot({ path: join(screensDir, `owner-${name}${suffix}.png`) });
  }
  await page.setViewportSize(desktop);
}

/** Nothing in the page's content sticks out past the window at phone width (the site header is not ours). */
async function fitsPhone(page: Page): Promise<void> {
  await page.setViewportSize(phone);
  const wider = await page.evaluate(() => {
    // Inside a scrolling strip (the tabs) is fine: the strip itself fits.
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p.id !== 'main'; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') return true;
      }
      return false;
    };
    return [...document.querySelectorAll('#main *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5 && !clipped(el))
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
  });
  await page.setViewportSize(desktop);
  expect(wider).toEqual([]);
}

/** A provider account with a published profile in one function; its sign-in e-mail and page slug. */
async function provider(name: string, fn: string) {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${stamp}@example.test`;
  const accessToken = await signUpByApi(`${name} Person`, email, 'provider', password);
  const profile = await call<{ id: string; slug: string }>('/providers', {
    method: 'POST',
    token: accessToken,
    body: {
      name: `${name} ${stamp}`,
      kind: 'freelancer',
      headline: `${name}: the back office of small print shops`,
      bio: 'Eight years of keeping small businesses’ books and chasing what they are owed, politely and on time.',
      functions: [{ slug: fn, customDuties: ['Chase overdue invoices'] }],
      industries: ['promotional-products'],
      rateMin: 25,
      rateMax: 50,
      languages: ['en'],
      timezone: 'America/New_York',
      country: 'US',
    },
  });
  await call(`/providers/${profile.id}/publish`, { method: 'POST', token: accessToken });
  return { email, name: `${name} ${stamp}`, slug: profile.slug };
}

const task = (page: Page, name: string) =>
  page.locator('li.task', { has: page.getByRole('heading', { name }) });

describe.skipIf(!chromiumPath)(
  'the whole journey: an owner values their hour, lists tasks, publishes a job, compares bids and hires',
  () => {
    const freshPage = browserPages(chromiumPath);
    let jobId = '';

    it('works out the hour signed out, and keeps the figures through sign-up', async () => {
      const page = await freshPage();
      await page.goto(`${base}/time-value`);
      await page.getByText('about $256 an hour').waitFor();

      // Zero is not an answer: the API's own message shows beside the field.
      await page.fill('input[name="targetIncome"]', '200,000');
      await page.fill('input[name="hoursPerDay"]', '0');
      await page.fill('input[name="daysPerWeek"]', '5');
      await page.fill('input[name="weeksPerYear"]', '52');
      await page.getByRole('button', { name: 'Work it out' }).click();
      await page.locator('#field-hoursPerDay-error').getByText('must be more than 0').waitFor();

      await page.fill('input[name="hoursPerDay"]', '3');
      await page.fill('input[name="task.hoursPerWeek"]', '4');
      await page.fill('input[name="task.rateMin"]', '25');
      await page.fill('input[name="task.rateMax"]', '50');
      await page.getByRole('button', { name: 'Work it out' }).click();
      const result = page.locator('.result');
      await result.getByText('$256.41').waitFor();
      expect(await result.textContent()).toContain('780 productive hours a year');
      expect(await result.textContent()).toContain('$1,026 a week');
      expect(await result.textContent()).toMatch(/gains \$826–926 a week/);
      await expect.poll(() => page.locator('#field-hoursPerDay-error').count()).toBe(0);
      await screens(page, 'time-value');
      await fitsPhone(page);

      await result.getByRole('link', { name: 'Sign up to save them' }).click();
      await page.waitForURL(`${base}/signup?next=/time-value`);
      await signUp(page, 'Olive Owner', ownerEmail, password);
      await page.waitForURL(`${base}/time-value`);
      await page.getByText('Your figures are saved to your profile.').waitFor();

      // A fresh load reads them from the profile (the cookie that carried them is gone).
      await page.reload();
      expect(await page.inputValue('input[name="targetIncome"]')).toBe('200000');
      expect(await page.inputValue('input[name="hoursPerDay"]')).toBe('3');
      await page.getByText('These are the figures on your profile.').waitFor();
      await page.locator('.result').getByText('$256.41').waitFor();
    });

    it('fills the worksheet and turns a hated task into a draft job', async () => {
      const page = await freshPage();
      await page.goto(`${base}/login?next=/worksheet`);
      await page.fill('input[name="email"]', ownerEmail);
      await page.fill('input[name="password"]', password);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.waitForURL(`${base}/worksheet`);
      await page.getByText('Your hour is worth $256.41').waitFor();

      await page.fill('#add-love-name', 'Meeting new clients');
      await page.fill('#add-love-hours', '6');
      await page.getByRole('button', { name: 'Add to Love' }).click();
      await task(page, 'Meeting new clients').waitFor();
      expect(await page.inputValue('#add-love-name')).toBe('');

      // A bad number is refused with the API's words, and what was typed stays.
      await page.fill('#add-hate-name', 'Chasing unpaid invoices');
      await page.fill('#add-hate-hours', '0');
      await page.getByRole('button', { name: 'Add to Hate' }).click();
      await page.locator('#add-hate-hours-error').getByText('must be more than 0').waitFor();
      expect(await page.inputValue('#add-hate-name')).toBe('Chasing unpaid invoices');
      await page.fill('#add-hate-hours', '4');
      await page.getByRole('button', { name: 'Add to Hate' }).click();
      const invoices = task(page, 'Chasing unpaid invoices');
      await invoices.waitFor();
      const suggested = await invoices.locator('select[name="functionSlug"] option:checked').textContent();
      expect(suggested).toMatch(/Suggested: (Bookkeeping|Accounting)/);
      expect(await invoices.textContent()).toContain('$1,026 a week');

      await page.fill('#add-hate-name', 'Answering the phone');
      await page.fill('#add-hate-hours', '3');
      await page.getByRole('button', { name: 'Add to Hate' }).click();
      const phoneTask = task(page, 'Answering the phone');
      await phoneTask.waitFor();
      expect(await phoneTask.locator('select[name="functionSlug"] option:checked').textContent()).toContain(
        'Customer service',
      );

      // Reorder with the buttons: the phone goes first.
      await page.getByRole('button', { name: 'Move “Answering the phone” up' }).click();
      await expect
        .poll(() => page.locator('section[aria-labelledby="hate-title"] li.task h3').allTextContents())
        .toEqual(['Answering the phone', 'Chasing unpaid invoices']);

      // Move a task across and back.
      await task(page, 'Meeting new clients').getByRole('button', { name: 'Move to Hate' }).click();
      await expect.poll(() => page.locator('section[aria-labelledby="hate-title"] li.task').count()).toBe(3);
      await task(page, 'Meeting new clients').getByRole('button', { name: 'Move to Love' }).click();
      await expect.poll(() => page.locator('section[aria-labelledby="love-title"] li.task').count()).toBe(1);

      await screens(page, 'worksheet');
      await fitsPhone(page);

      await invoices.getByRole('button', { name: 'Turn into a job' }).click();
      await page.waitForURL(/\/jobs\/[0-9a-f-]{36}\/edit/);
      jobId = /\/jobs\/([0-9a-f-]{36})\/edit/.exec(page.url())![1]!;
      await page.getByText('Your draft is ready.').waitFor();
      expect(await page.inputValue('input[name="title"]')).toBe('Chasing unpaid invoices');
      expect(await page.inputValue('input[name="hoursPerWeek"]')).toBe('4');
      // The template's duties, with the function the worksheet chose.
      expect(await page.locator('input[name^="duties."][name$=".text"]').count()).toBeGreaterThan(3);

      // The worksheet now links to the job instead of making another.
      await page.goto(`${base}/worksheet`);
      await task(page, 'Chasing unpaid invoices').getByRole('link', { name: 'Open its job' }).waitFor();
    });

    it('edits the job, sees what is missing, and publishes it', async () => {
      const page = await freshPage();
      await page.goto(`${base}/login?next=/jobs/${jobId}/edit`);
      await page.fill('input[name="email"]', ownerEmail);
      await page.fill('input[name="password"]', password);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.waitForURL(`${base}/jobs/${jobId}/edit`);

      // Everything publishing needs is listed at once.
      const side = page.locator('.side-card');
      await side.getByText('Before you can publish').waitFor();
      for (const words of ['summary', 'lowest budget', 'highest budget']) {
        expect((await side.textContent())!.toLowerCase()).toContain(words);
      }

      const duties = page.locator('input[name^="duties."][name$=".text"]');
      const before = await duties.count();
      await page.getByPlaceholder('Add a duty').fill(newDuty);
      await expect.poll(() => duties.count()).toBe(before + 1);
      await page.fill('input[name="budgetMin"]', '25');
      await page.fill('input[name="budgetMax"]', '50');
      await page.fill('textarea[name="processNotes"]', privateNote);

      // Publishing without a summary saves the rest and says what is missing.
      await page.getByRole('button', { name: 'Save and publish' }).click();
      await page.getByRole('alert').getByText('To publish, complete these').waitFor();
      await page.locator('#field-summary-error').waitFor();
      expect(await page.inputValue('input[name="budgetMin"]')).toBe('25');
      await screens(page, 'job-edit');
      await fitsPhone(page);

      // A duty moved up with its button keeps its text (the new duty is the last one, before the blank row).
      const at = before - 1;
      expect(await page.inputValue(`input[name="duties.${at}.text"]`)).toBe(newDuty);
      await page.getByRole('button', { name: `Move duty ${at + 1} up`, exact: true }).click();
      expect(await page.inputValue(`input[name="duties.${at - 1}.text"]`)).toBe(newDuty);

      await page.fill('textarea[name="summary"]', summary);
      await page.getByRole('button', { name: 'Save and publish' }).click();
      await page.waitForURL(`${base}/jobs/${jobId}?published=1`);
      await page.getByText('Your job is published.').waitFor();
      const main = page.locator('.main');
      expect(await main.textContent()).toContain(newDuty);
      expect(await main.textContent()).toContain(privateNote);
      const handoff = page.locator('section[aria-labelledby="handoff-title"]');
      expect(await handoff.textContent()).toContain('$256.41');
      expect(await handoff.textContent()).toMatch(/Gains \$826–926 a week/);
      await screens(page, 'job-owner');
      await fitsPhone(page);

      await page.goto(`${base}/jobs`);
      const row = page.locator('li.job', { hasText: 'Chasing unpaid invoices' });
      expect(await row.locator('.badge').first().textContent()).toBe('Open');
      await screens(page, 'jobs');

      await page.goto(`${base}/jobs/new?function=payroll`);
      expect(await page.locator('select[name="functionSlug"] option:checked').textContent()).toContain(
        'Payroll',
      );
      await screens(page, 'job-new');
      await fitsPhone(page);
    });

    it('shows the public page signed out, without private notes or the owner', async () => {
      const page = await freshPage();
      const response = await page.goto(`${base}/jobs/${jobId}`);
      expect(response?.status()).toBe(200);
      expect(await page.title()).toBe('Chasing unpaid invoices · Handoff');
      const description = await page.locator('meta[name="description"]').getAttribute('content');
      expect(description).toMatch(/^(Bookkeeping|Accounting) job/);
      const text = (await page.locator('body').textContent())!;
      expect(text).toContain(newDuty);
      expect(text).not.toContain(privateNote);
      expect(text).not.toContain(ownerEmail);
      expect(text).not.toContain('Olive');
      const signUpLink = page.getByRole('link', { name: 'Sign up to bid' });
      expect(await signUpLink.getAttribute('href')).toBe(`/signup?role=provider&next=%2Fjobs%2F${jobId}`);
      await screens(page, 'job-public');
    });

    it('keeps another owner out of the edit page', async () => {
      const page = await freshPage();
      await page.goto(`${base}/signup`);
      await signUp(page, 'Otto Other', `otto.${stamp}@example.test`, password);
      await page.waitForURL(`${base}/dashboard`);
      const response = await page.goto(`${base}/jobs/${jobId}/edit`);
      expect(response?.status()).toBe(404);
      await page.getByRole('heading', { name: 'We can’t find that page' }).waitFor();
      expect(await page.locator('body').textContent()).not.toContain(privateNote);

      // Their own jobs page is empty and says where to start.
      await page.goto(`${base}/jobs`);
      await page.getByText('You haven’t described a job yet').waitFor();
    });

    it('brings a visitor back to the provider page after signing up to hire', async () => {
      const page = await freshPage();
      await page.goto(`${base}/search?function=bookkeeping`);
      const first = page.locator('.result h3 a').first();
      await first.waitFor();
      const href = (await first.getAttribute('href'))!;
      await page.goto(`${base}${href}`);
      await page.getByRole('link', { name: 'Sign up to hire' }).click();
      await page.waitForURL(`${base}/signup?next=${encodeURIComponent(href)}`);
      await signUp(page, 'Hana Hire', `hana.${stamp}@example.test`, password);
      await page.waitForURL(`${base}${href}`);
      await page.getByRole('link', { name: 'Start a job with them' }).waitFor();
      await page.getByText('You have no open job to invite them to.').waitFor();
      await page.getByRole('button', { name: /Save for later/ }).click();
      await page.getByRole('button', { name: /Saved — remove/ }).waitFor();
      await page.goto(`${base}/saved`);
      expect(await page.locator('li.saved').count()).toBe(1);
      await screens(page, 'saved');

      // From search: the card says the provider is saved, and "Save" on another one works in place.
      await page.goto(`${base}/search?function=bookkeeping`);
      await page
        .locator('.result', { has: page.locator(`a[href="${href}"]`) })
        .getByText('★ Saved')
        .waitFor();
      const other = page
        .locator('.result')
        .filter({ hasNot: page.locator(`a[href="${href}"]`) })
        .first();
      await other.getByRole('button', { name: /^Save / }).click();
      await other.getByText('★ Saved').waitFor();
      await page.goto(`${base}/saved`);
      expect(await page.locator('li.saved').count()).toBe(2);
    });

    it('invites a provider to the open job from their page, once', async () => {
      const page = await freshPage();
      await page.goto(`${base}/login?next=/search%3Ffunction%3Dbookkeeping`);
      await page.fill('input[name="email"]', ownerEmail);
      await page.fill('input[name="password"]', password);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.waitForURL(`${base}/search?function=bookkeeping`);
      const card = page.locator('.result').first();
      const name = (await card.locator('h3').textContent())!.trim();
      await card.getByRole('link', { name: /^Invite / }).click();
      await page.waitForURL(/\/providers\/[^/?#]+#hire$/);
      await page.selectOption('select[name="jobId"]', jobId);
      await page.fill('textarea[name="message"]', 'Your bookkeeping packages look like a fit.');
      await page.getByRole('button', { name: 'Invite to bid' }).click();
      await page.getByText('Invited to bid on “Chasing unpaid invoices”.').waitFor();
      await page.getByRole('button', { name: 'Invite to bid' }).click();
      await page.getByText('Already invited to “Chasing unpaid invoices”').waitFor();
      await screens(page, 'provider-hire');

      await page.goto(`${base}/jobs/${jobId}`);
      const invited = page.locator('section[aria-labelledby="invited-title"]');
      await invited.getByRole('link', { name }).waitFor();
    });

    it('gets bids from two providers (one from the feed, one invited), compares them, talks to one and hires them', async () => {
      const job = await call<{
        functionSlug: string;
        duties: unknown[];
        benchmarks: { objective: string }[];
      }>(`/public/job-posts/${jobId}`);
      // Ada offers the job's function, so the feed brings it; Ben offers another and needs the invitation.
      const ada = await provider('Ada Ledger', job.functionSlug);
      const ben = await provider('Ben Payroll', 'payroll');

      const owner = await freshPage();
      await logIn(owner, base, ownerEmail, password);
      await owner.waitForURL(`${base}/dashboard`);
      await owner.goto(`${base}/providers/${ben.slug}`);
      await owner.selectOption('select[name="jobId"]', jobId);
      await owner.getByRole('button', { name: 'Invite to bid' }).click();
      await owner.getByText('Invited to bid on “Chasing unpaid invoices”.').waitFor();

      const bid = async (page: Page, price: string, level: 'yes' | 'partly') => {
        await page.waitForURL(`${base}/jobs/${jobId}/bid`);
        await page.fill('input[name="price"]', price);
        await page.fill('textarea[name="coverNote"]', `I chase invoices for print shops; ${price} an hour.`);
        for (const [i] of job.duties.entries())
          await page.check(`input[name="coverage.${i}.coverage"][value="${level}"]`);
        for (const [i] of job.benchmarks.entries())
          await page.check(`input[name="benchmarks.${i}.commitment"][value="${level}"]`);
        await page.getByRole('button', { name: 'Send your bid' }).click();
        await page.waitForURL(/\/bids\/[0-9a-f-]{36}\?sent=1$/);
        return new URL(page.url()).pathname.split('/')[2]!;
      };

      const a = await freshPage();
      await logIn(a, base, ada.email, password);
      await a.waitForURL(`${base}/dashboard`);
      await a.goto(`${base}/feed`);
      await a
        .locator('article', { hasText: 'Chasing unpaid invoices' })
        .getByRole('link', { name: /Bid on this job/ })
        .first()
        .click();
      const bidA = await bid(a, '30', 'yes');

      const b = await freshPage();
      await logIn(b, base, ben.email, password);
      await b.waitForURL(`${base}/dashboard`);
      await b.goto(`${base}/feed/invitations`);
      await b
        .locator('article', { hasText: 'Chasing unpaid invoices' })
        .getByRole('link', { name: /^Bid on/ })
        .click();
      const bidB = await bid(b, '24', 'partly');

      // The owner's grid: both bids, cheapest first when sorted by price.
      await owner.goto(`${base}/jobs/${jobId}/bids?sort=price`);
      await expect
        .poll(() => owner.locator('.wide-only thead .name').allTextContents())
        .toEqual([ben.name, ada.name]);
      // The job's benchmarks are rows of the grid too, with each bid's commitment.
      const benchmarkRow = owner.locator('.wide-only tbody tr', {
        has: owner.locator('th', { hasText: job.benchmarks[0]!.objective }),
      });
      expect(await benchmarkRow.locator('td .mark').allTextContents()).toEqual([
        expect.stringContaining('Partly'),
        expect.stringContaining('Commits'),
      ]);
      await owner.getByRole('button', { name: `Shortlist ${ada.name}` }).click();
      await owner.locator('.wide-only thead th', { hasText: ada.name }).getByText('Shortlisted').waitFor();

      await owner.goto(`${base}/bids/${bidA}#messages`);
      await owner.fill('#message-body', 'Could you start on the first of the month?');
      await owner.getByRole('button', { name: 'Send message' }).click();
      await owner.locator('#messages .message', { hasText: 'first of the month' }).waitFor();

      await a.goto(`${base}/bids/${bidA}`);
      await a.locator('#messages .message', { hasText: 'first of the month' }).waitFor();
      await a.fill('#message-body', 'Yes, the first works for me.');
      await a.getByRole('button', { name: 'Send message' }).click();
      await owner.locator('#messages .message', { hasText: 'the first works' }).waitFor({ timeout: 15_000 });

      await owner.getByText('Accept and hire').click();
      await owner.getByRole('button', { name: `Yes, hire ${ada.name}` }).click();
      await owner.waitForURL(/\/engagements\/[0-9a-f-]{36}\?hired=1$/);
      expect(await owner.textContent('main')).toContain(`You hired ${ada.name}`);

      // Ben's bid is kept, read-only, and the job is filled.
      await b.goto(`${base}/bids/${bidB}`);
      const status = b.locator('section[aria-labelledby="decisions-title"]');
      await status.getByText('Not selected').waitFor();
      await status.getByText('Job: Filled').waitFor();
      await owner.goto(`${base}/jobs`);
      expect(
        await owner
          .locator('li.job', { hasText: 'Chasing unpaid invoices' })
          .locator('.badge')
          .first()
          .textContent(),
      ).toBe('Filled');
    });
  },
);
