/**
 * The budgets of the browser tests, here rather than in support.ts so that
 * vitest.config.ts can read them: WAIT_MS for every wait on a page's state
 * (Playwright's actions and waits, set on each context in support.ts, and
 * expect.poll, set for the browser project in vitest.config.ts), which only
 * a failing wait ever spends; BROWSER_TEST_MS for a test, which may make
 * several waits in a row, each passing early.
 */
export const WAIT_MS = 20_000;
export const BROWSER_TEST_MS = 90_000;
