import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserPages, desktop, shot, shotsDir } from './browser.ts';
import { finishSignUp, logIn, mailLink, waitForMail } from './journey.ts';

const chromiumPath = inject('chromium');
const base = inject('webUrl');
const stamp = Date.now().toString(36);
const firstEmail = `settings.${stamp}@example.test`;
const newEmail = `settings.new.${stamp}@example.test`;
const firstPassword = 'the-first-long-password';
const newPassword = 'a-second-long-password';

/** The settings page at 1280 and at 360 px wide, the whole page each time. */
async function settingsShots(page: Page, name: string): Promise<void> {
  await shot(page, name);
  await page.setViewportSize({ width: 360, height: 780 });
  await shot(page, `${name}-360`);
  await page.setViewportSize(desktop);
}

const card = (page: Page, id: string) => page.locator(`section#${id}`);

describe.skipIf(!chromiumPath)('account settings in Chromium', () => {
  const newPage = browserPages(chromiumPath);

  it('changes the name, the e-mail, the password, signs out a session and adds the provider role', async () => {
    const page = await newPage();
    await page.goto(`${base}/signup`);
    await page.fill('input[name="name"]', 'Ada Byron');
    await page.fill('input[name="email"]', firstEmail);
    await page.fill('input[name="password"]', firstPassword);
    await page.check('input[name="role"][value="owner"]', { force: true });
    await page.getByRole('button', { name: 'Create account' }).click();
    await finishSignUp(page, firstEmail);
    await page.waitForURL(`${base}/dashboard`);

    // A second browser, signed in as the same person: the password change will sign it out.
    const laptop = await newPage();
    await logIn(laptop, base, firstEmail, firstPassword);
    await laptop.waitForURL(`${base}/dashboard`);

    // The header's account menu and the footer both lead to the page.
    const footer = page.getByRole('navigation', { name: 'Footer' });
    expect(await footer.getByRole('link', { name: 'Account settings' }).getAttribute('href')).toBe(
      '/settings',
    );
    await page.locator('.site-header summary').click();
    await shot(page, '70-account-menu');
    await page.locator('.site-header').getByRole('link', { name: 'Account settings' }).click();
    await page.waitForURL(`${base}/settings`);
    await page.getByRole('heading', { name: 'Account settings', level: 1 }).waitFor();
    expect(await page.locator('.site-header details').getAttribute('open')).toBeNull();

    // Name.
    await card(page, 'name').getByLabel('Your name').fill('Ada King');
    await card(page, 'name').getByRole('button', { name: 'Save name' }).click();
    await page.waitForURL(`${base}/settings?saved=name#name`);
    await card(page, 'name').getByText('Your name is saved.').waitFor();
    expect(await page.locator('.site-header .who-name').textContent()).toBe('Ada King');

    // E-mail: the wrong password is refused in the card, the right one sends the link.
    const email = card(page, 'email');
    await email.getByLabel('New e-mail address').fill(newEmail);
    await email.getByLabel('Current password').fill('not-my-password');
    await email.getByRole('button', { name: 'Send confirmation link' }).click();
    await email.getByText('That is not your current password').first().waitFor();
    expect(await email.getByLabel('New e-mail address').inputValue()).toBe(newEmail);
    await email.getByLabel('Current password').fill(firstPassword);
    await email.getByRole('button', { name: 'Send confirmation link' }).click();
    await page.waitForURL(/\/settings\?saved=email/);
    await email.getByText(`Waiting for you to confirm ${newEmail}`).waitFor();
    expect(await email.textContent()).toContain(`You log in with ${firstEmail}`);

    const mail = await waitForMail(page, base, newEmail, 'Confirm your new e-mail address for Handoff');
    await mail.click();
    await mailLink(page, 'Use this address').click();
    await page.waitForURL(/\/confirm-email-change\?token=/);
    await shot(page, '71-confirm-email-change');
    await page.getByRole('button', { name: 'Use this address' }).click();
    await page.waitForURL(`${base}/settings?saved=email-confirmed#email`);
    await email.getByText('Your new e-mail address is confirmed and in use.').waitFor();
    expect(await email.textContent()).toContain(`You log in with ${newEmail}`);
    // The old address is told, with a way back.
    await waitForMail(page, base, firstEmail, 'Your Handoff e-mail address was changed');
    await page.goto(`${base}/settings`);

    // Password: this browser stays signed in, the other one is signed out.
    const password = card(page, 'password');
    await password.getByLabel('Current password').fill(firstPassword);
    await password.getByLabel('New password').fill(newPassword);
    await password.getByRole('button', { name: 'Change password' }).click();
    await page.waitForURL(`${base}/settings?saved=password#password`);
    await password.getByText('Your password was changed.').waitFor();
    await laptop.goto(`${base}/dashboard`);
    await laptop.waitForURL(/\/login\?next=\/dashboard/);
    await page.goto(`${base}/dashboard`);
    await page.getByRole('heading', { name: /Welcome, Ada King/ }).waitFor();

    // Sessions: a phone signs in; this browser signs it out from the list.
    const phone = await newPage({
      viewport: { width: 390, height: 844 },
      userAgent:
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
    });
    await logIn(phone, base, newEmail, newPassword);
    await phone.waitForURL(`${base}/dashboard`);
    await page.goto(`${base}/settings`);
    const sessions = card(page, 'sessions');
    const rows = sessions.locator('li.session');
    expect(await rows.count()).toBe(2);
    expect(await rows.first().textContent()).toContain('This session');
    expect(await rows.first().textContent()).toContain('127.0.0.0/8 (this machine)');
    const phoneRow = rows.filter({ hasText: 'Safari 17 on iOS 17.4' });
    await phoneRow.waitFor();
    await settingsShots(page, '72-settings');
    await phoneRow.getByRole('button', { name: /^Sign out Safari 17 on iOS 17\.4/ }).click();
    await page.waitForURL(`${base}/settings?saved=signed-out#sessions`);
    await sessions.getByText('That session was signed out.').waitFor();
    expect(await rows.count()).toBe(1);
    await phone.goto(`${base}/settings`);
    await phone.waitForURL(/\/login\?next=\/settings/);

    // The other role: the editor's 403 points to settings, one click adds it, and it works at once.
    const forbidden = await page.goto(`${base}/provider/profile`);
    expect(forbidden?.status()).toBe(403);
    await shot(page, '73-profile-editor-owner');
    await page.getByRole('link', { name: 'Also work as a provider' }).click();
    await page.waitForURL(`${base}/settings#roles`);
    await card(page, 'roles').getByRole('button', { name: 'Also work as a provider' }).click();
    await page.waitForURL(`${base}/settings?saved=provider#roles`);
    await card(page, 'roles').getByText('You can now work as a provider.').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Find work' }).waitFor();
    expect(await card(page, 'roles').getByRole('button', { name: /Also/ }).count()).toBe(0);
    // Both roles' links still fit the header at 1280 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(1280);
    await settingsShots(page, '74-settings-both-roles');
    const access = (await page.context().cookies()).find((c) => c.name === 'handoff_access')!.value;
    const claims = JSON.parse(Buffer.from(access.split('.')[1]!, 'base64url').toString());
    expect(claims.roles).toEqual(['owner', 'provider']);
    await card(page, 'roles').getByRole('link', { name: 'create your provider profile' }).click();
    await page.waitForURL(`${base}/provider/profile`);
    await page.getByRole('button', { name: 'Save draft' }).first().waitFor();
    await page.goto(`${base}/dashboard`);
    await page.getByRole('list', { name: 'Your roles' }).getByText('Service provider').waitFor();

    // On a phone the header's "Log out" moves into the account menu, so the bar fits 360 px.
    await page.setViewportSize({ width: 360, height: 640 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(360);
    await page.locator('.site-header summary').click();
    await page.locator('.site-header .menu-logout').getByRole('button', { name: 'Log out' }).waitFor();
    await page.screenshot({ path: join(shotsDir, '76-account-menu-360.png') });
    await page.setViewportSize(desktop);
  });

  it('works without JavaScript', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await logIn(page, base, newEmail, newPassword);
    await page.waitForURL(`${base}/dashboard`);
    await page.goto(`${base}/settings`);
    await card(page, 'name').getByLabel('Your name').fill('Ada Lovelace');
    await card(page, 'name').getByRole('button', { name: 'Save name' }).click();
    await page.waitForURL(`${base}/settings?saved=name#name`);
    await card(page, 'name').getByText('Your name is saved.').waitFor();
    // A failure comes back in its own card, with the field's message.
    await card(page, 'password').getByLabel('Current password').fill('wrong-password-here');
    await card(page, 'password').getByLabel('New password').fill('yet-another-password');
    await card(page, 'password').getByRole('button', { name: 'Change password' }).click();
    await card(page, 'password').getByText('That is not your current password').first().waitFor();
    await card(page, 'sessions').getByRole('button', { name: 'Sign out all other sessions' }).click();
    await page.waitForURL(`${base}/settings?saved=signed-out-others#sessions`);
    await card(page, 'sessions').getByText('Every other session was signed out.').waitFor();
    mkdirSync(shotsDir, { recursive: true });
    await page.screenshot({ path: join(shotsDir, '75-settings-no-js.png'), fullPage: true });
  });
});
