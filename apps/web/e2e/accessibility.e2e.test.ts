import { AxeBuilder } from '@axe-core/playwright';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { FIXTURE_PASSWORD } from './api-fixtures.ts';
import { makeWorld, type World } from './a11y-world.ts';
import { browserPages } from './browser.ts';
import { logIn, signedUnsubscribe } from './journey.ts';

// Every page, as every role that can see it, at 1280 and 360 px: no serious or critical axe-core
// violation, and no sideways scroll at 320 px. The page list is read from the route tree, so a page
// added later is swept too, and fails here until it has an address to open (or a reason not to).

const chromiumPath = inject('chromium');
const base = inject('webUrl');
const stamp = Date.now().toString(36);
const routesDir = fileURLToPath(new URL('../src/routes', import.meta.url));
// A11Y_ONLY=/search narrows the sweep while fixing one page.
const only = process.env.A11Y_ONLY ? new RegExp(process.env.A11Y_ONLY) : null;

/** `/jobs/[id]/bids` for each `+page.svelte` under src/routes (route groups dropped). */
function routeTree(): string[] {
  return readdirSync(routesDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('+page.svelte'))
    .map((f) => `/${f.replace(/\\/g, '/').replace(/\/?\+page\.svelte$/, '')}`)
    .map((r) => r.replace(/\/\([^)]+\)/g, '') || '/')
    .sort();
}

/** The address each dynamic route is opened at, from the fixture world; query strings where a page needs one. */
function addresses(w: World): Record<string, string> {
  return {
    '/admin/people/[id]': `/admin/people/${w.owner.id}`,
    '/bids/[id]': `/bids/${w.bidId}`,
    '/dev/mailbox/[id]': `/dev/mailbox/${w.mailId}`,
    '/engagements/[id]': `/engagements/${w.engagementId}`,
    '/engagements/[id]/review': `/engagements/${w.engagementId}/review`,
    '/engagements/[id]/switch': `/engagements/${w.engagementId}/switch`,
    '/invitations/[token]': `/invitations/${w.invitationToken}`,
    '/jobs/[id]': `/jobs/${w.openJobId}`,
    '/jobs/[id]/bid': `/jobs/${w.openJobId}/bid`,
    '/jobs/[id]/bids': `/jobs/${w.openJobId}/bids`,
    '/jobs/[id]/edit': `/jobs/${w.draftJobId}/edit`,
    '/providers/[slug]': `/providers/${w.provider.slug}`,
    '/r/[token]': `/r/${w.referenceToken}`,
    '/r/[token]/decline': `/r/${w.referenceToken}/decline`,
    '/notifications/unsubscribe': signedUnsubscribe('', inject('jwtSecret'), w.owner.id, 'account.welcome'),
  };
}

/** Pages that are not opened, and why. Empty today: every page has an address. */
const notSwept: Record<string, string> = {};

type Role = 'anonymous' | 'owner' | 'provider' | 'admin';
const roles: Role[] = ['anonymous', 'owner', 'provider', 'admin'];
const widths = [1280, 360];

async function axeFindings(page: Page, where: string): Promise<string[]> {
  // An e-mail shown in the dev mailbox is a sandboxed frame axe cannot enter (it waits on it forever);
  // the mail's own markup is checked by the mail package, not here.
  const { violations } = await new AxeBuilder({ page }).exclude('iframe[sandbox]').analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `${where}: ${v.id} (${v.impact}) at ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim()}`,
      ),
    );
}

