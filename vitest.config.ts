import { defineConfig } from 'vitest/config';
import LongestFirst from './tests/support/sequencer.ts';
import { BROWSER_TEST_MS, WAIT_MS } from './tests/browser/wait-budget.ts';

/**
 * Three projects (see CONTRIBUTING.md):
 * - unit: pure functions, no build; files share workers (no module state to leak).
 * - build: reads the sites that tests/support/global-setup.ts builds once per run.
 * - browser: drives Chromium on the same built sites.
 * Run one with `npx vitest run --project unit`. The type check is not here:
 * `npm run check`, which `npm test` runs after Vitest (tools/run-tests.ts).
 */

const buildSites = ['tests/support/global-setup.ts'];

export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    testTimeout: 20_000,
    // Two test files at a time, as two sites build at a time: Vitest's default here is one worker, and the
    // browser files spend much of their time waiting on Chromium, so two at once take 124 s where one at a
    // time took about 165 s (idle, two cores). The tests wait on state, never on time, so a busier machine
    // makes them slower, not red (CONTRIBUTING.md).
    maxWorkers: 2,
    // The longest files start first, across projects (tests/support/sequencer.ts).
    sequence: { sequencer: LongestFirst },
    hookTimeout: 600_000,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'bench/tests/**/*.test.ts'],
          // One worker start-up for all unit files rather than one each.
          isolate: false,
        },
      },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          globalSetup: buildSites,
          // The files only read the built sites.
          isolate: false,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: buildSites,
          // Files share a worker: Vitest and Playwright load once per worker, not once per file. Each file
          // still launches its own Chromium and serves its own sites (tests/browser/support.ts).
          isolate: false,
          testTimeout: BROWSER_TEST_MS,
          // expect.poll waits on the page's state: its default budget, one second, is far too short for a
          // page on a busy machine. Only a failing wait spends it.
          expect: { poll: { timeout: WAIT_MS, interval: 50 } },
        },
      },
    ],
  },
});
