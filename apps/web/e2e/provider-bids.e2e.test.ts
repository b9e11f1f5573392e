import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserPages } from './browser.ts';
import {
  call,
  publishedJob,
  publishedProvider as sharedProvider,
  signUpByApi,
  type PublishedJob,
} from './api-fixtures.ts';
import { desktop, logIn } from './journey.ts';

const chromiumPath = inject('chromium');
const base = inject('webUrl');
const stamp = Date.now().toString(36);
const password = 'a-long-enough-password';
const jobTitle = `Tenant inbox and phones ${stamp}`;
const nameA = `Tenant Line ${stamp}`;
const nameB = `Ledger Hours ${stamp}`;
const nameC = `Harbor Calls ${stamp}`;
const emails = {
  owner: `owner.bids.${stamp}@example.test`,
  a: `tenant.line.${stamp}@example.test`,
  b: `ledger.hours.${stamp}@example.test`,
  c: `harbor.calls.${stamp}@example.test`,
};
const phone = { width: 360, height: 780 };
const screensDir = fileURLToPath(new URL('../../../test-output/screens', import.meta.url));
const uuid = '[0-9a-f-]{36}';

/** The whole page at 1280 and at 360 wide, and at 360 nothing wider than the screen. */
async function screens(page: Page, name: string): Promise<void> {
  mkdirSync(screensDir, { recursive: true });
  for (const [viewport, suffix] of [
    [desktop, ''],
    [phone, '-360'],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    await page.screenshot({
      path: join(screensDir, `provider-${name}${suffix}.png`),
      fullPage: true,
      animations: 'disabled',
    });
    if (viewport === desktop) {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${name} scrolls sideways at 1280 px`).toBeLessThanOrEqual(desktop.width);
    }
    if (viewport === phone) {
      // Nothing on the page itself sticks out past the screen's edge (named, so a failure says where).
      // Only <main>: the site header is the layout's business.
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
          .filter((el) => !el.closest('.scroller, .table-wrap, nav'))
          .slice(0, 6)
          .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`),
      );
      expect(wide, `${name} is wider than a 360 px phone`).toEqual([]);
    }
  }
  await page.setViewportSize(desktop);
}

const signUp = (name: string, email: string, role: 'owner' | 'provider'): Promise<string> =>
  signUpByApi(name, email, role, password);

/** A published freelancer profile in one function and industry, with one duty of its own; its id. */
const publishedProvider = async (token: string, name: string, fn: string, industry: string, duty: string) =>
  (await sharedProvider(token, name, fn, industry, { duty })).id;