/**
 * What scrolls sideways at the current width: the page itself (with the elements poking past its
 * edge, to find the culprit) and any box that scrolls sideways without being a named, focusable
 * region a keyboard can scroll (a wide table's TableScroll is one; a header's link row is not).
 */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}`;
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    const extra = document.documentElement.scrollWidth - width;
    if (extra > 0) {
      const past = [...document.body.querySelectorAll('*')].filter(
        (el) => el.getBoundingClientRect().right > width + 1 && !el.closest('[role="region"][tabindex="0"]'),
      );
      found.push(`page is ${extra} px too wide (${past.slice(-3).map(name).join(', ')})`);
    }
    for (const el of document.body.querySelectorAll('*')) {
      const x = getComputedStyle(el).overflowX;
      const scrolls = (x === 'auto' || x === 'scroll') && el.scrollWidth > el.clientWidth + 1;
      if (scrolls && !(el.getAttribute('role') === 'region' && el.hasAttribute('tabindex')))
        found.push(`${name(el)} scrolls sideways`);
    }
    return found;
  });

describe.skipIf(!chromiumPath)('accessibility of every page, in Chromium', () => {
  const newPage = browserPages(chromiumPath);
  const pages = {} as Record<Role, Page>;
  let world: World;
  let where: Record<string, string>;

  beforeAll(async () => {
    world = await makeWorld(stamp);
    where = addresses(world);
    const accounts: Record<Exclude<Role, 'anonymous'>, [string, string]> = {
      owner: [world.owner.email, FIXTURE_PASSWORD],
      provider: [world.provider.email, FIXTURE_PASSWORD],
      admin: ['admin@demo.handoff.test', 'handoff-demo-2026'],
    };
    for (const role of roles) {
      pages[role] = await newPage({ reducedMotion: 'reduce' });
      if (role === 'anonymous') continue;
      await logIn(pages[role], base, ...accounts[role]);
      await pages[role].waitForURL((url) => !url.pathname.startsWith('/login'));
    }
  });

  it('reads the pages from the route tree', () => {
    const routes = routeTree();
    expect(routes).toContain('/');
    expect(routes).toContain('/jobs/[id]/bids');
  });

  // The error page, as each role meets it: an address that names nothing (404), and an operator's
  // page opened by someone who is not one (403). It has no route of its own (+error.svelte).
  it('error pages: no serious or critical axe violation, no sideways scroll at 320 px', async () => {
    const missing = `/jobs/00000000-0000-4000-8000-${stamp.padStart(12, '0').slice(-12)}`;
    const findings: string[] = [];
    const statuses = new Set<number>();
    for (const role of roles) {
      for (const path of [missing, '/admin/people']) {
        const page = pages[role];
        await page.setViewportSize({ width: 1280, height: 800 });
        const response = await page.goto(`${base}${path}`);
        const status = response?.status() ?? 0;
        if (status < 400) continue; // sent to log in, or an operator seeing the page itself
        statuses.add(status);
        const heading = (await page.locator('h1').first().textContent())?.trim();
        expect(heading, `${path} as ${role}`).toMatch(/can’t find that page|don’t have access/);
        for (const width of widths) {
          await page.setViewportSize({ width, height: 800 });
          findings.push(...(await axeFindings(page, `${path} (${status}) as ${role} at ${width} px`)));
        }
        await page.setViewportSize({ width: 320, height: 640 });
        findings.push(...(await overflow(page)).map((o) => `${path} (${status}) as ${role} at 320 px: ${o}`));
      }
    }
    expect([...statuses].sort()).toEqual([403, 404]);
    expect(findings).toEqual([]);
  }, 120_000);

  for (const route of routeTree().filter((r) => !only || only.test(r))) {
    it(`${route}: no serious or critical axe violation, no sideways scroll at 320 px`, async () => {
      if (notSwept[route]) return;
      const dynamic = route.includes('[');
      const path = where[route] ?? (dynamic ? undefined : route);
      expect(
        path,
        `${route} has neither an address in the fixture world nor a reason in notSwept`,
      ).toBeDefined();

      const findings: string[] = [];
      const overflows: string[] = [];
      let seen = 0;
      for (const role of roles) {
        const page = pages[role];
        await page.setViewportSize({ width: 1280, height: 800 });
        const response = await page.goto(`${base}${path}`);
        const landed = new URL(page.url()).pathname;
        // A role that is sent elsewhere (to log in, to its own page) or refused cannot see this page.
        if (!response || response.status() >= 400 || landed !== new URL(`${base}${path}`).pathname) continue;
        seen++;
        for (const width of widths) {
          await page.setViewportSize({ width, height: 800 });
          findings.push(...(await axeFindings(page, `${path} as ${role} at ${width} px`)));
        }
        await page.setViewportSize({ width: 320, height: 640 });
        overflows.push(...(await overflow(page)).map((o) => `${path} as ${role} at 320 px: ${o}`));
      }
      expect(seen, `no role could open ${path}`).toBeGreaterThan(0);
      expect(findings).toEqual([]);
      expect(overflows).toEqual([]);
    }, 120_000);
  }
});
