import type { Page } from 'playwright-core';

/**
 * Watches a page's requests so the bench can wait until the network has been
 * quiet for a while. Playwright's "networkidle" load state is reached once per
 * navigation, so it cannot tell when later requests (a script started when the
 * browser is idle, a search's index files) have finished.
 */
export interface NetworkWatch {
  /** Resolves once no request has been open or started for `quietMs`, or after `limitMs`. */
  quiet(quietMs: number, limitMs?: number): Promise<void>;
}

export function watchNetwork(page: Page): NetworkWatch {
  let inFlight = 0;
  let lastActivity = performance.now();
  const done = () => {
    inFlight = Math.max(0, inFlight - 1);
    lastActivity = performance.now();
  };
  page.on('request', () => {
    inFlight++;
    lastActivity = performance.now();
  });
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    async quiet(quietMs, limitMs = 15_000) {
      const deadline = performance.now() + limitMs;
      while (performance.now() < deadline && (inFlight > 0 || performance.now() - lastActivity < quietMs)) {
        await page.waitForTimeout(100);
      }
    },
  };
}
