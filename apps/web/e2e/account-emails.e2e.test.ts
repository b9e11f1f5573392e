import { describe, expect, inject, it } from 'vitest';
import { browserPages, shot } from './browser.ts';
import { bellLabel, logIn, mailLink, shots, signedUnsubscribe, waitForMail } from './journey.ts';

const chromiumPath = inject('chromium');
const base = inject('webUrl');
const secret = inject('jwtSecret');
const email = `mail.${Date.now().toString(36)}@example.test`;
const firstPassword = 'the-first-long-password';
const newPassword = 'a-brand-new-long-password';

describe.skipIf(!chromiumPath)('account e-mails in Chromium', () => {
  const freshPage = browserPages(chromiumPath);

  it('finishes signing up with the link from the dev mailbox, which proves the address', async () => {
    const page = await freshPage();
    await page.goto(`${base}/signup`);
    await page.fill('input[name="name"]', 'Mae Jemison');
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', firstPassword);
    await page.check('input[name="role"][value="owner"]', { force: true });
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Check your e‑mail' }).waitFor();
    await shots(page, '10-signup-check-email');

    const mail = await waitForMail(page, base, email, 'Finish signing up for Handoff');
    expect(await page.getByRole('link', { name: 'Dev mailbox' }).isVisible()).toBe(true);
    await shots(page, '11-mailbox-list');
    await mail.click();
    await page.waitForURL(/\/dev\/mailbox\/[0-9a-f-]{36}$/);
    const confirm = mailLink(page, 'Finish signing up');
    const link = await confirm.getAttribute('href');
    expect(link).toMatch(new RegExp(`^${base}/signup/confirm\\?token=`));
    await shots(page, '12-mail');
    await page.getByRole('link', { name: 'Plain text' }).click();
    await page.waitForURL(/\?view=text$/);
    expect(await page.locator('pre').textContent()).toContain(link);

    // A click inside the sandboxed frame navigates the whole tab, as from a mail client.
    await page.goBack();
    await confirm.click();
    await page.waitForURL(link!);
    await shots(page, '13-signup-confirm');
    await page.getByRole('button', { name: 'Finish signing up' }).click();
    await page.waitForURL(`${base}/dashboard`);
    expect(await page.getByRole('region', { name: 'Your account' }).textContent()).toContain('Verified');
    expect(await page.getByText('Confirm your e-mail address').count()).toBe(0);
    await shot(page, '14-dashboard-verified');

    // The link works once; the page says so, and what to do, with or without JavaScript.
    await page.goto(link!);
    await page.getByRole('button', { name: 'Finish signing up' }).click();
    await page.getByText('This link was already used — log in').waitFor();
    await shots(page, '15-signup-link-used');
    const plain = await freshPage({ javaScriptEnabled: false });
    await plain.goto(link!);
    await plain.getByRole('button', { name: 'Finish signing up' }).click();
    await plain.getByText('This link was already used — log in').waitFor();
    expect(
      await plain.locator('main').getByRole('link', { name: 'Log in' }).first().getAttribute('href'),
    ).toBe('/login');

    // Only the welcome note is waiting; clear it so the next journey starts from zero.
    expect(await bellLabel(page)).toBe('Notifications, 1 unread');
    await page.goto(`${base}/notifications`);
    await page.getByRole('heading', { name: /Welcome to Handoff/ }).waitFor();
    await page.getByRole('button', { name: 'Mark all read' }).click();
    await page.getByText('You’re all caught up.').waitFor();
    expect(await bellLabel(page)).toBe('Notifications');

    const missing = await page.goto(`${base}/dev/mailbox/not-a-message`);
    expect(missing?.status()).toBe(404);
  });

  it('resets a forgotten password from the e-mailed link', async () => {
    const page = await freshPage();
    await page.goto(`${base}/login`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.waitForURL(`${base}/forgot-password`);
    await shots(page, '16-forgot-password');
    await page.fill('input[name="email"]', email);
    await page.getByRole('button', { name: 'Send the reset link' }).click();
    await page.getByText('If an account exists for that address').waitFor();
    await shots(page, '17-forgot-password-sent');

    const mail = await waitForMail(page, base, email, 'Reset your Handoff password');
    await mail.click();
    await mailLink(page, 'Choose a new password').click();
    await page.waitForURL(/\/reset-password\?token=/);
    await shots(page, '18-reset-password');
    await page.fill('input[name="password"]', 'short');
    await page.getByRole('button', { name: 'Save new password' }).click();
    await page.getByText('Use at least 10 characters').waitFor();
    await page.fill('input[name="password"]', newPassword);
    await page.getByRole('button', { name: 'Save new password' }).click();
    await page.waitForURL(`${base}/login?reset=1`);
    await page.getByText('Your password was changed. Log in with the new one.').waitFor();
    await shots(page, '19-login-after-reset');

    await logIn(page, base, email, firstPassword);
    await page.getByText('E-mail or password is wrong').waitFor();
    await logIn(page, base, email, newPassword);
    await page.waitForURL(`${base}/dashboard`);
    expect(await bellLabel(page)).toBe('Notifications, 1 unread');

    await page.locator('.site-header a[href="/notifications"]').click();
    await page.waitForURL(`${base}/notifications`);
    const item = page.locator('li.unread', { hasText: 'Your password was changed' });
    await item.waitFor();
    await shots(page, '20-notifications');
    await item.getByRole('button', { name: /Mark read/ }).click();
    await page.locator('li.unread').waitFor({ state: 'detached' });
    expect(await bellLabel(page)).toBe('Notifications');
  });

  it('keeps e-mail settings and honours unsubscribe links', async () => {
    const page = await freshPage();
    await logIn(page, base, email, newPassword);
    await page.waitForURL(`${base}/dashboard`);
    await page.goto(`${base}/settings/notifications`);
    const security = page.getByLabel('Security alerts');
    const welcome = page.getByLabel('Welcome and getting started');
    expect(await security.isChecked()).toBe(true);
    expect(await security.isDisabled()).toBe(true);
    expect(await welcome.isChecked()).toBe(false);
    await welcome.check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.waitForURL(`${base}/settings/notifications?saved=1`);
    await page.getByText('Your e-mail settings are saved.').waitFor();
    await page.reload();
    expect(await welcome.isChecked()).toBe(true);
    await shots(page, '21-settings');

    // Security mail cannot be turned off, so it carries the settings link and no unsubscribe link.
    const access = (await page.context().cookies()).find((c) => c.name === 'handoff_access')!.value;
    const userId = JSON.parse(Buffer.from(access.split('.')[1]!, 'base64url').toString()).sub as string;
    const mail = await waitForMail(page, base, email, 'Your password was changed');
    await mail.click();
    const body = page.frameLocator('iframe');
    await body.locator('a', { hasText: 'Notification settings' }).waitFor();
    expect(await body.locator('a[href*="/notifications/unsubscribe"]').count()).toBe(0);
    // Even a correctly signed link for it is refused: signed out, the page asks; the api says no.
    const visitor = await freshPage();
    await visitor.goto(signedUnsubscribe(base, secret, userId, 'account.security'));
    await visitor.getByRole('button', { name: 'Unsubscribe' }).click();
    await visitor.getByText('Security alerts cannot be turned off').waitFor();

    const welcomeLink = signedUnsubscribe(base, secret, userId, 'account.welcome');
    await visitor.goto(welcomeLink);
    await shots(visitor, '22-unsubscribe');
    await visitor.getByRole('button', { name: 'Unsubscribe' }).click();
    await visitor.getByText('You will no longer get e-mails for: Welcome and getting started.').waitFor();
    await shots(visitor, '23-unsubscribed');
    await page.goto(`${base}/settings/notifications`);
    expect(await welcome.isChecked()).toBe(false);

    // RFC 8058 one-click: a POST of `List-Unsubscribe=One-Click` to the same URL works from this origin…
    const oneClick = await visitor.request.post(welcomeLink, {
      form: { 'List-Unsubscribe': 'One-Click' },
      headers: { origin: base },
    });
    expect(oneClick.status()).toBe(200);
    expect(await oneClick.text()).toContain('You will no longer get e-mails for');
    // …but SvelteKit's CSRF check refuses it from anywhere else (see the web README).
    const crossSite = await visitor.request.post(welcomeLink, {
      form: { 'List-Unsubscribe': 'One-Click' },
      headers: { origin: 'https://mail.example' },
    });
    expect(crossSite.status()).toBe(403);
  });

  it('shows the jobs dashboard to operators only', async () => {
    const owner = await freshPage();
    await logIn(owner, base, email, newPassword);
    await owner.waitForURL(`${base}/dashboard`);
    expect(await owner.getByRole('link', { name: 'Operator' }).count()).toBe(0);
    const forbidden = await owner.goto(`${base}/admin/jobs`);
    expect(forbidden?.status()).toBe(403);
    await owner.getByText('You don’t have access to this page').waitFor();
    await shot(owner, '24-admin-forbidden');

    const page = await freshPage();
    await page.goto(`${base}/admin/jobs`);
    await page.waitForURL(`${base}/login?next=/admin/jobs`);
    await logIn(page, base, 'admin@demo.handoff.test', 'handoff-demo-2026');
    await page.waitForURL(`${base}/admin/jobs`);
    expect(await page.getByRole('link', { name: 'Operator' }).getAttribute('aria-current')).toBe('page');
    expect(await page.locator('.mode').textContent()).toContain('In-process');
    const done = page.locator('table.jobs tbody tr', { hasText: 'done' });
    expect(await done.count()).toBeGreaterThan(0);
    expect(await page.locator('table.jobs').textContent()).toContain('email.password-reset');
    await shots(page, '25-admin-jobs');

    await page.getByRole('link', { name: /^Failed/ }).click();
    await page.waitForURL(`${base}/admin/jobs?status=failed`);
    await page.getByText('No failed jobs').waitFor();
  });
});
