import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { SUBPATH } from '../support/sites.ts';
import { claimCopyPath } from '../support/content.ts';
import { escapePreview, openClaimTools, openPreview, until, useSite } from './support.ts';

/**
 * A reader's journey through the built site, served with its own `_headers`
 * (so under the strict Content-Security-Policy twice, as header and as
 * <meta>): read the essay, open a preview, copy a claim's link, follow a
 * citation, search, open a result, a share page, the evidence map and the
 * search page. Any CSP violation, console error or uncaught exception fails
 * it, and so does any request that leaves the site's origin.
 */

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
    const site = useSite(name, { base });
    let journey: Journey;

    beforeAll(async () => {
      const context = await site.context({ clipboard: true, reducedMotion: 'reduce' });
      journey = await watch(context);
      const page = await context.newPage();

      // Read the essay, with a citation preview and a copied claim link.
      const response = await page.goto(site.url('essays/prolonged-rl-training/'));
      expect(response?.headers()['content-security-policy']).toMatch(/^default-src 'self'/);
      await page.getByRole('link', { name: /^Source 2:/ }).hover();
      await openPreview(page).waitFor();
      await escapePreview(page);
      // The claim's paragraph mark opens its claims' tools.
      const tools = await openClaimTools(page.locator('#two-phase-arc'));
      await tools.getByRole('button', { name: 'Copy link' }).click();
      await until('the claim’s link is copied', async () => (await page.evaluate(() => navigator.clipboard.readText())) === site.url(claimCopyPath(site.build.contentDir, 'two-phase-arc')));

      // Follow a citation to its note, and search from its header.
      await page.getByRole('link', { name: /^Source 9:/ }).click();
      await page.waitForURL(site.url('notes/random-rewards/'));
      await page.locator('#site-search-input').fill('entropy collapse');
      await page.locator('#site-search[data-search-query="entropy collapse"][data-search-state="results"]').waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForURL(/essays\/prolonged-rl-training\/.*#structured-tasks-first/);

      // A share page, the evidence map, each until the network is quiet (whatever they load lazily, loaded).
      await page.goto(site.url('c/rewards-as-catalyst/'), { waitUntil: 'networkidle' });
      await page.goto(site.url('essays/prolonged-rl-training/evidence/'), { waitUntil: 'networkidle' });
      // The search page from a shared link, until its first result is drawn (Pagefind, its index and an excerpt loaded).
      await page.goto(site.url('search/?q=pass%40k'));
      await page.locator('[data-search-app][data-search-state="results"]').waitFor();
      await page.locator('pagefind-results .search-result-link').first().waitFor();
      // One more round trip, so that any violation the page reported has reached the test.
      await page.evaluate(() => document.readyState);
      await context.close();
    });

    it('breaks no rule of the Content-Security-Policy', () => {
      expect(journey.violations).toEqual([]);
    });

    it('logs no error and throws no exception', () => {
      expect(journey.errors).toEqual([]);
    });

    it('sends every request to the site itself', () => {
      expect(journey.requests.length).toBeGreaterThan(20);
      expect(journey.requests.filter((url) => !url.startsWith(`${site.origin()}/`) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
      expect(journey.requests.some((url) => url.includes('/pagefind/'))).toBe(true);
    });
  });
}
