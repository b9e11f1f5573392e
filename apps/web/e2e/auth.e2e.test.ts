import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, signUpLinkToken } from './api-fixtures.ts';
import { launch, shot } from './browser.ts';
import { mailLink, waitForMail } from './journey.ts';

/** The page at 1280 and at 360 px wide: `name.png` and `name-360.png`. */
async function bothWidths(page: Page, name: string): Promise<void> {
  await shot(page, name);
  await page.setViewportSize({ width: 360, height: 760 });
  await shot(page, `${name}-360`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

const chromiumPath = inject('chromium');
const base = inject('webUrl');
const email = `e2e.${Date.now().toString(36)}@example.test`;
const password = 'a-long-enough-password';

describe.skipIf(!chromiumPath)('account journey in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch(chromiumPath!);
  });
  afterAll(() => browser?.close());

  it('signs up, lands on the dashboard, logs out and logs in again', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(base);
    await expect(page.locator('h1').first().textContent()).resolves.toBeTruthy();
    await shot(page, '01-landing');

    await page.goto(`${base}/signup`);
    await page.fill('input[name="name"]', 'Grace Hopper');
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', 'short');
    await page.check('input[name="role"][value="both"]', { force: true });
    await page.getByRole('button', { name: 'Create account' }).click();
    // Bad input: stays on the form, says why next to the field, keeps the values.
    await page.waitForSelector('text=at least 10 characters');
    expect(await page.inputValue('input[name="email"]')).toBe(email);
    await shot(page, '02-signup-error');

    await page.fill('input[name="password"]', password);
    await page.getByRole('button', { name: 'Create account' }).click();
    // Nothing exists yet: the page names the address and says what to do if no mail comes.
    await page.getByRole('heading', { name: 'Check your e‑mail' }).waitFor();
    const checkEmail = await page.textContent('main');
    expect(checkEmail).toContain(`We sent a link to ${email}. Open it within 24 hours`);
    expect(checkEmail).toMatch(/spam/);
    expect(await page.getByRole('link', { name: 'Open the dev mailbox' }).isVisible()).toBe(true);
    await bothWidths(page, '02b-signup-check-email');

    // The e-mail, opened in the dev mailbox as from a mail client; its link shows a button only.
    const mail = await waitForMail(page, base, email, 'Finish signing up for Handoff');
    await mail.click();
    await page.waitForURL(/\/dev\/mailbox\/[0-9a-f-]{36}$/);
    const link = await mailLink(page, 'Finish signing up').getAttribute('href');
    expect(link).toMatch(new RegExp(`^${base}/signup/confirm\\?token=`));
    await mailLink(page, 'Finish signing up').click();
    await page.waitForURL(link!);
    await bothWidths(page, '02c-signup-confirm');
    // Opening it again (a mail scanner's prefetch, say) did not use it: the button still works.
    await page.reload();
    await page.getByRole('button', { name: 'Finish signing up' }).click();
    await page.waitForURL(`${base}/dashboard`);
    await expect(page.locator('h1').textContent()).resolves.toContain('Grace');
    expect(await page.getByText('Confirm your e-mail address').count()).toBe(0);
    // The link a second time says it was used and offers the way in.
    await page.goto(link!);
    await page.getByRole('button', { name: 'Finish signing up' }).click();
    await page.getByText('This link was already used — log in').waitFor();
    await bothWidths(page, '02d-signup-link-used');
    await page.goto(`${base}/dashboard`);
    const body = await page.textContent('body');
    expect(body).toMatch(/owner|hand off/i);
    expect(body).toMatch(/provider|profile/i);
    await shot(page, '03-dashboard');
    // Signed in, the footer offers the account's pages, not a log-in.
    const footer = page.getByRole('navigation', { name: 'Footer' });
    await footer.getByRole('link', { name: 'Dashboard' }).waitFor();
    expect(await footer.getByRole('link', { name: 'Log in' }).count()).toBe(0);
    expect(await footer.getByRole('link', { name: 'Create an account' }).count()).toBe(0);

    const cookies = await page.context().cookies();
    const access = cookies.find((c) => c.name === 'handoff_access');
    expect(access?.httpOnly).toBe(true);

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(`${base}/`);
    await page.goto(`${base}/dashboard`);
    await page.waitForURL(/\/login/);
    await page
      .getByRole('navigation', { name: 'Footer' })
      .getByRole('link', { name: 'Create an account' })
      .waitFor();
    await shot(page, '04-login');

    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', 'wrong-password-here');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForSelector('text=E-mail or password is wrong');

    await page.fill('input[name="password"]', password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${base}/dashboard`);
    await expect(page.locator('h1').textContent()).resolves.toContain('Grace');
    await page.close();
  });

  it('keeps the session across an expired access cookie by refreshing on the server', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${base}/dashboard`);
    await context.clearCookies({ name: 'handoff_access' });
    await page.goto(`${base}/dashboard`);
    await expect(page.locator('h1').textContent()).resolves.toContain('Grace');
    const names = (await context.cookies()).map((c) => c.name);
    expect(names).toContain('handoff_access');
    await context.close();
  });

  it('signs up without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/signup`);
    await page.fill('input[name="name"]', 'No Script');
    await page.fill('input[name="email"]', `nojs.${email}`);
    await page.fill('input[name="password"]', password);
    await page.check('input[name="role"][value="owner"]', { force: true });
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Check your e‑mail' }).waitFor();
    const token = await signUpLinkToken(`nojs.${email}`);
    await page.goto(`${base}/signup/confirm?token=${encodeURIComponent(token)}`);
    await page.getByRole('button', { name: 'Finish signing up' }).click();
    await page.waitForURL(`${base}/dashboard`);
    await expect(page.locator('h1').textContent()).resolves.toContain('No Script');

    // The same link again: it says what happened and what to do.
    await page.goto(`${base}/signup/confirm?token=${encodeURIComponent(token)}`);
    await page.getByRole('button', { name: 'Finish signing up' }).click();
    await page.getByText('This link was already used — log in').waitFor();
    expect(await page.locator('main').getByRole('link', { name: 'Log in' }).count()).toBeGreaterThan(0);
    await context.close();
  });

  it('answers a sign-up with a taken address with the same page, and tells the owner by e-mail', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${base}/signup`);
    await page.fill('input[name="name"]', 'Not Grace');
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', 'someone-elses-password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Check your e‑mail' }).waitFor();
    expect(await page.textContent('main')).toContain(`We sent a link to ${email}. Open it within 24 hours`);
    await waitForMail(page, base, email, 'You already have a Handoff account');
    // Grace's password still works.
    await call('/auth/login', { method: 'POST', body: { email, password } });
    await page.close();
  });
});
