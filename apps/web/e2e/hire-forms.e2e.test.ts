import { describe, expect, inject, it } from 'vitest';
import { call, FIXTURE_PASSWORD, publishedJob, publishedProvider, signUpByApi } from './api-fixtures.ts';
import { browserPages } from './browser.ts';
import { logIn } from './journey.ts';

const chromiumPath = inject('chromium');
const base = inject('webUrl');
const stamp = Date.now().toString(36);

// What an owner sends from a provider's page, when it is wrong or the page has gone stale: the page
// says what happened beside the form, keeps its place, and nothing is half-done.
describe.skipIf(!chromiumPath)(
  'invite and save forms on a provider page, with bad input, in Chromium',
  () => {
    const freshPage = browserPages(chromiumPath);

    it('refuses an over-long note, a job closed meanwhile, and saving a profile unpublished meanwhile', async () => {
      const ownerEmail = `owner.hire.${stamp}@example.test`;
      const ownerToken = await signUpByApi('Opal Hire', ownerEmail, 'owner');
      const job = await publishedJob(ownerToken, `Tenant phones ${stamp}`);
      const providerToken = await signUpByApi('Pia Forms', `pia.forms.${stamp}@example.test`, 'provider');
      const provider = await publishedProvider(providerToken, `Forms Desk ${stamp}`);

      const page = await freshPage();
      await page.goto(`${base}/login`);
      await logIn(page, base, ownerEmail, FIXTURE_PASSWORD);
      await page.waitForURL(`${base}/dashboard`);
      await page.goto(`${base}/providers/${provider.slug}`);

      // A note longer than the api takes (the browser's maxlength bypassed, as a script or an old
      // browser would): the reason is shown, the provider is not invited.
      const hire = page.locator('#hire');
      await hire.locator('textarea[name="message"]').evaluate((el) => el.removeAttribute('maxlength'));
      await hire.locator('textarea[name="message"]').fill('x'.repeat(1001));
      await hire.getByRole('button', { name: 'Invite to bid' }).click();
      await hire.getByRole('alert').getByText('at most 1000 characters').waitFor();
      const invited = await call<{ invitations: unknown[] }>(`/job-posts/${job.id}/invitations`, {
        token: ownerToken,
      });
      expect(invited.invitations).toEqual([]);

      // The job is closed in another tab; this page still offers it: the answer says why not.
      await call(`/job-posts/${job.id}/close`, { method: 'POST', token: ownerToken });
      await hire.locator('textarea[name="message"]').fill('Would you bid on this?');
      await hire.getByRole('button', { name: 'Invite to bid' }).click();
      const closed = hire.getByRole('alert');
      await expect
        .poll(async () => (await closed.textContent()) ?? '', { timeout: 15_000 })
        .toMatch(/job is closed/i);

      // The provider unpublishes meanwhile; saving them is refused with a reason, nothing is saved.
      await call(`/providers/${provider.id}/unpublish`, { method: 'POST', token: providerToken });
      await hire.getByRole('button', { name: /Save for later/ }).click();
      const unsaved = hire.getByRole('alert');
      await expect
        .poll(async () => (await unsaved.textContent()) ?? '', { timeout: 15_000 })
        .toMatch(/No published provider profile/);
      const saved = await call<{ providers: unknown[] }>('/saved-providers', { token: ownerToken });
      expect(saved.providers).toEqual([]);
    });
  },
);
