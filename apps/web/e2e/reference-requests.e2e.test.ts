import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { call, FIXTURE_PASSWORD, fullBid, publishedJob, signUpByApi } from './api-fixtures.ts';
import { browserPages, desktop } from './browser.ts';
import { logIn } from './journey.ts';
import { answerAll } from './reference-form-fill.ts';

// An owner shortlists a bid and asks for references; the provider, in its own browser, picks a
// customer from its profile; the customer answers the e-mailed form; the owner reads the result per
// duty on the bid and in the grid, and the public profile counts it.

const chromiumPath = inject('chromium');
const base = inject('webUrl');
const stamp = Date.now().toString(36);
const outDir = fileURLToPath(new URL('../../../test-output', import.meta.url));
const phone = { width: 360, height: 780 };
const emails = {
  owner: `owner.refs.${stamp}@example.test`,
  provider: `provider.refs.${stamp}@example.test`,
  customer: `maya.${stamp}@lakeside-realty.example`,
};
const providerName = `Lakeside Desk ${stamp}`;
const TEMPLATE_DUTY = 'Answer customer emails and chat messages in the shared inbox';

/** `test-output/reference-NAME.png` at 1280 (and `-360` when asked), with nothing wider than a phone. */
async function capture(page: Page, target: Locator | null, name: string, widths: ('1280' | '360')[]) {
  mkdirSync(outDir, { recursive: true });
  for (const width of widths) {
    await page.setViewportSize(width === '360' ? phone : desktop);
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    const path = join(outDir, `reference-${name}${width === '360' ? '-360' : ''}.png`);
    // The sticky site header would otherwise sit over the middle of a tall section's picture.
    const style = '.site-header { position: static !important; }';
    if (target) await target.screenshot({ path, animations: 'disabled', style });
    else await page.screenshot({ path, fullPage: true, animations: 'disabled' });
    if (width === '360') {
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

/**
 * The private link's token from the reference e-mail to `to` asking about a bid (the customer is
 * also asked to vouch for the profile), read from the api's dev mailbox.
 */
async function bidRequestToken(to: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const { messages } = await call<{ messages: { id: string; subject: string }[] }>(
      `/dev/mailbox?to=${encodeURIComponent(to)}`,
    );
    for (const mail of messages.filter((m) => /reference/i.test(m.subject))) {
      const { text } = await call<{ text: string }>(`/dev/mailbox/${mail.id}`);
      const token = /\/r\/([0-9a-f-]{36}\.[A-Za-z0-9_-]+)/.exec(text)?.[1];
      if (!token) continue;
      const form = await call<{ askedFor: string }>(`/reference-forms/${token}`);
      if (form.askedFor === 'bid') return token;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no reference e-mail about a bid to ${to}`);
}

describe.skipIf(!chromiumPath)('reference requests in Chromium', () => {
  const freshPage = browserPages(chromiumPath);
  let owner: Page;
  let provider: Page;
  let bidId = '';
  let jobId = '';
  let slug = '';

  it('sets up an owner’s job and a provider with a reference customer on its profile and a bid', async () => {
    const ownerToken = await signUpByApi('Olive Owner', emails.owner, 'owner');
    const providerToken = await signUpByApi('Pia Provider', emails.provider, 'provider');
    const profile = await call<{ id: string; slug: string }>('/providers', {
      method: 'POST',
      token: providerToken,
      body: {
        name: providerName,
        kind: 'freelancer',
        headline: 'Tenant calls and inboxes for real-estate offices',
        bio: 'Ten years of answering customers for small brokerages, on time and in your voice.',
        functions: [{ slug: 'customer-service', duties: [TEMPLATE_DUTY] }],
        industries: ['real-estate'],
        rateMin: 20,
        rateMax: 45,
        languages: ['en'],
        timezone: 'America/New_York',
        country: 'US',
        references: [
          {
            name: 'Maya Lakeside',
            email: emails.customer,
            company: 'Lakeside Realty',
            role: 'Managing broker',
            period: { from: '2023-02', to: null },
            function: 'customer-service',
            duties: [TEMPLATE_DUTY],
          },
        ],
      },
    });
    await call(`/providers/${profile.id}/publish`, { method: 'POST', token: providerToken });
    slug = profile.slug;
    const job = await publishedJob(ownerToken, `Tenant inbox ${stamp}`);
    jobId = job.id;
    const bid = await fullBid(providerToken, job, 32, 'Brokerage phones are my day job.');
    bidId = bid.id;

    [owner, provider] = [await freshPage(), await freshPage()];
    for (const [page, email] of [
      [owner, emails.owner],
      [provider, emails.provider],
    ] as const) {
      await logIn(page, base, email, FIXTURE_PASSWORD);
      await page.waitForURL(`${base}/dashboard`);
    }
  });

  it('the owner shortlists the bid and asks for references', async () => {
    await owner.goto(`${base}/bids/${bidId}`);
    const section = owner.locator('#references');
    await section.getByText('Shortlist this bid to ask the provider for references.').waitFor();
    await owner.getByRole('button', { name: 'Shortlist', exact: true }).click();
    const ask = section.getByRole('button', { name: 'Ask for references' });
    await ask.waitFor();
    // Said before asking: the provider, not the owner, picks who is asked.
    expect((await section.textContent())?.replace(/\s+/g, ' ')).toContain(
      'picks which of their customers to ask',
    );
    await ask.click();
    await owner.waitForURL(`${base}/bids/${bidId}?asked=1#references`);
    await owner.getByText('You asked for references. The provider has been told').waitFor();
    await section.getByText('to pick which customers to ask', { exact: false }).waitFor();
  });

  it('the provider picks the customer from its profile (and is told when it picked nobody)', async () => {
    await provider.goto(`${base}/bids/${bidId}#references`);
    const section = provider.locator('#references');
    await section.getByText('Maya Lakeside').waitFor();
    await section.getByRole('button', { name: 'E-mail the picked customers' }).click();
    await section.getByText('Pick at least one reference contact, or add one').first().waitFor();
    await section.getByLabel(/Maya Lakeside/).check();
    await section.getByRole('button', { name: 'E-mail the picked customers' }).click();
    await provider.waitForURL(`${base}/bids/${bidId}?requested=1#references`);
    await section.getByText('Lakeside Realty').first().waitFor();
    expect(await section.textContent()).toMatch(/Being e-mailed now|Sent on/);

    // And asks the same customer to vouch for the profile, from its references page.
    await provider.goto(`${base}/provider/references`);
    await provider.getByLabel(/Maya Lakeside/).check();
    await provider.getByRole('button', { name: 'Ask to vouch' }).click();
    await provider.waitForURL(`${base}/provider/references?asked=1`);
    await provider.getByText('1 customer is being e-mailed').waitFor();
  });

  it('the customer opens the e-mailed link on a phone and answers, from their own office', async () => {
    const token = await bidRequestToken(emails.customer);
    // No JavaScript, a phone's screen, and another address than the provider's (through the proxy).
    const page = await freshPage({
      viewport: phone,
      javaScriptEnabled: false,
      extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.77' },
    });
    await page.goto(`${base}/r/${token}`);
    await page.getByRole('heading', { name: `How did ${providerName} do?` }).waitFor();
    expect(await page.inputValue('#field-company')).toBe('Lakeside Realty');
    const duties = await page.locator('fieldset[id^="duty-"]').count();
    await page.selectOption('#field-industry', 'real-estate');
    await answerAll(page, duties);
    await page.fill(
      '[id="field-duty.0.example"]',
      'Every tenant e-mail answered before lunch, even in August.',
    );
    await page.fill('#field-problemsHandled', 'A double-booked showing was sorted out within the hour.');
    await page.fill('#field-advice', 'Give them your listing calendar on day one.');
    await page.fill('#field-privateNote', 'PRIVATE-NOTE-not-for-anyone');
    await page.getByRole('button', { name: 'Send feedback' }).click();
    await page.waitForURL(`${base}/r/thanks?asked=bid`);

    // Nothing tied the answer to the provider: it counts at once, and the provider sees it so.
    await provider.goto(`${base}/bids/${bidId}`);
    await provider.locator('#references').getByText('Verified', { exact: true }).first().waitFor();
    expect(await provider.content()).not.toContain('PRIVATE-NOTE');
  });

  it('the owner reads the verified answer duty by duty, on the bid and in the grid', async () => {
    // Not the same URL with its #references: that would only scroll, not load the page again.
    await owner.goto(`${base}/bids/${bidId}`);
    const section = owner.locator('#references');
    await section.getByText('Verified', { exact: true }).waitFor();
    const text = (await section.textContent()) ?? '';
    for (const words of [
      'Quality 5/5',
      'Timeliness 4/5',
      'Benchmark met',
      'Would hire again',
      'Recommends 9/10',
    ]) {
      expect(text).toContain(words);
    }
    expect(text).toContain('Every tenant e-mail answered before lunch');
    expect(text).toContain('verified by 1 real-estate client');
    expect(text).not.toContain('Maya Lakeside');
    expect(await owner.content()).not.toContain(emails.customer);
    await capture(owner, section, 'bid-owner', ['1280', '360']);

    await owner.goto(`${base}/jobs/${jobId}/bids`);
    const grid = owner.locator('table.compare');
    await grid.getByText('(1 verified answer)').first().waitFor();
    expect(await grid.textContent()).toMatch(/References: quality 5\/5/);
    await capture(owner, owner.locator('.scroller'), 'compare-grid', ['1280']);
  });

  it('the provider’s references page and the public profile show it as verified', async () => {
    await provider.goto(`${base}/provider/references`);
    await provider.getByText('Customer service — verified by 1 real-estate client').waitFor();
    await capture(provider, null, 'provider-page', ['1280']);

    const visitor = await freshPage();
    await visitor.goto(`${base}/providers/${slug}`);
    const refs = visitor.locator('#verified-references');
    await refs.getByText('Customer service — verified by 1 real-estate client').waitFor();
    const text = (await refs.textContent()) ?? '';
    expect(text).toContain('Lakeside Realty');
    expect(text).toContain('Give them your listing calendar on day one.');
    expect((await visitor.locator('.hero').textContent())?.replace(/\s+/g, ' ')).toContain(
      '1 verified reference',
    );
    const html = await visitor.content();
    for (const hidden of ['PRIVATE-NOTE', 'Maya Lakeside', emails.customer])
      expect(html).not.toContain(hidden);
    await capture(visitor, refs, 'public-profile', ['1280', '360']);
  });
});
