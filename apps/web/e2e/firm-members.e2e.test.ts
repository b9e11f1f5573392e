import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserPages, shotsDir } from './browser.ts';
import { desktop, mailLink, shots, signUp, waitForMail } from './journey.ts';

const chromiumPath = inject('chromium');
const base = inject('webUrl');
const stamp = Date.now().toString(36);
const firmName = `Ledger Lane ${stamp}`;
const ownerEmail = `owner.${stamp}@example.test`;
const colleagueEmail = `rosa.${stamp}@example.test`;
const password = 'a-long-enough-password';
const mobile = { width: 390, height: 844 };

/** The team card alone, at desktop and mobile width: the full editor is too long to judge it in. */
async function teamShots(page: Page, name: string): Promise<void> {
  mkdirSync(shotsDir, { recursive: true });
  const team = page.locator('#team');
  for (const [viewport, suffix] of [
    [desktop, ''],
    [mobile, '-mobile'],
  ] as const) {
    await page.setViewportSize(viewport);
    await team.scrollIntoViewIfNeeded();
    await team.screenshot({
      path: join(shotsDir, `${name}${suffix}.png`),
      animations: 'disabled',
      // The sticky site header would otherwise cover the card's top as the shot scrolls to it.
      style: '.site-header { visibility: hidden; }',
    });
  }
  await page.setViewportSize(desktop);
}

describe.skipIf(!chromiumPath)('firm members in Chromium', () => {
  const freshPage = browserPages(chromiumPath);

  it('the owner invites a colleague, who signs up, accepts from the e-mail and edits the firm', async () => {
    // The owner creates a firm's draft profile.
    const owner = await freshPage();
    await owner.goto(`${base}/signup?role=provider`);
    await signUp(owner, 'Lena Ledger', ownerEmail, password);
    await owner.waitForURL(`${base}/dashboard`);
    await owner.goto(`${base}/provider/profile`);
    await owner.fill('input[name="name"]', firmName);
    await owner.check('input[name="kind"][value="firm"]');
    await owner.getByRole('button', { name: 'Save draft' }).click();
    await owner.waitForURL(`${base}/provider/profile?saved=1`);

    // The team card: the owner alone; a bad address is refused beside the field.
    const team = owner.locator('#team');
    await team.getByRole('heading', { name: 'Team' }).waitFor();
    expect(await team.locator('.person').count()).toBe(1);
    await team.getByLabel('Invite a colleague').fill('rosa-at-example');
    await team.getByRole('button', { name: 'Send invitation' }).click();
    await owner.locator('#field-email-error').getByText('valid e-mail address').waitFor();
    await teamShots(owner, '40-team-invite-error');

    await team.getByLabel('Invite a colleague').fill(colleagueEmail);
    await team.getByRole('button', { name: 'Send invitation' }).click();
    await owner.waitForURL(/\/provider\/profile\?invited=.*#team$/);
    await team.getByText(`Invitation sent to ${colleagueEmail}.`).waitFor();
    await team.getByText('Open invitations').waitFor();
    expect(await team.getByLabel('Invite a colleague').inputValue()).toBe('');
    expect(
      await team.getByRole('button', { name: `Revoke the invitation to ${colleagueEmail}` }).count(),
    ).toBe(1);
    await teamShots(owner, '41-team-invited');

    // The colleague reads the mail in the dev mailbox and follows its link, signed out.
    const colleague = await freshPage();
    const mail = await waitForMail(colleague, base, colleagueEmail, `invited you to ${firmName}`);
    await mail.click();
    await colleague.waitForURL(/\/dev\/mailbox\/[0-9a-f-]{36}$/);
    const accept = mailLink(colleague, 'Accept the invitation');
    const link = (await accept.getAttribute('href'))!;
    expect(link).toMatch(new RegExp(`^${base}/invitations/[0-9a-f-]{36}\\.[A-Za-z0-9_-]+$`));
    await shots(colleague, '42-invitation-mail');
    await accept.click();
    await colleague.waitForURL(link);
    await colleague.getByRole('heading', { name: `Join ${firmName} on Handoff` }).waitFor();
    expect(await colleague.textContent('main')).toContain('Lena Ledger invited r***@example.test');
    await shots(colleague, '43-invitation-signed-out');

    // Someone signed in with another address is told which one to use.
    await owner.goto(link);
    await owner
      .getByText('This invitation was sent to r***@example.test; sign in with that address')
      .waitFor();
    await shots(owner, '44-invitation-wrong-account');

    // Signing up from the invitation comes back to it; accepting opens the firm in the editor.
    await colleague.locator('#main').getByRole('link', { name: 'Create an account' }).click();
    await colleague.waitForURL(/\/signup\?role=provider&next=/);
    await signUp(colleague, 'Rosa Colleague', colleagueEmail, password);
    await colleague.waitForURL(link);
    await colleague.getByText(`Signed in as ${colleagueEmail}`).waitFor();
    await shots(colleague, '45-invitation-accept');
    await colleague.getByRole('button', { name: `Accept and join ${firmName}` }).click();
    await colleague.waitForURL(`${base}/provider/profile?joined=1`);
    await colleague.getByRole('heading', { level: 1, name: firmName }).waitFor();
    await colleague.getByText('You joined the team.').waitFor();
    expect(await colleague.inputValue('input[name="name"]')).toBe(firmName);
    const theirTeam = colleague.locator('#team');
    await theirTeam.getByText('Rosa Colleague (you)').waitFor();
    expect(await theirTeam.getByRole('button', { name: 'Leave' }).count()).toBe(1);
    expect(await theirTeam.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
    await teamShots(colleague, '46-team-member-view');

    // The colleague edits the profile; the owner sees the edit and the new member.
    await colleague.fill('input[name="headline"]', 'Bookkeeping for promotional-products distributors');
    await colleague.getByRole('button', { name: 'Save draft' }).click();
    await colleague.waitForURL(`${base}/provider/profile?saved=1`);
    await owner.goto(`${base}/provider/profile`);
    expect(await owner.inputValue('input[name="headline"]')).toBe(
      'Bookkeeping for promotional-products distributors',
    );
    await team.getByText('Rosa Colleague').waitFor();
    expect(await team.getByText('Open invitations').count()).toBe(0);
    expect(await team.getByRole('button', { name: 'Remove Rosa Colleague' }).count()).toBe(1);
    await teamShots(owner, '47-team-owner-view');

    // The link worked once.
    await colleague.goto(link);
    await colleague.getByText('already been accepted').waitFor();
  });
});
