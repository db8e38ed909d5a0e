import { expect, it } from 'vitest';
import { SUBPATH } from '../support/sites.ts';
import { useSite } from './support.ts';

/** Search on a site deployed under a sub-path (BASE_PATH=/explainers/): the index, the results and the landing all live under it. */

const site = useSite('subpath', { base: SUBPATH });

it('finds a claim from the header and lands on it, all under the base path', async () => {
  const page = await site.page();
  const missing: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) missing.push(response.url());
  });
  await page.goto(site.url('notes/'));
  await page.locator('#site-search-input').fill('random rewards');
  await page.locator('#site-search[data-search-query="random rewards"][data-search-state="results"]').waitFor();
  const first = page.locator('#site-search-listbox > [role="option"]').first();
  expect(await first.getAttribute('href')).toBe('/explainers/essays/prolonged-rl-training/?highlight=random&highlight=rewards#rewards-as-catalyst');
  await first.click();
  await page.waitForURL((url) => url.hash === '#rewards-as-catalyst');
  await expect.poll(() => page.locator('#rewards-as-catalyst mark.search-highlight').count()).toBeGreaterThan(0);
  // A word only one claim of the added essay (tests/fixtures/second-essay) holds.
  await page.goto(site.url('search/?q=siblings'));
  // The first result, once drawn (results are drawn as their data arrives, not necessarily in order).
  const firstLink = page.locator('pagefind-results .pf-results > li:first-child .search-result-link');
  await firstLink.waitFor();
  expect(await firstLink.getAttribute('href')).toBe('/explainers/essays/what-keeps-rl-improving/?highlight=siblings#group-baselines-drop-critic');
  expect(missing).toEqual([]);
});
