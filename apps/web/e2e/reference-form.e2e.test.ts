import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { call, FIXTURE_PASSWORD, publishedJob, signUpByApi } from './api-fixtures.ts';
import { browserPages, desktop } from './browser.ts';
import { logIn } from './journey.ts';
import { answerAll, group, pick, pickScore } from './reference-form-fill.ts';

// A reference customer answers the e-mailed form on a phone without JavaScript (draft, errors,
// sending), a second one declines for good, and an operator clears and rejects held answers.

const chromiumPath = inject('chromium');
const base = inject('webUrl');
const stamp = Date.now().toString(36);
const outDir = fileURLToPath(new URL('../../../test-output/', import.meta.url));
const phone = { width: 360, height: 740 };
const providerName = `Keystone Desk ${stamp}`;
const site = `keystone-${stamp}.example`;
const contacts = {
  ana: { name: 'Ana Whitfield', email: `ana@acme-realty-${stamp}.example`, company: `Acme Realty ${stamp}` },
  ben: { name: 'Ben Ortiz', email: `ben@harbor-homes-${stamp}.example`, company: `Harbor Homes ${stamp}` },
  // Shares the provider's website domain: the answer is held for an operator.
  cat: { name: 'Cat Moreno', email: `cat@${site}`, company: `Lakeside Lettings ${stamp}` },
};
type Who = keyof typeof contacts;