describe.skipIf(!chromiumPath)('provider bids, the comparison grid, messages and hiring in Chromium', () => {
  const freshPage = browserPages(chromiumPath);
  let ownerToken = '';
  let jobId = '';
  let duties: { id: string; text: string }[] = [];
  let benchmarks: PublishedJob['benchmarks'] = [];
  let bidA = '';
  let bidB = '';
  let a: Page;
  let b: Page;
  let owner: Page;

  it('sets up an owner with a published job, three providers (one invited, one already bidding)', async () => {
    ownerToken = await signUp('Olive Owner', emails.owner, 'owner');
    const tokenA = await signUp('Ana Line', emails.a, 'provider');
    const tokenB = await signUp('Ben Hours', emails.b, 'provider');
    const tokenC = await signUp('Cleo Calls', emails.c, 'provider');
    // A serves the job's function (the feed finds it); B serves another (only the invitation brings it).
    await publishedProvider(tokenA, nameA, 'customer-service', 'real-estate', 'Answer tenant calls');
    const providerB = await publishedProvider(
      tokenB,
      nameB,
      'bookkeeping',
      'retail',
      'Reconcile bank accounts',
    );
    await publishedProvider(tokenC, nameC, 'customer-service', 'hospitality', 'Answer guest calls');

    const job = await publishedJob(ownerToken, jobTitle);
    await call(`/job-posts/${job.id}/invitations`, {
      method: 'POST',
      token: ownerToken,
      body: { providerId: providerB, message: 'We liked your profile. See https://example.com/brief first.' },
    });
    jobId = job.id;
    duties = job.duties;
    benchmarks = job.benchmarks;
    expect(duties.length).toBeGreaterThan(2);
    expect(benchmarks.length).toBeGreaterThan(1);
    // A third bidder, made through the api: the grid gets a column the owner will decline.
    await call(`/job-posts/${job.id}/bids`, {
      method: 'POST',
      token: tokenC,
      body: {
        price: 31,
        priceBasis: 'hourly',
        currency: 'USD',
        coverNote: 'Hotel front-desk calls are my day job; tenants are much the same.',
        coverage: duties.map((d, i) => ({ dutyId: d.id, coverage: i % 2 ? 'partly' : 'yes', note: '' })),
        benchmarks: benchmarks.map((m) => ({ benchmarkId: m.id, commitment: 'yes' })),
      },
    });

    // B's browser runs no JavaScript: the invitation, the bid form and the bid page are plain HTML forms.
    [a, b, owner] = [await freshPage(), await freshPage({ javaScriptEnabled: false }), await freshPage()];
    for (const [page, email] of [
      [a, emails.a],
      [b, emails.b],
      [owner, emails.owner],
    ] as const) {
      await logIn(page, base, email, password);
      await page.waitForURL(`${base}/dashboard`);
    }
  });

  it('provider A finds the job in the feed and bids duty by duty and benchmark by benchmark', async () => {
    await a.goto(`${base}/feed`);
    const card = a.locator('article', { hasText: jobTitle });
    await card.waitFor();
    // The job is in A's industry, and says so.
    expect(await card.textContent()).toContain('your industry');
    expect(await card.textContent()).toContain('$25–45/h');
    await screens(a, 'feed');

    // Text search finds it; a budget it cannot meet leaves it out; a bad number is said beside its field.
    await a.goto(`${base}/feed?q=${stamp}`);
    await a.locator('article', { hasText: jobTitle }).waitFor();
    await a.goto(`${base}/feed?q=${stamp}&budgetMin=1000`);
    await a.getByRole('heading', { name: 'No jobs match these filters' }).waitFor();
    await a.goto(`${base}/feed?budgetMin=abc`);
    await a.locator('#field-budgetMin-error').getByText('must be a number').waitFor();
    // An unknown function is named beside its field; the job still shows, from the other filters.
    await a.goto(`${base}/feed?function=astrology&q=${stamp}`);
    await a.locator('#field-function-error').getByText('“astrology” is not a function we know').waitFor();
    await a.locator('article', { hasText: jobTitle }).waitFor();

    await a.goto(`${base}/feed`);
    await a
      .locator('article', { hasText: jobTitle })
      .getByRole('link', { name: /Bid on this job/ })
      .click();
    await a.waitForURL(`${base}/jobs/${jobId}/bid`);

    // Sent empty: the schema's messages beside the fields, nothing saved.
    await a.getByRole('button', { name: 'Send your bid' }).click();
    await a.locator('#field-price-error').waitFor();
    await a.locator('#cov-0-error').getByText('Say yes, partly or no').waitFor();
    await a.locator('#bm-0-error').getByText('Say yes, partly or no for each benchmark').waitFor();
    // Afresh, for a clean picture of the filled-in form.
    await a.goto(`${base}/jobs/${jobId}/bid`);

    await a.fill('input[name="price"]', '26');
    await a.fill('input[name="estimatedHours"]', '20');
    await a.fill(
      'textarea[name="coverNote"]',
      'I run a tenant line for three brokerages; I can take yours from Monday.',
    );
    for (const [i] of duties.entries()) {
      const level = i === 1 ? 'partly' : i === 2 ? 'no' : 'yes';
      await a.check(`input[name="coverage.${i}.coverage"][value="${level}"]`);
    }
    await a.fill('input[name="coverage.1.note"]', 'Calls during US business hours only');
    for (const [i] of benchmarks.entries()) {
      await a.check(`input[name="benchmarks.${i}.commitment"][value="${i === 0 ? 'partly' : 'yes'}"]`);
    }
    await a.fill('input[name="benchmarks.0.note"]', 'Within 8 business hours, not 4');
    await screens(a, 'bid-form');
    await a.getByRole('button', { name: 'Send your bid' }).click();
    await a.waitForURL(new RegExp(`/bids/${uuid}\\?sent=1$`));
    bidA = new URL(a.url()).pathname.split('/')[2]!;
    await a.getByText('Your bid is sent.').waitFor();
    const coverage = (await a.locator('section', { hasText: 'Duty by duty' }).textContent()) ?? '';
    expect(coverage).toContain(duties[0]!.text);
    expect(coverage).toContain('Calls during US business hours only');
    expect(coverage).toContain('Not covered');
    const commitments = a.locator('section[aria-labelledby="benchmarks-title"]');
    expect(await commitments.textContent()).toContain(benchmarks[0]!.objective);
    expect(await commitments.textContent()).toContain('Within 8 business hours, not 4');
    await commitments.getByText(`${benchmarks.length - 1} committed · 1 partly`).waitFor();
  });

  it('provider B, invited, finds the job under invitations and bids, without JavaScript', async () => {
    await b.goto(`${base}/feed/invitations`);
    const card = b.locator('article', { hasText: jobTitle });
    await card.waitFor();
    // The owner's message, with its link made clickable.
    await card.locator('a[href="https://example.com/brief"]').waitFor();
    await card.getByRole('link', { name: `Bid on ${jobTitle}` }).click();
    await b.waitForURL(`${base}/jobs/${jobId}/bid`);
    await b.fill('input[name="price"]', '38');
    await b.fill(
      'textarea[name="coverNote"]',
      'Bookkeeper by trade, and I answer tenants for two landlords.',
    );
    for (const [i] of duties.entries()) await b.check(`input[name="coverage.${i}.coverage"][value="partly"]`);
    // Without JavaScript a missing commitment comes back from the server, the answers given kept.
    await b.getByRole('button', { name: 'Send your bid' }).click();
    await b.locator('#bm-0-error').getByText('Say yes, partly or no for each benchmark').waitFor();
    expect(await b.isChecked('input[name="coverage.0.coverage"][value="partly"]')).toBe(true);
    for (const [i] of benchmarks.entries()) {
      await b.check(`input[name="benchmarks.${i}.commitment"][value="${i === 1 ? 'no' : 'yes'}"]`);
    }
    await b.fill('input[name="benchmarks.1.note"]', 'I answer in one batch at the end of the day');
    await b.getByRole('button', { name: 'Send your bid' }).click();
    await b.waitForURL(new RegExp(`/bids/${uuid}\\?sent=1$`));
    bidB = new URL(b.url()).pathname.split('/')[2]!;
    expect(bidB).not.toBe(bidA);
    // Writing in the thread is a plain form too.
    await b.fill('#message-body', 'Happy to start next week.');
    await b.getByRole('button', { name: 'Send message' }).click();
    await b.waitForURL(`${base}/bids/${bidB}#messages`);
    await b.locator('#messages .message', { hasText: 'Happy to start next week.' }).waitFor();
  });

  it('provider A cannot open B’s bid or its messages', async () => {
    const response = await a.goto(`${base}/bids/${bidB}`);
    expect(response?.status()).toBe(404);
    await a.getByRole('heading', { name: 'We can’t find that page' }).waitFor();
    expect(await a.content()).not.toContain('Bookkeeper by trade');
    const thread = await a.evaluate(
      async (url) => (await fetch(url)).status,
      `${base}/bids/${bidB}/messages`,
    );
    expect(thread).toBe(404);
  });

  it('the owner compares, sorts by price, declines one, filters, shortlists A and messages A, who answers without a reload', async () => {
    await owner.goto(`${base}/jobs/${jobId}/bids`);
    const names = owner.locator('.wide-only thead .name');
    await expect.poll(() => names.allTextContents()).toEqual([nameB, nameA, nameC]);
    await owner.selectOption('#compare-sort', 'price');
    await owner.waitForURL(/sort=price/);
    await expect.poll(() => names.allTextContents()).toEqual([nameA, nameC, nameB]);

    // Decline C with a reason, from C's column.
    const actionsOfC = owner.locator('.wide-only tbody tr').last().locator('td').nth(1);
    await actionsOfC.getByText('Decline…').click();
    await actionsOfC
      .locator('textarea[name="reason"]')
      .fill('We need someone on the phones in our time zone.');
    await actionsOfC.getByRole('button', { name: `Decline ${nameC}` }).click();
    await owner.locator('.wide-only thead th', { hasText: nameC }).getByText('Declined').waitFor();
    expect(owner.url()).toContain('sort=price');

    await owner.getByRole('button', { name: `Shortlist ${nameA}` }).click();
    await owner.locator('.wide-only thead th', { hasText: nameA }).getByText('Shortlisted').waitFor();

    // One row per benchmark, each bid's commitment in its column (A, C, B by price), notes beside.
    const firstBenchmark = owner.locator('.wide-only tbody tr', {
      has: owner.locator('th', { hasText: benchmarks[0]!.objective }),
    });
    await expect
      .poll(() => firstBenchmark.locator('td .mark').allTextContents())
      .toEqual([
        expect.stringContaining('Partly'),
        expect.stringContaining('Commits'),
        expect.stringContaining('Commits'),
      ]);
    expect(await firstBenchmark.locator('td').first().textContent()).toContain(
      'Within 8 business hours, not 4',
    );
    const secondBenchmark = owner.locator('.wide-only tbody tr', {
      has: owner.locator('th', { hasText: benchmarks[1]!.objective }),
    });
    expect(await secondBenchmark.locator('td').nth(2).textContent()).toContain('Can’t commit');
    const rowNames = await owner.locator('.wide-only tbody th[scope="row"]').allTextContents();
    const at = (text: string) => rowNames.findIndex((name) => name.includes(text));
    // Benchmarks come after the duties.
    expect(at(benchmarks[0]!.objective)).toBeGreaterThan(at(duties.at(-1)!.text));
    await screens(owner, 'compare');
    // A phone gets the same answers on each bid's card, the benchmarks listed under the duties.
    await owner.setViewportSize(phone);
    const cardA = owner.locator('.cards > li', { hasText: nameA });
    const sections = await cardA.locator('section h4').allTextContents();
    expect(sections).toEqual(['Duties', 'Benchmarks']);
    expect(await cardA.locator('section', { hasText: 'Benchmarks' }).textContent()).toContain(
      'Within 8 business hours, not 4',
    );
    await owner.setViewportSize(desktop);

    // Filters are GET parameters: hiding declined bids leaves A and B, still by price.
    await owner.getByLabel('Hide declined and withdrawn').check();
    await owner.waitForURL(/hideInactive=true/);
    await expect.poll(() => names.allTextContents()).toEqual([nameA, nameB]);
    expect(owner.url()).toContain('sort=price');

    // A watches the bid page while the owner writes.
    await a.goto(`${base}/bids/${bidA}`);
    await a.locator('#messages').getByText('No messages yet').waitFor();

    await owner.getByRole('link', { name: new RegExp(`Open bid.*from ${nameA}`) }).click();
    await owner.waitForURL(`${base}/bids/${bidA}#messages`);
    await owner.fill('#message-body', 'Can you start Monday? Our process: https://example.com/onboarding.');
    await owner.getByRole('button', { name: 'Send message' }).click();
    await owner.locator('#messages .message', { hasText: 'Can you start Monday?' }).waitFor();

    // Arrives on A's open page by polling, not by a reload; the address is a link without the full stop.
    const arrived = a.locator('#messages .message', { hasText: 'Can you start Monday?' });
    await arrived.waitFor({ timeout: 15_000 });
    await arrived.locator('a[href="https://example.com/onboarding"]').waitFor();

    await a.fill('#message-body', 'Yes, Monday works.');
    await a.getByRole('button', { name: 'Send message' }).click();
    await a.locator('#messages .message', { hasText: 'Monday works' }).waitFor();
    const markup = '<b>x</b> <script>window.__pwned = 1</script>';
    await a.fill('#message-body', markup);
    await a.getByRole('button', { name: 'Send message' }).click();
    const literal = a.locator('#messages .message .body', { hasText: '<b>x</b>' });
    await literal.waitFor();
    expect(await literal.textContent()).toBe(markup);
    expect(await a.locator('#messages .body b').count()).toBe(0);
    expect(await a.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    await owner.locator('#messages .message', { hasText: 'Monday works' }).waitFor({ timeout: 15_000 });
    await owner.locator('#messages .message .body', { hasText: '<b>x</b>' }).waitFor({ timeout: 15_000 });
    await screens(owner, 'bid-messages');
  });

  it('the owner hires A; B sees the bid not selected and the job filled', async () => {
    await owner.goto(`${base}/bids/${bidA}`);
    await owner.getByText('Accept and hire').click();
    await owner.getByRole('button', { name: `Yes, hire ${nameA}` }).click();
    await owner.waitForURL(new RegExp(`/engagements/${uuid}\\?hired=1$`));
    await owner.getByRole('heading', { level: 1, name: jobTitle }).waitFor();
    const engagement = (await owner.textContent('main')) ?? '';
    expect(engagement).toContain(`You hired ${nameA}`);
    expect(engagement).toContain('$26/h');
    expect(engagement).toContain(duties[0]!.text);
    await screens(owner, 'engagement');

    await b.goto(`${base}/bids/${bidB}`);
    const status = b.locator('section[aria-labelledby="decisions-title"]');
    await status.getByText('Not selected').waitFor();
    await status.getByText('Job: Filled').waitFor();
    expect(await b.locator('#messages .closed').textContent()).toContain('closed');
    // The bid form now leads to the bid itself: the job takes no more bids.
    await b.goto(`${base}/jobs/${jobId}/bid`);
    await b.waitForURL(`${base}/bids/${bidB}`);

    await b.goto(`${base}/feed/invitations`);
    await b.locator('article', { hasText: jobTitle }).getByText('Your bid: Not selected').waitFor();
    // The pictures need a browser that runs scripts: B again, in one.
    const pictures = await freshPage();
    await logIn(pictures, base, emails.b, password);
    await pictures.waitForURL(`${base}/dashboard`);
    await pictures.goto(`${base}/feed/invitations`);
    await screens(pictures, 'invitations');

    await a.goto(`${base}/engagements`);
    await a.getByRole('link', { name: jobTitle }).waitFor();
    await screens(a, 'engagements');
    await a.goto(`${base}/bids?status=accepted`);
    await a.getByRole('link', { name: jobTitle }).waitFor();
    await a.goto(`${base}/bids`);
    await screens(a, 'bids');

    // The dashboard's provider panel sums it up: bids by status, the engagement.
    await a.goto(`${base}/dashboard`);
    const panel = a.locator('section[aria-labelledby="provider-title"]');
    await panel.getByRole('heading', { name: 'Your work' }).waitFor();
    await panel.getByRole('link', { name: jobTitle }).first().waitFor();
    expect(await panel.textContent()).toContain('1 accepted');
    await screens(a, 'dashboard');
  });

  it('stays readable with thirty bids: the grid scrolls sideways with the duties in view, a phone gets cards', async () => {
    const job = await publishedJob(ownerToken, `Front desk cover ${stamp}`);
    const levels = ['yes', 'partly', 'no'] as const;
    const bidder = async (i: number) => {
      const token = await signUp(`Desk Person ${i}`, `desk.${i}.${stamp}@example.test`, 'provider');
      await publishedProvider(token, `Desk ${i + 1} ${stamp}`, 'customer-service', 'retail', 'Answer calls');
      await call(`/job-posts/${job.id}/bids`, {
        method: 'POST',
        token,
        body: {
          price: 20 + ((i * 7) % 30),
          priceBasis: 'hourly',
          currency: 'USD',
          coverNote: `Desk ${i + 1}: eight years on busy front desks.`,
          coverage: job.duties.map((d, k) => ({
            dutyId: d.id,
            coverage: levels[(i + k) % 3],
            note: k === 0 ? 'Weekdays, 8 to 6 Eastern' : '',
          })),
          benchmarks: job.benchmarks.map((m, k) => ({
            benchmarkId: m.id,
            commitment: levels[(i + k + 1) % 3],
            note: k === 0 && i % 4 === 0 ? 'Within one business day' : '',
          })),
        },
      });
    };
    for (let start = 0; start < 30; start += 6) {
      await Promise.all([0, 1, 2, 3, 4, 5].map((n) => bidder(start + n)));
    }

    await owner.goto(`${base}/jobs/${job.id}/bids?sort=price`);
    await expect.poll(() => owner.locator('.wide-only thead .name').count()).toBe(30);
    const scroller = owner.locator('.scroller');
    expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    // The duty names stay put while the bids scroll past them.
    const rowName = owner.locator('.wide-only tbody th[scope="row"]').nth(4);
    const before = await rowName.boundingBox();
    await scroller.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(1000);
    expect((await rowName.boundingBox())?.x).toBe(before?.x);
    await scroller.evaluate((el) => el.scrollTo({ left: 0 }));
    await screens(owner, 'compare-30');
    await owner.setViewportSize(phone);
    expect(await owner.locator('.cards > li').count()).toBe(30);
    await owner.setViewportSize(desktop);
  });
});
