import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const shotsDir = fileURLToPath(new URL('../../../test-output/screenshots', import.meta.url));

export async function launch(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export const desktop = { width: 1280, height: 800 };

/**
 * Launches Chromium for the describe block it is called in and closes it after; each page it hands
 * out has a context of its own (its own cookies: a separate person), at desktop size, reduced motion.
 */
export function browserPages(executablePath: string | null | undefined) {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launch(executablePath!);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });
  return async function newPage(options: BrowserContextOptions = {}): Promise<Page> {
    const context = await browser!.newContext({
      viewport: desktop,
      reducedMotion: 'reduce',
      ...options,
    });
    contexts.push(context);
    return context.newPage();
  };
}

/** Full-page PNG under test-output/screenshots, for a person to look at. */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(shotsDir, { recursive: true });
  // A smooth scroll still running after a navigation would leave the sticky header mid-page.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.evaluate(() => window.scrollTo(0, 0));
  // Two frames, so frames inside the page (the mail preview) have painted at the current size.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage: true, animations: 'disabled' });
}