async function save(page: Page, name: string) {
  mkdirSync(outDir, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(outDir, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/** No sideways scrolling at the page's width. */
async function fitsWidth(page: Page) {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(scroll).toBeLessThanOrEqual(client);
}

async function mailedToken(email: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const { messages } = await call<{ messages: { id: string; subject: string }[] }>(
      `/dev/mailbox?to=${encodeURIComponent(email)}`,
    );
    const mail = messages.find((m) => /reference request/i.test(m.subject));
    if (mail) {
      const { text } = await call<{ text: string }>(`/dev/mailbox/${mail.id}`);
      const token = /\/r\/([0-9a-f-]{36}\.[A-Za-z0-9_-]+)/.exec(text)?.[1];
      if (token) return token;
    }
    if (Date.now() > deadline) throw new Error(`no reference e-mail for ${email}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe.skipIf(!chromiumPath)('reference form in Chromium', () => {
  const newPage = browserPages(chromiumPath);
  const tokens = {} as Record<Who, string>;
  let dutyCount = 0;
  let providerToken = '';
  let providerId = '';

  it('sets up a shortlisted bid whose owner asked for references, and the provider’s three contacts', async () => {
    const ownerToken = await signUpByApi('Olive Owner', `olive.${stamp}@example.test`, 'owner');
    providerToken = await signUpByApi('Kay Stone', `kay.${stamp}@example.test`, 'provider');
    const job = (await publishedJob(ownerToken, `Front desk ${stamp}`)) as unknown as {
      id: string;
      duties: { id: string; text: string }[];
      benchmarks: { id: string }[];
    };
    dutyCount = job.duties.length;
    const profile = await call<{ id: string }>('/providers', {
      method: 'POST',
      token: providerToken,
      body: {
        name: providerName,
        kind: 'freelancer',
        headline: 'Front desk and tenant calls for brokerages',
        bio: 'Ten years of answering customers for small real-estate firms, on time and in your voice.',
        functions: [{ slug: 'customer-service', customDuties: ['Answer every message the same day'] }],
        industries: ['real-estate'],
        rateMin: 20,
        rateMax: 45,
        languages: ['en'],
        timezone: 'America/New_York',
        country: 'US',
        website: `https://${site}`,
        references: Object.values(contacts).map((c) => ({
          ...c,
          role: 'Office manager',
          period: { from: '2023-02', to: null },
          function: 'customer-service',
          duties: ['Answer every message the same day'],
        })),
      },
    });
    providerId = profile.id;
    await call(`/providers/${profile.id}/publish`, { method: 'POST', token: providerToken });
    const bid = await call<{ id: string }>(`/job-posts/${job.id}/bids`, {
      method: 'POST',
      token: providerToken,
      body: {
        price: 30,
        priceBasis: 'hourly',
        currency: 'USD',
        coverNote: 'Six brokerages already rely on us for calls and showings.',
        coverage: job.duties.map((d) => ({ dutyId: d.id, coverage: 'yes', note: '' })),
        benchmarks: job.benchmarks.map((m) => ({ benchmarkId: m.id, commitment: 'yes' })),
      },
    });
    await call(`/bids/${bid.id}/shortlist`, { method: 'POST', token: ownerToken });
    await call(`/bids/${bid.id}/reference-ask`, { method: 'POST', token: ownerToken });
    const { references } = await call<{ references: { id: string }[] }>(`/providers/${profile.id}`, {
      token: providerToken,
    });
    await call(`/bids/${bid.id}/reference-requests`, {
      method: 'POST',
      token: providerToken,
      body: { contactIds: references.map((r) => r.id) },
    });
    for (const who of Object.keys(contacts) as Who[]) tokens[who] = await mailedToken(contacts[who].email);
  });

  it('a contact on a phone without JavaScript saves a draft, comes back to it, fixes what is missing and sends', async () => {
    const page = await newPage({ viewport: phone, javaScriptEnabled: false });
    await page.goto(`${base}/r/${tokens.ana}`);
    await page.getByRole('heading', { name: `How did ${providerName} do?` }).waitFor();
    expect(await page.inputValue('#field-company')).toBe(contacts.ana.company);
    expect(await page.isChecked('input[name="ongoing"]')).toBe(true);
    expect(await page.locator('fieldset[id^="duty-"]').count()).toBe(dutyCount);
    await fitsWidth(page);

    // Part of it, then "Save draft": the page comes back from the saved draft.
    await page.selectOption('#field-industry', 'real-estate');
    await page.fill('#field-role', 'Office manager and broker');
    await pick(page, 'duty.0.performed', 'Yes');
    await pickScore(page, 'duty.0.quality', 4);
    await page.fill('[id="field-duty.0.example"]', 'Picked up every call by the third ring.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\?saved=1$/);
    await page.getByText('Draft saved.').waitFor();
    await page.goto(`${base}/r/${tokens.ana}`);
    expect(await page.inputValue('#field-industry')).toBe('real-estate');
    expect(await page.inputValue('#field-role')).toBe('Office manager and broker');
    expect(await group(page, 'duty.0.quality').getByRole('radio', { name: '4' }).isChecked()).toBe(true);
    expect(await page.inputValue('[id="field-duty.0.example"]')).toContain('third ring');
    await save(page, 'reference-form-360');

    // Sent half-done: the schema's messages beside the questions, and what was typed is kept.
    await page.getByRole('button', { name: 'Send feedback' }).click();
    await page.getByRole('alert').waitFor();
    await page.locator('[id="field-communication-error"]').waitFor();
    await page.locator('[id="field-duty.0.timeliness-error"]').getByText('how timely').waitFor();
    expect(await group(page, 'communication').getAttribute('aria-describedby')).toContain(
      'field-communication-error',
    );
    expect(await page.inputValue('#field-role')).toBe('Office manager and broker');
    await save(page, 'reference-form-360-errors');

    await answerAll(page, dutyCount);
    await page.fill('#field-advice', 'Share your showing calendar with them on day one.');
    await page.fill('#field-privateNote', 'We are friends outside work.');
    await page.getByRole('button', { name: 'Send feedback' }).click();
    await page.waitForURL(`${base}/r/thanks?asked=bid`);
    await page.getByRole('heading', { name: /Thank you/ }).waitFor();
    expect(await page.textContent('main, body')).toContain('the business owner who asked');
    await fitsWidth(page);
    await save(page, 'reference-thanks-360');

    // The link is used now; an altered one is not ours.
    await page.goto(`${base}/r/${tokens.ana}`);
    await page.getByRole('heading', { name: 'This link no longer works' }).waitFor();
    await page.getByText('already answered').waitFor();
    const tampered = `${tokens.ana.slice(0, -3)}${tokens.ana.endsWith('abc') ? 'xyz' : 'abc'}`;
    const res = await page.goto(`${base}/r/${tampered}`);
    expect(res?.status()).toBe(404);
    await page.getByRole('heading', { name: 'This link doesn’t work' }).waitFor();
    await page.getByText('whole link').first().waitFor();
    await save(page, 'reference-invalid-link-360');
  });

  it('another contact declines and opts out; nothing happens on opening the decline page', async () => {
    const page = await newPage({ viewport: phone, javaScriptEnabled: false });
    await page.goto(`${base}/r/${tokens.ben}/decline`);
    await page.goto(`${base}/r/${tokens.ben}/decline`);
    await page.getByRole('button', { name: 'Decline this request' }).waitFor();
    await fitsWidth(page);
    await save(page, 'reference-decline-360');
    await page
      .getByRole('button', { name: `Decline and never e-mail me about ${providerName} again` })
      .click();
    await page.waitForURL(`${base}/r/declined?optOut=1`);
    await page.getByText('You will not get any more e-mails about this provider').waitFor();
    await save(page, 'reference-declined-360');
    const res = await page.goto(`${base}/r/${tokens.ben}`);
    expect(res?.status()).toBe(410);
    await page.getByText('This request was declined').waitFor();
  });

  it('a contact at the provider’s own domain answers at desktop width; the answer is held', async () => {
    const page = await newPage();
    await page.goto(`${base}/r/${tokens.cat}`);
    await page.selectOption('#field-industry', 'real-estate');
    await answerAll(page, dutyCount);
    await page.fill('#field-privateNote', 'I used to work with Kay.');
    await save(page, 'reference-form-1280');
    await page.getByRole('button', { name: 'Send feedback' }).click();
    await page.waitForURL(`${base}/r/thanks?asked=bid`);
  });

  it('an operator rejects one held answer with a reason and clears another; others cannot see the queue', async () => {
    const provider = await newPage();
    await logIn(provider, base, `kay.${stamp}@example.test`, FIXTURE_PASSWORD);
    await provider.waitForURL(`${base}/dashboard`);
    const denied = await provider.goto(`${base}/admin/references`);
    expect(denied?.status()).toBe(403);

    // The provider asks for its profile and opens the link itself, signed in: the api is told who it is.
    const dee = {
      name: 'Dee Quill',
      email: `dee@quill-office-${stamp}.example`,
      company: `Quill Office ${stamp}`,
    };
    await call(`/providers/${providerId}/reference-requests`, {
      method: 'POST',
      token: providerToken,
      body: {
        add: [
          {
            ...dee,
            role: 'Owner',
            period: { from: '2022-05', to: '2024-01' },
            function: 'customer-service',
            duties: ['Answer every message the same day'],
          },
        ],
      },
    });
    await provider.goto(`${base}/r/${await mailedToken(dee.email)}`);
    expect(await provider.inputValue('#field-periodTo')).toBe('2024-01');
    await provider.selectOption('#field-industry', 'retail');
    const duties = await provider.locator('fieldset[id^="duty-"]').count();
    await answerAll(provider, duties);
    await provider.getByRole('button', { name: 'Send feedback' }).click();
    await provider.waitForURL(`${base}/r/thanks?asked=profile`);

    const op = await newPage();
    await op.goto(`${base}/admin/references`);
    await logIn(op, base, 'admin@demo.handoff.test', 'handoff-demo-2026');
    await op.waitForURL(`${base}/admin/references`);
    const cat = op.locator('article', { hasText: contacts.cat.company });
    const ana = op.locator('article', { hasText: contacts.ana.company });
    await cat.getByText('Provider’s own e-mail domain').waitFor();
    const self = op.locator('article', { hasText: `Quill Office ${stamp}` });
    await self.getByText('Answered by the provider').waitFor();
    expect(await self.textContent()).toContain('signed in as a member of the provider');
    expect(await cat.textContent()).toContain(contacts.cat.email);
    expect(await cat.textContent()).toContain('I used to work with Kay.');
    expect(await cat.getByRole('link', { name: providerName }).getAttribute('href')).toMatch(
      /^\/providers\//,
    );
    await save(op, 'operator-references-1280');
    await op.setViewportSize(phone);
    await fitsWidth(op);
    await save(op, 'operator-references-360');
    await op.setViewportSize(desktop);

    // Rejecting needs a reason; the reason is kept with the message beside it.
    await cat.getByRole('button', { name: 'Reject' }).click();
    await op.locator('article', { hasText: contacts.cat.company }).locator('.field-error').waitFor();
    expect(await cat.locator('.field-error').textContent()).toContain('Give the provider a reason');
    await cat.locator('textarea[name="reason"]').fill('The reference works for the provider’s own firm.');
    await cat.getByRole('button', { name: 'Reject' }).click();
    await op.waitForURL(`${base}/admin/references?done=rejected`);
    expect(await cat.count()).toBe(0);

    await ana.getByRole('button', { name: /Clear/ }).click();
    await op.waitForURL(`${base}/admin/references?done=cleared`);
    expect(await ana.count()).toBe(0);
  });
});
