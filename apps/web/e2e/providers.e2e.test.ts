import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserPages, shotsDir } from './browser.ts';
import { desktop, shots, signUp, tallShots } from './journey.ts';
import { logoPng } from './png.ts';

const chromiumPath = inject('chromium');
const base = inject('webUrl');
const stamp = Date.now().toString(36);
const name = `Harbor Desk ${stamp}`;
const email = `harbor.${stamp}@example.test`;
const password = 'a-long-enough-password';
const duties = [
  'Answer customer emails and chat messages in the shared inbox',
  'Answer and return phone calls during agreed hours',
];
const ownDuty = 'Escalate urgent tenant issues to the property manager';
const referenceEmail = `maya.${stamp}@lakeside-realty.example`;

/** The search results' count line, e.g. "42 providers". */
const countLine = (page: Page) => page.locator('#results-count').textContent();

describe.skipIf(!chromiumPath)('provider profiles and search in Chromium', () => {
  const freshPage = browserPages(chromiumPath);
  let profilePath = '';

  it('a new provider fills in the profile, uploads a logo and publishes it', async () => {
    const page = await freshPage();
    await page.goto(`${base}/signup?role=provider`);
    await signUp(page, 'Maya Harbor', email, password);
    await page.waitForURL(`${base}/dashboard`);
    await page.getByRole('link', { name: 'Create your profile' }).click();
    await page.waitForURL(`${base}/provider/profile`);

    // The name starts as the account's. Publishing with the name emptied lists everything at once:
    // the name, the provider type and the rest, in one round, and saves nothing.
    expect(await page.inputValue('input[name="name"]')).toBe('Maya Harbor');
    await page.fill('input[name="name"]', '');
    await page.getByRole('button', { name: 'Save and publish' }).click();
    const blocked = page.getByRole('alert');
    await blocked.getByText('Nothing is saved yet').waitFor();
    const everything = (await blocked.textContent()) ?? '';
    for (const need of [
      'name',
      'freelancer, a virtual assistant or a firm',
      'headline',
      'bio',
      'time zone',
    ]) {
      expect(everything).toContain(need);
    }
    await shots(page, '29-provider-editor-all-missing');

    // A draft saves without a provider type; publishing too early then keeps it and lists what is missing.
    await page.fill('input[name="name"]', name);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(`${base}/provider/profile?saved=1`);
    await page.check('input[name="kind"][value="firm"]');
    await page.getByRole('button', { name: 'Save and publish' }).click();
    const refused = page.getByRole('alert');
    await refused.getByText('To publish, complete these').waitFor();
    expect(await refused.textContent()).toContain('headline');
    expect(await refused.textContent()).not.toContain('freelancer, a virtual assistant or a firm');
    await expect.poll(() => page.locator('.side .badge').textContent()).toContain('Draft');
    expect(await page.inputValue('input[name="name"]')).toBe(name);

    // Basics, location, languages, rates.
    await page.fill('input[name="headline"]', 'Tenant and buyer support desk for real-estate brokerages');
    await page.fill(
      'textarea[name="bio"]',
      'We answer the phones, inbox and chat for busy brokerages, from showing requests to maintenance calls.\n\nEvery ticket gets a reply within two business hours.',
    );
    await page.fill('input[name="teamSize"]', '4');
    await page.fill('input[name="website"]', 'https://harbordesk.example');
    await page.selectOption('select[name="country"]', 'US');
    await page.selectOption('select[name="timezone"]', 'America/New_York');
    await page.check('input[name="languages"][value="en"]');
    await page.check('input[name="languages"][value="es"]');
    await page.fill('input[name="rateMin"]', '35');
    await page.fill('input[name="rateMax"]', '55');

    // Customer service with two template duties and one of our own; real estate.
    await page.check('input[name="functions"][value="customer-service"]');
    for (const duty of duties) await page.check(`input[name="duties.customer-service"][value="${duty}"]`);
    await page.locator('input[name="custom.customer-service"]').first().fill(ownDuty);
    await page.check('input[name="industries"][value="real-estate"]');

    // A package that includes our own duty (offered as soon as it is typed, with JavaScript).
    await page.fill('input[name="packages.0.name"]', 'Tenant inbox, 20 hours a month');
    await page.fill('input[name="packages.0.price"]', '1200');
    await page.selectOption('select[name="packages.0.billing"]', 'monthly');
    await page.fill('textarea[name="packages.0.description"]', 'Inbox, chat and phones for up to 20 hours.');
    await page.check(`input[name="packages.0.duties"][value="${ownDuty}"]`);
    await page.check(`input[name="packages.0.duties"][value="${duties[0]}"]`);

    // A reference contact who can speak to one duty.
    await page.fill('input[name="references.0.name"]', 'Maya Lakeside');
    await page.fill('input[name="references.0.email"]', referenceEmail);
    await page.fill('input[name="references.0.company"]', 'Lakeside Realty');
    await page.fill('input[name="references.0.role"]', 'Managing broker');
    await page.fill('input[name="references.0.from"]', '2023-02');
    await page.selectOption('select[name="references.0.function"]', 'customer-service');
    await page.check(`input[name="references.0.duties.customer-service"][value="${duties[1]}"]`);

    // A file that only claims to be a PNG: the profile saves, the API refuses the logo, the page says so.
    await page.setInputFiles('input[name="logo"]', {
      name: 'logo.png',
      mimeType: 'image/png',
      buffer: Buffer.from('not really an image'),
    });
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.locator('#field-logo-error').getByText('not a real PNG').waitFor();
    expect(await page.inputValue('input[name="headline"]')).toContain('Tenant and buyer support');

    // A wrong type is caught as soon as it is picked (and again on the server without JavaScript).
    await page.setInputFiles('input[name="logo"]', {
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('hello'),
    });
    await page.locator('#field-logo-error').getByText('Upload a PNG, JPEG or WebP image').waitFor();

    await page.setInputFiles('input[name="logo"]', {
      name: 'logo.png',
      mimeType: 'image/png',
      buffer: logoPng(),
    });
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(`${base}/provider/profile?saved=1`);
    await page.getByText('Your profile is saved.').waitFor();
    await page.locator('.side').getByText('Ready to publish.').waitFor();
    const editorLogo = page.locator('img[alt$="logo"]').first();
    await expect.poll(() => editorLogo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
    expect(await page.inputValue('input[name="custom.customer-service"] >> nth=0')).toBe(ownDuty);
    await tallShots(page, '30-provider-editor');

    await page.getByRole('button', { name: 'Save and publish' }).click();
    await page.waitForURL(`${base}/provider/profile?published=1`);
    expect(await page.locator('.side .badge').textContent()).toContain('Published');
    await page.getByRole('link', { name: 'View your public page' }).click();
    await page.waitForURL(/\/providers\/harbor-desk-[a-z0-9-]+$/);
    profilePath = new URL(page.url()).pathname;

    await page.getByRole('heading', { level: 1, name }).waitFor();
    const body = (await page.textContent('main')) ?? '';
    for (const text of [...duties, ownDuty, 'Real estate', 'Tenant inbox, 20 hours a month', '$1,200']) {
      expect(body).toContain(text);
    }
    // A contact the provider typed is not listed until the customer confirms it on the form.
    expect(body).not.toContain('Lakeside Realty');
    expect(body).toContain('No verified references yet.');
    expect(await page.content()).not.toContain(referenceEmail);
    const logo = page.locator('img[alt$="logo"]').first();
    await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
    await shots(page, '31-provider-profile');

    const missing = await page.goto(`${base}/providers/no-such-provider-${stamp}`);
    expect(missing?.status()).toBe(404);
    await page.getByRole('heading', { name: 'This provider isn’t listed' }).waitFor();
  });

  it('an owner finds the provider by function and industry, narrows by language and opens the profile', async () => {
    expect(profilePath).not.toBe('');
    const page = await freshPage();
    await page.goto(`${base}/search`);
    const everyone = await countLine(page);

    await page.check('input[name="function"][value="customer-service"]');
    await page.waitForURL(/function=customer-service/);
    await page.check('input[name="industry"][value="real-estate"]');
    await page.waitForURL(/industry=real-estate/);
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe('Customer service providers for real estate');
    expect(await countLine(page)).not.toBe(everyone);

    // The index is updated by a background job in the api; give it a bounded while.
    const card = page.getByRole('link', { name, exact: true });
    const deadline = Date.now() + 20_000;
    while (!(await card.isVisible())) {
      if (Date.now() > deadline) throw new Error(`${name} is not in the results after 20 s`);
      await page.waitForTimeout(500);
      await page.reload();
    }
    await shots(page, '32-search');
    // A filter that matches one provider is read as "1 provider", not "1 providers" (in a page of
    // its own: this one's filters are used below).
    const single = await freshPage();
    await single.goto(`${base}/search?q=${encodeURIComponent(name)}`);
    const only = single.locator('label', {
      has: single.locator('input[name="function"][value="customer-service"]'),
    });
    await expect
      .poll(async () => (await only.textContent())?.replace(/\s+/g, ' ').trim())
      .toMatch(/ 1 provider$/);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('summary', { hasText: 'Filters' }).click();
    // The screen as a phone shows it: the panel's button stays at the bottom while the filters scroll.
    await page.getByRole('button', { name: /^Show \d+ providers?$/ }).waitFor();
    await page.screenshot({ path: join(shotsDir, '34-search-filters-mobile.png') });
    await page.setViewportSize(desktop);

    const narrower = page.locator('input[name="language"][value="es"]');
    const before = await countLine(page);
    await narrower.check();
    await page.waitForURL(/language=es/);
    await card.waitFor();
    expect(await countLine(page)).not.toBe(before);
    expect(await page.getByRole('link', { name: 'Remove filter: Spanish' }).isVisible()).toBe(true);

    // Typing searches as you go (debounced), keeping the filters.
    await page.fill('input[name="q"]', stamp);
    await page.waitForURL(new RegExp(`q=${stamp}`));
    expect(page.url()).toContain('function=customer-service');
    await expect.poll(() => countLine(page)).toContain('1 provider');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('q');
    await page.locator('input[name="q"]').fill('');
    await page.waitForURL((url) => !url.searchParams.has('q'));
    await card.waitFor();

    await card.click();
    await page.waitForURL(`${base}${profilePath}`);
    await page.getByRole('heading', { level: 1, name }).waitFor();

    // The back button returns to the same search.
    await page.goBack();
    await page.waitForURL(/language=es/);
    expect(await page.locator('input[name="language"][value="es"]').isChecked()).toBe(true);
  });

  it('searches without JavaScript: the filter form submits as GET and the URL carries every filter', async () => {
    const page = await freshPage({ javaScriptEnabled: false });
    await page.goto(`${base}/search`);
    const everyone = await countLine(page);
    const apply = page.getByRole('button', { name: 'Apply filters' });
    expect(await apply.isVisible()).toBe(true);

    await page.check('input[name="function"][value="customer-service"]');
    await page.check('input[name="industry"][value="real-estate"]');
    await page.fill('input[name="rateMax"]', '60');
    await apply.click();
    await page.waitForURL(/function=customer-service/);
    const url = new URL(page.url());
    expect(url.searchParams.get('industry')).toBe('real-estate');
    expect(url.searchParams.get('rateMax')).toBe('60');
    // Empty fields are dropped: one search, one URL.
    expect(url.searchParams.has('q')).toBe(false);
    expect(await countLine(page)).not.toBe(everyone);
    await page.getByRole('link', { name, exact: true }).waitFor();
    // `shot` waits for animation frames, which never come with scripts off. A window as tall as the
    // page leaves the sticky "Apply filters" where it rests.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: desktop.width, height });
    await page.screenshot({ path: join(shotsDir, '33-search-no-js.png') });
    await page.setViewportSize(desktop);

    await page.getByRole('link', { name: 'Remove filter: Real estate' }).click();
    await page.waitForURL((u) => !u.searchParams.has('industry') && u.searchParams.has('function'));

    // A bad value is named next to its field; the rest of the search still runs.
    await page.goto(`${base}/search?function=customer-service&rateMin=abc`);
    await page.getByText('The lowest rate must be a number').waitFor();
    expect(await countLine(page)).toMatch(/\d+ providers?/);
  });

  it('edits the profile without JavaScript: errors beside their fields, values kept, then saved', async () => {
    expect(profilePath).not.toBe('');
    const page = await freshPage({ javaScriptEnabled: false });
    await page.goto(`${base}/login?next=/provider/profile`);
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${base}/provider/profile`);

    const headline = 'Tenant, buyer and vendor support desk for real-estate brokerages';
    const another = 'Book showings on the listing agent’s calendar';
    await page.fill('input[name="headline"]', headline);
    await page.locator('input[name="custom.customer-service"]').nth(1).fill(another);
    await page.setInputFiles('input[name="logo"]', {
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('not an image'),
    });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.locator('#field-logo-error').getByText('Upload a PNG, JPEG or WebP image').waitFor();
    expect(await page.inputValue('input[name="headline"]')).toBe(headline);
    expect(await page.inputValue('input[name="custom.customer-service"] >> nth=1')).toBe(another);

    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(`${base}/provider/profile?saved=1`);
    await page.goto(`${base}${profilePath}`);
    expect(await page.textContent('main')).toContain(headline);
    expect(await page.textContent('main')).toContain(another);
  });
});
