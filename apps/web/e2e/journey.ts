import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { desktop, shot, shotsDir } from './browser.ts';

export { desktop };
const mobile = { width: 390, height: 844 };

/** The same page at 1280 and at 390 wide: `NN-name.png` and `NN-name-mobile.png`. */
export async function shots(page: Page, name: string): Promise<void> {
  await shot(page, name);
  await page.setViewportSize(mobile);
  await shot(page, `${name}-mobile`);
  await page.setViewportSize(desktop);
}

/**
 * The whole page in one image with the window as tall as the page, so the editor's floating save bar
 * sits where it rests (under the form) instead of over whatever the first screen ends on.
 */
export async function tallShots(page: Page, name: string): Promise<void> {
  mkdirSync(shotsDir, { recursive: true });
  for (const [width, suffix] of [
    [desktop.width, ''],
    [mobile.width, '-mobile'],
  ] as const) {
    await page.setViewportSize({ width, height: 800 });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width, height });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(shotsDir, `${name}${suffix}.png`) });
  }
  await page.setViewportSize(desktop);
}

export async function logIn(page: Page, base: string, email: string, password: string): Promise<void> {
  if (!page.url().includes('/login')) await page.goto(`${base}/login`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

/**
 * Signs up as a person does: fills in the sign-up form the page shows (a role or ?next may be in its
 * URL), submits it, opens the "Finish signing up" e-mail in the dev mailbox, follows its link and
 * presses the button there. Ends signed in, wherever sign-up lands (the dashboard, or `?next`).
 */
export async function signUp(page: Page, name: string, email: string, password: string): Promise<void> {
  await page.fill('input[name="name"]', name);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await finishSignUp(page, email);
}

/** From the "Check your e-mail" page: opens the e-mailed link and finishes the sign-up. */
export async function finishSignUp(page: Page, email: string): Promise<void> {
  await page.getByRole('heading', { name: 'Check your e‑mail' }).waitFor();
  const base = new URL(page.url()).origin;
  const mail = await waitForMail(page, base, email, 'Finish signing up for Handoff');
  await mail.click();
  await page.waitForURL(/\/dev\/mailbox\/[0-9a-f-]{36}$/);
  // A click inside the sandboxed frame navigates the whole tab, as from a mail client.
  await mailLink(page, 'Finish signing up').click();
  await page.waitForURL(/\/signup\/confirm\?token=/);
  await page.getByRole('button', { name: 'Finish signing up' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signup'));
}

/** What the header's bell says: "Notifications" or "Notifications, 2 unread". */
export const bellLabel = (page: Page) =>
  page.locator('.site-header a[href="/notifications"]').getAttribute('aria-label');

/**
 * Opens the dev mailbox filtered to `to` until `count` messages called `subject` are there. Jobs run
 * in the api's process within a second or two, so this polls for a bounded time instead of sleeping.
 */
export async function waitForMail(page: Page, base: string, to: string, subject: string, count = 1) {
  const links = page.locator('.list a', { hasText: subject });
  const deadline = Date.now() + 15_000;
  for (;;) {
    await page.goto(`${base}/dev/mailbox?to=${encodeURIComponent(to)}`);
    if ((await links.count()) >= count) return links.first();
    if (Date.now() > deadline) throw new Error(`no "${subject}" mail for ${to} after 15 s`);
    await page.waitForTimeout(250);
  }
}

/** The link inside the mail's sandboxed iframe whose text is `name`. */
export const mailLink = (page: Page, name: string) =>
  page.frameLocator('iframe').getByRole('link', { name, exact: true });

/**
 * Signs an unsubscribe link the way the api's mailer does (packages/core/src/links.ts), so the test can
 * unsubscribe from a kind that is not e-mailed by default and so never arrives in the mailbox.
 */
export function signedUnsubscribe(base: string, secret: string, userId: string, kind: string): string {
  const key = createHmac('sha256', secret).update('handoff/link-signing/v1').digest();
  const s = createHmac('sha256', key).update(['unsubscribe', userId, kind].join('\n')).digest('base64url');
  return `${base}/notifications/unsubscribe?${new URLSearchParams({ u: userId, k: kind, s })}`;
}
