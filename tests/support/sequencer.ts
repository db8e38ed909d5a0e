import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The order test files start in: the longest first, whichever project they
 * belong to, so that a run does not end on one long file while the other
 * worker has nothing left to do. Vitest's own order takes the projects one
 * after another by name (browser, build, unit), which started the
 * incremental build test (three builds of its own, ~45 s) last of all.
 *
 * With every file's duration from an earlier run (Vitest's cache), those
 * order the files, failed ones first. Without (a fresh checkout, as in CI),
 * the files of LONGEST come first, then the others in Vitest's order (larger
 * files first). The list is a hint measured on two idle cores: a stale one
 * costs time, never a result.
 */
export const LONGEST = [
  'tests/build/incremental.test.ts',
  'tests/browser/search.test.ts',
  'tests/browser/calm-reading.test.ts',
  'tests/browser/reading-aids.test.ts',
  'tests/browser/bench-smoke.test.ts',
  'tests/browser/researchers.test.ts',
];

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const results = sorted.map((spec) => this.ctx.cache.getTestSpecificationResult(spec));
    if (results.every((r) => r !== undefined)) {
      const result = new Map(sorted.map((spec, i) => [spec, results[i]!]));
      return sorted.sort((a, b) => Number(result.get(b)!.failed) - Number(result.get(a)!.failed) || result.get(b)!.duration - result.get(a)!.duration);
    }
    const rank = (spec: TestSpecification) => {
      const at = LONGEST.indexOf(relative(this.ctx.config.root, spec.moduleId));
      return at === -1 ? LONGEST.length : at;
    };
    // Array.prototype.sort is stable: the files not listed keep Vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
