import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from '../../tools/lib/chromium.ts';
import { serveStatic, type StaticServer } from '../../tools/lib/serve.ts';
import { siteBuild, SUBPATH } from '../support/sites.ts';

/**
 * A reader's journey through the built site, served with its own `_headers`
 * (so under the strict Content-Security-Policy twice, as header and as
 * <meta>): read the essay, open a preview, copy a claim's link, follow a
 * citation, search, open a result, a share page, the evidence map and the
 * search page. Any CSP violation, console error or uncaught exception fails
 * it, and so does any request that leaves the site's origin.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

interface Journey {
  violations: string[];
  errors: string[];
  requests: string[];
}

async function watch(context: BrowserContext): Promise<Journey> {
  const journey: Journey = { violations: [], errors: [], requests: [] };
  await context.exposeFunction('reportViolation', (text: string) => journey.violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportViolation: (t: string) => void }).reportViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} on ${location.pathname}`);
    });
  });
  context.on('request', (request) => journey.requests.push(request.url()));
  context.on('page', (page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') journey.errors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => journey.errors.push(`${page.url()}: ${error.message}`));
  });
  return journey;
}

for (const { name, base } of [{ name: 'site', base: '/' }, { name: 'subpath', base: SUBPATH }]) {
  describe(`a reader's journey through the "${name}" build`, () => {
    let server: StaticServer;
    let journey: Journey;

    beforeAll(async () => {
      server = await serveStatic(siteBuild(name).outDir, base);
      const context = await browser.newContext({ reducedMotion: 'reduce' });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
      journey = await watch(context);
      const page = await context.newPage();

      // Read the essay, with a citation preview and a copied claim link.
      const response = await page.goto(`${server.url}essays/prolonged-rl-training/`);
      expect(response?.headers()['content-security-policy']).toMatch(/^default-src 'self'/);
      await page.getByRole('link', { name: /^Source 2:/ }).hover();
      await page.locator('.citation-preview:popover-open').waitFor();
      await page.keyboard.press('Escape');
      await page.locator('#two-phase-arc').hover();
      await page.locator('#two-phase-arc').getByRole('link', { name: 'Copy link to this claim' }).click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${server.url}c/two-phase-arc/`);

      // Follow a citation to its note, and search from its header.
      await page.getByRole('link', { name: /^Source 9:/ }).click();
      await page.waitForURL(`${server.url}notes/random-rewards/`);
      await page.locator('#site-search-input').fill('entropy collapse');
      await page.locator('#site-search[data-search-state="results"]').waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForURL(/essays\/prolonged-rl-training\/.*#structured-tasks-first/);

      // A share page, the evidence map, the search page from a shared link.
      await page.goto(`${server.url}c/rewards-as-catalyst/`);
      await page.goto(`${server.url}essays/prolonged-rl-training/evidence/`);
      await page.goto(`${server.url}search/?q=pass%40k`);
      await page.locator('.search-results [role="listitem"], .search-results li, pagefind-results a').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
      await page.waitForTimeout(500);
      await context.close();
    }, 120_000);

    afterAll(async () => {
      await server?.close();
    });

    it('breaks no rule of the Content-Security-Policy', () => {
      expect(journey.violations).toEqual([]);
    });

    it('logs no error and throws no exception', () => {
      expect(journey.errors).toEqual([]);
    });

    it('sends every request to the site itself', () => {
      expect(journey.requests.length).toBeGreaterThan(20);
      expect(journey.requests.filter((url) => !url.startsWith(`${server.origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
      expect(journey.requests.some((url) => url.includes('/pagefind/'))).toBe(true);
    });
  });
}
