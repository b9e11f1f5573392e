import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import {
  call,
  FIXTURE_PASSWORD,
  fullBid,
  publishedJob,
  publishedProvider,
  signUpByApi,
} from './api-fixtures.ts';
import { browserPages, shot } from './browser.ts';
import { logIn, waitForMail } from './journey.ts';

const chromiumPath = inject('chromium');
const base = inject('webUrl');
const stamp = Date.now().toString(36);
const output = (name: string) => fileURLToPath(new URL(`../../../test-output/${name}`, import.meta.url));

interface Job {
  id: string;
  duties: { id: string; text: string }[];
  benchmarks: { id: string; objective: string }[];
}

/**
 * The api's embedded database, over its socket: months cannot pass in a browser test, so the test
 * moves the review's due date to now and back-dates past reviews, as time would have.
 */
async function database() {
  const tmp = inject('apiTmpDir');
  const dir = readdirSync(tmp).find((d) => d.startsWith('handoff-db-'));
  if (!dir) throw new Error(`no embedded database socket under ${tmp}`);
  const client = new pg.Client({ host: join(tmp, dir), port: 5432, user: 'postgres', database: 'postgres' });
  await client.connect();
  return client;
}

async function hire(ownerToken: string, providerName: string, who = 'pam') {
  const job = await publishedJob(ownerToken, `Phones for a brokerage ${stamp}`);
  const detail = await call<Job>(`/job-posts/${job.id}`, { token: ownerToken });
  const providerToken = await signUpByApi('Pam Provider', `${who}.reviews.${stamp}@example.test`, 'provider');
  await publishedProvider(providerToken, providerName);
  const bid = await fullBid(providerToken, detail, 28, 'Eight years on busy front desks for brokerages.');
  const engagement = await call<{ id: string }>(`/bids/${bid.id}/accept`, {
    method: 'POST',
    token: ownerToken,
  });
  return { engagementId: engagement.id, job: detail };
}

/** A past review through the api, then dated `monthsAgo` back, as if submitted then. */
async function pastReview(
  db: pg.Client,
  token: string,
  id: string,
  job: Job,
  results: string[],
  monthsAgo: number,
) {
  const review = await call<{ id: string }>(`/engagements/${id}/reviews`, {
    method: 'POST',
    token,
    body: {
      benchmarks: job.benchmarks.map((b, i) => ({
        benchmarkId: b.id,
        result: results[i % results.length],
        actual: '',
      })),
      duties: job.duties.map((d) => ({ dutyId: d.id, score: 4, note: '' })),
      decision: results.includes('missed') ? 'improve' : 'keep',
      note: 'Quarterly check.',
      improvements: results.includes('missed') ? 'Answer more calls live.' : '',
    },
  });
  const { rows } = await db.query<{ at: Date }>(
    `UPDATE engagement_reviews SET submitted_at = now() - make_interval(months => $2),
       due_date = (now() - make_interval(months => $2))::date WHERE id = $1 RETURNING submitted_at AS at`,
    [review.id, monthsAgo],
  );
  // The engagement remembers its last review's moment (what the next submission compares against).
  await db.query(`UPDATE engagement_review_schedules SET last_reviewed_at = $2 WHERE engagement_id = $1`, [
    id,
    rows[0]!.at,
  ]);
}

