import { writeFileSync } from 'node:fs';
import type { Reporter, TestCase, TestModule, TestSuite } from 'vitest/node';

/**
 * Ends every run with one line, `N passed, N failed`, which CI reads. Skipped
 * tests are counted apart. Every failure counts, including those outside any
 * test:
 *
 * - a test that a failed `beforeAll` kept from running is failed, not skipped
 *   (Vitest marks it skipped); a test skipped on purpose (`it.skip`, `it.todo`,
 *   a name filter) stays skipped;
 * - a failed hook or file that failed no test of its own (a failed `afterAll`,
 *   an error while importing the file) counts as one failure;
 * - so does every error Vitest reports outside the tests.
 *
 * When TEST_SUMMARY_FILE is set (tools/run-tests.ts sets it, to add the type
 * check to the count), the counts are written there as JSON and the line is
 * left to that tool, so that the run still ends with exactly one such line.
 */

export interface Summary {
  passed: number;
  failed: number;
  skipped: number;
}

type Entity = TestSuite | TestModule;

function withErrors(entity: Entity): boolean {
  return entity.errors().length > 0;
}

/** The nearest suite or module above `test` whose own hooks failed, if any. */
function failedAncestor(test: TestCase): Entity | undefined {
  let entity: Entity | undefined = test.parent;
  while (entity) {
    if (withErrors(entity)) return entity;
    entity = entity.type === 'suite' ? entity.parent : undefined;
  }
  return undefined;
}

function* suitesOf(module: TestModule): Generator<Entity> {
  yield module;
  yield* module.children.allSuites();
}

export function summarize(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): Summary {
  const summary: Summary = { passed: 0, failed: unhandledErrors.length, skipped: 0 };
  for (const module of modules) {
    const blamed = new Set<Entity>();
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') summary.passed += 1;
      else if (state === 'failed') summary.failed += 1;
      else if (test.options.mode === 'skip' || test.options.mode === 'todo') summary.skipped += 1;
      else {
        const culprit = failedAncestor(test);
        if (culprit) {
          summary.failed += 1;
          blamed.add(culprit);
        } else summary.skipped += 1;
      }
    }
    // A failed hook or import that no test above was counted for is a failure of its own.
    for (const entity of suitesOf(module)) {
      if (withErrors(entity) && !blamed.has(entity)) summary.failed += 1;
    }
    if (module.state() === 'failed' && !withErrors(module) && [...module.children.allTests()].length === 0) summary.failed += 1;
  }
  return summary;
}

export function summaryLine({ passed, failed, skipped }: Summary): string {
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const summary = summarize(modules, unhandledErrors);
    const file = process.env['TEST_SUMMARY_FILE'];
    if (file) {
      writeFileSync(file, JSON.stringify(summary));
      process.stdout.write(`\nVitest: ${summaryLine(summary)}\n`);
    } else {
      process.stdout.write(`\n${summaryLine(summary)}\n`);
    }
  }
}
