import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../tools/lib/chromium.ts';
import { serveStatic, type StaticServer } from '../../tools/lib/serve.ts';
import { siteBuild } from '../support/sites.ts';

/** Search on a site deployed under a sub-path (BASE_PATH=/explainers/): the index, the results and the landing all live under it. */

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  const build = siteBuild('subpath');
  expect(build.exitCode, build.output).toBe(0);
  server = await serveStatic(build.outDir, '/explainers/');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('finds a claim from the header and lands on it, all under the base path', async () => {
  const page = await browser.newPage();
  const missing: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) missing.push(response.url());
  });
  await page.goto(`${server.url}notes/`);
  await page.locator('#site-search-input').fill('random rewards');
  await page.locator('#site-search[data-search-query="random rewards"][data-search-state="results"]').waitFor();
  const first = page.locator('#site-search-listbox > [role="option"]').first();
  expect(await first.getAttribute('href')).toBe('/explainers/essays/prolonged-rl-training/?highlight=random&highlight=rewards#rewards-as-catalyst');
  await first.click();
  await page.waitForURL((url) => url.hash === '#rewards-as-catalyst');
  await expect.poll(() => page.locator('#rewards-as-catalyst mark.search-highlight').count(), { timeout: 5_000 }).toBeGreaterThan(0);
  await page.goto(`${server.url}search/?q=entropy`);
  // The first result, once drawn (results are drawn as their data arrives, not necessarily in order).
  const firstLink = page.locator('pagefind-results .pf-results > li:first-child .search-result-link');
  await firstLink.waitFor();
  expect(await firstLink.getAttribute('href')).toBe('/explainers/essays/prolonged-rl-training/?highlight=entropy#structured-tasks-first');
  expect(missing).toEqual([]);
  await page.close();
});