describe.skipIf(!chromiumPath)('engagement reviews and switching, in Chromium', () => {
  const freshPage = browserPages(chromiumPath);

  it('a review reminder leads to the form; "replace" leads to re-posting the job with its duties', async () => {
    const ownerEmail = `owner.reviews.${stamp}@example.test`;
    const ownerToken = await signUpByApi('Rhea Owner', ownerEmail, 'owner');
    const providerName = `Ring Desk ${stamp}`;
    const { engagementId: id, job } = await hire(ownerToken, providerName);

    const db = await database();
    try {
      await pastReview(db, ownerToken, id, job, ['met', 'partly'], 6);
      await pastReview(db, ownerToken, id, job, ['missed', 'met'], 3);
      // Three months on: the next review falls due now, and the hourly scan runs.
      await db.query(
        `UPDATE engagement_review_schedules SET next_due = CURRENT_DATE, next_reminder_at = now(), reminders_sent = 0 WHERE engagement_id = $1`,
        [id],
      );
      await db.query(
        `INSERT INTO outbox (name, payload, max_attempts) VALUES ('engagements.review-reminders', '{}', 3)`,
      );
    } finally {
      await db.end();
    }

    const page = await freshPage();
    // The e-mail arrives in the dev mailbox...
    await waitForMail(page, base, ownerEmail, `Time to review ${providerName}`);
    // ...and the notification leads the owner to the review form.
    await logIn(page, base, ownerEmail, FIXTURE_PASSWORD);
    await page.waitForURL(`${base}/dashboard`);
    await page.goto(`${base}/notifications`);
    const reminder = page.locator('li.item', { hasText: `Time to review ${providerName}` });
    await reminder.getByRole('link', { name: 'Open' }).click();
    await page.waitForURL(`${base}/engagements/${id}/review`);

    // Submitting without a decision: the form says which field, and keeps what was chosen.
    const form = page.locator('form.form-stack');
    for (let i = 0; i < job.benchmarks.length; i++) {
      await form.locator(`input[name="benchmarks.${i}.result"][value="missed"]`).check();
      await form.locator(`input[name="benchmarks.${i}.actual"]`).fill(`${70 + i}%`);
    }
    for (let i = 0; i < job.duties.length; i++) {
      await form.locator(`input[name="duties.${i}.score"][value="2"]`).check();
    }
    await page.getByRole('button', { name: 'Submit the review' }).click();
    await page.getByText('Choose keep, improve or replace').waitFor();
    expect(await form.locator('input[name="benchmarks.0.result"][value="missed"]').isChecked()).toBe(true);

    await form.locator('input[name="decision"][value="replace"]').check();
    await form.locator('textarea[name="note"]').fill('Calls kept going to voicemail; we are moving on.');
    await page.getByRole('button', { name: 'Submit the review' }).click();
    await page.waitForURL(`${base}/engagements/${id}/switch?replace=1`);
    // Alternatives for the same function and industry (the seeded providers with verified
    // references rank first), never the provider being replaced.
    const cards = page.locator('section[aria-labelledby="alternatives-title"] li');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(4);
    expect(await cards.allTextContents()).not.toContain(expect.stringContaining(providerName));
    await shot(page, 'engagement-switch');

    // The engagement page: two missed in a row, the trend of three reviews, at 1280 and 360 wide.
    await page.goto(`${base}/engagements/${id}`);
    await page.getByText(`${providerName} missed benchmarks in your last two reviews.`).waitFor();
    await page.locator('table caption', { hasText: 'Benchmark results by review' }).waitFor();
    expect(await page.locator('table:has(caption) tbody tr').count()).toBe(3);
    await page.screenshot({ path: output('engagement-trend-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 360, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: output('engagement-trend-360.png'), fullPage: true });
    await page.locator('#schedule').screenshot({ path: output('engagement-trend-360-reviews.png') });
    await page.setViewportSize({ width: 1280, height: 800 });

    // Re-post in one step: the job editor opens on a new draft with the duties copied.
    await page.goto(`${base}/engagements/${id}/switch`);
    await page.getByRole('button', { name: 'Re-post as a new draft' }).click();
    await page.waitForURL(/\/jobs\/[0-9a-f-]+\/edit$/);
    const newId = page.url().split('/jobs/')[1]!.split('/')[0]!;
    expect(newId).not.toBe(job.id);
    const texts = await page
      .locator('input[name^="duties."][name$=".text"]')
      .evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));
    expect(texts.filter(Boolean)).toEqual(job.duties.map((d) => d.text));
    const draft = await call<{ status: string }>(`/job-posts/${newId}`, { token: ownerToken });
    expect(draft.status).toBe('draft');
  });

  it('without JavaScript: the cadence form, review now, and a review with a missing answer', async () => {
    const ownerEmail = `owner.nojs.${stamp}@example.test`;
    const ownerToken = await signUpByApi('Nora NoScript', ownerEmail, 'owner');
    const providerName = `Plain Desk ${stamp}`;
    const { engagementId: id } = await hire(ownerToken, providerName, 'pia');
    const page = await freshPage({ javaScriptEnabled: false });
    await logIn(page, base, ownerEmail, FIXTURE_PASSWORD);
    await page.waitForURL(`${base}/dashboard`);
    await page.goto(`${base}/engagements/${id}`);

    await page.selectOption('select[name="cadence"]', 'half-yearly');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Review schedule saved.').waitFor();
    expect(await page.locator('select[name="cadence"]').inputValue()).toBe('half-yearly');

    await page.getByRole('button', { name: 'Review now' }).click();
    await page.waitForURL(`${base}/engagements/${id}/review`);
    await page.locator('input[name="decision"][value="keep"]').check();
    await page.getByRole('button', { name: 'Submit the review' }).click();
    await page
      .getByText(/Choose met, partly or missed/)
      .first()
      .waitFor();
    expect(await page.locator('input[name="decision"][value="keep"]').isChecked()).toBe(true);
    const overview = await call<{ reviews: unknown[] }>(`/engagements/${id}/reviews`, { token: ownerToken });
    expect(overview.reviews).toEqual([]);
  });
});
