import type { Page } from 'playwright-core';

// Moving through a page with the keyboard alone, as a person without a mouse does: Tab until the
// wanted control has focus, counting the presses, and checking each stop can be seen.

/** The focused element's ring: its own outline, or its card's (a title link stretched over a card). */
export function focusRing(page: Page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    for (let up = 0; el && up < 5; up++, el = el.parentElement) {
      const style = getComputedStyle(el);
      const width = parseFloat(style.outlineWidth);
      if (style.outlineStyle !== 'none' && width > 0) return { width, color: style.outlineColor };
    }
    return { width: 0, color: '' };
  });
}

const matches = (page: Page, selector: string, text?: string) =>
  page.evaluate(
    ([s, t]) => {
      const el = document.activeElement;
      return Boolean(el?.matches(s!) && (!t || el.textContent?.includes(t)));
    },
    [selector, text] as const,
  );

/**
 * Presses Tab (Shift+Tab with `back`) until the focused element matches `selector`, and returns how
 * many presses it took; throws after `max`, or when a stop on the way shows no focus ring of 2 px or more.
 */
export async function tabTo(
  page: Page,
  selector: string,
  { max = 40, back = false, text }: { max?: number; back?: boolean; text?: string } = {},
): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const ring = await focusRing(page);
    if (ring.width < 2) {
      const what = await page.evaluate(() => {
        const el = document.activeElement!;
        const s = getComputedStyle(el);
        return `${el.outerHTML.slice(0, 160)} (:focus ${el.matches(':focus')}, outline ${s.outline}, ${s.outlineStyle})`;
      });
      throw new Error(`no visible focus ring (${ring.width} px) on ${what}`);
    }
    if (await matches(page, selector, text)) return presses;
  }
  throw new Error(`${selector} not reached in ${max} presses of Tab`);
}

/** Tabs to a field and types into it, replacing what a template put there. */
export async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

/** Logs in on /login with the keyboard alone. */
export async function keyboardLogIn(page: Page, base: string, email: string, password: string) {
  await page.goto(`${base}/login`);
  await typeInto(page, 'input[name="email"]', email);
  await typeInto(page, 'input[name="password"]', password);
  await tabTo(page, 'button[type="submit"]');
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
