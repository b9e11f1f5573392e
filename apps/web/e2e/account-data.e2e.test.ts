import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserPages, desktop, shot, shotsDir } from './browser.ts';
import { logIn, signUp, waitForMail } from './journey.ts';

const chromiumPath = inject('chromium');
const base = inject('webUrl');
const apiUrl = inject('apiUrl');
const stamp = Date.now().toString(36);
const password = 'a-long-enough-password';

/** The whole page, and one element of it, at 1280 and at 360 px wide. */
async function bothWidths(page: Page, name: string, selector: string): Promise<void> {
  mkdirSync(shotsDir, { recursive: true });
  for (const [width, suffix] of [
    [desktop.width, ''],
    [360, '-360'],
  ] as const) {
    await page.setViewportSize({ width, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
    await shot(page, `${name}${suffix}`);
    await page.locator(selector).screenshot({ path: join(shotsDir, `${name}-section${suffix}.png`) });
  }
  await page.setViewportSize(desktop);
}

/** A worksheet task written through the api, so the export has something of the owner's own. */
async function addTask(email: string, name: string): Promise<void> {
  const login = await fetch(`${apiUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const task = await fetch(`${apiUrl}/owner/tasks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ feeling: 'hate', name, hoursPerWeek: 2 }),
  });
  expect(task.status).toBe(201);
}

async function newAccount(page: Page, name: string, email: string): Promise<void> {
  await page.goto(`${base}/signup`);
  await page.check('input[name="role"][value="owner"]', { force: true });
  await signUp(page, name, email, password);
  await page.waitForURL(`${base}/dashboard`);
}

describe.skipIf(!chromiumPath)('your data in Chromium', () => {
  const newPage = browserPages(chromiumPath);

  it('downloads the data as JSON, refuses a wrong password, then deletes the account and signs out', async () => {
    const email = `yourdata.${stamp}@example.test`;
    const page = await newPage({ acceptDownloads: true });
    await newAccount(page, `Dana Data ${stamp}`, email);
    await addTask(email, 'Reconciling the bank feed');

    await page.goto(`${base}/settings#data`);
    const section = page.locator('section#data');
    await section.getByRole('heading', { name: 'Your data', exact: true }).waitFor();
    await bothWidths(page, '80-settings-your-data', 'section#data');

    // The download is a plain link: the browser saves the file the api wrote.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('link', { name: 'Download your data' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^handoff-data-\d{4}-\d{2}-\d{2}\.json$/);
    const text = readFileSync((await download.path())!, 'utf8');
    const data = JSON.parse(text);
    expect(data).toMatchObject({
      format: 'handoff.account-export',
      version: 1,
      account: { email, name: `Dana Data ${stamp}`, roles: ['owner'] },
    });
    expect(data.owner.worksheet.map((t: { name: string }) => t.name)).toEqual(['Reconciling the bank feed']);
    expect(data.sessions.length).toBeGreaterThanOrEqual(2);
    expect(text).not.toMatch(/\$argon2|passwordHash|tokenHash/);

    // Deleting: a page of its own that says what happens, then asks for the password and the word.
    await section.getByRole('link', { name: 'Delete account…' }).click();
    await page.waitForURL(`${base}/settings/delete`);
    await page.getByRole('heading', { name: 'Delete your account', level: 1 }).waitFor();
    expect(await page.locator('section#what-happens').textContent()).toContain(email);
    await bothWidths(page, '81-delete-account', 'section#confirm');

    await page.getByLabel('Your password').fill('not-my-password-at-all');
    await page.getByLabel('Type DELETE to confirm').fill('DELETE');
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.getByRole('alert').getByText('That is not your password. Nothing was deleted.').waitFor();
    await page.locator('#field-password-error').getByText('That is not your password').waitFor();
    expect(page.url()).toBe(`${base}/settings/delete`);
    expect(await page.getByLabel('Type DELETE to confirm').inputValue()).toBe('DELETE');
    await shot(page, '82-delete-account-wrong-password');

    await page.getByLabel('Your password').fill(password);
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.waitForURL(`${base}/account-deleted`);
    await page.getByRole('heading', { name: 'Your account is deleted' }).waitFor();
    await page.locator('.site-header').getByRole('link', { name: 'Log in' }).waitFor();
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain('handoff_refresh');
    await bothWidths(page, '83-account-deleted', '.panel');

    // Signed out for good: settings sends to log-in, and the old password opens nothing.
    await page.goto(`${base}/settings`);
    await page.waitForURL(/\/login\?next=\/settings/);
    const mail = await waitForMail(page, base, email, 'Your Handoff account is deleted');
    await mail.click();
    await page.frameLocator('iframe').getByText('we deleted your Handoff account').waitFor();
    await shot(page, '84-account-deleted-mail');
  });

  it('says what deleting would do to the demo accounts’ jobs and profile (without deleting them)', async () => {
    for (const [who, name, expected] of [
      ['owner', '85-delete-account-demo-owner', /open jobs? closes?/],
      [
        'provider',
        '86-delete-account-demo-provider',
        /unpublished and taken out of search|passes to|You leave/,
      ],
    ] as const) {
      const page = await newPage();
      await logIn(page, base, `${who}@demo.handoff.test`, 'handoff-demo-2026');
      await page.waitForURL(`${base}/dashboard`);
      await page.goto(`${base}/settings/delete`);
      const effects = page.locator('section#what-happens');
      await effects.waitFor();
      expect(await effects.textContent()).toMatch(expected);
      await bothWidths(page, name, 'section#what-happens');
    }
  });

  it('deletes without JavaScript, with the error in the form first', async () => {
    const email = `yourdata.nojs.${stamp}@example.test`;
    const page = await newPage({ javaScriptEnabled: false });
    await newAccount(page, `Noel NoScript ${stamp}`, email);
    await page.goto(`${base}/settings/delete`);
    await page.getByLabel('Your password').fill(password);
    await page.getByLabel('Type DELETE to confirm').fill('yes');
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.getByText('Type DELETE (in capitals) to confirm').waitFor();
    await page.getByLabel('Your password').fill(password);
    await page.getByLabel('Type DELETE to confirm').fill('DELETE');
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.waitForURL(`${base}/account-deleted`);
    await page.locator('.site-header').getByRole('link', { name: 'Log in' }).waitFor();
  });
});
