import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, shot } from './browser.ts';

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
    await page.waitForURL(`${base}/dashboard`);
    await expect(page.locator('h1').textContent()).resolves.toContain('Grace');
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
    await page.waitForURL(`${base}/dashboard`);
    await expect(page.locator('h1').textContent()).resolves.toContain('No Script');
    await context.close();
  });
});
