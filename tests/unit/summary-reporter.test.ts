import { describe, expect, it } from 'vitest';
import type { TestModule } from 'vitest/node';
import { summarize, summaryLine } from '../support/summary-reporter.ts';

/**
 * The closing `N passed, N failed` line counts every failure. The modules
 * below are shaped as Vitest 5 reports them (checked on a real run): a test a
 * failed beforeAll kept from running is "skipped" with mode "run", the hook's
 * error sits on its suite; a failed afterAll leaves its tests "passed".
 */

type State = 'passed' | 'failed' | 'skipped';
interface FakeTest { type: 'test'; name: string; state: State; mode?: 'run' | 'skip' | 'todo' }
interface FakeSuite { type: 'suite'; name: string; errors?: string[]; children: (FakeTest | FakeSuite)[] }

const test = (name: string, state: State, mode: FakeTest['mode'] = 'run'): FakeTest => ({ type: 'test', name, state, mode });
const suite = (name: string, children: FakeSuite['children'], errors: string[] = []): FakeSuite => ({ type: 'suite', name, errors, children });

/** A TestModule as far as the reporter reads it. */
function module(children: FakeSuite['children'], errors: string[] = [], state?: State): TestModule {
  const build = (node: FakeSuite, parent: unknown, isModule: boolean): any => {
    const entity: any = { type: isModule ? 'module' : 'suite', parent, errors: () => (node.errors ?? []).map((message) => ({ message })) };
    const kids: any[] = node.children.map((child) =>
      child.type === 'test'
        ? { type: 'test', name: child.name, parent: entity, options: { mode: child.mode }, result: () => ({ state: child.state }) }
        : build(child, entity, false),
    );
    const allTests = function* (): Generator<any> {
      for (const kid of kids) {
        if (kid.type === 'test') yield kid;
        else yield* kid.children.allTests();
      }
    };
    const allSuites = function* (): Generator<any> {
      for (const kid of kids) {
        if (kid.type === 'suite') {
          yield kid;
          yield* kid.children.allSuites();
        }
      }
    };
    entity.children = { allTests, allSuites };
    const failed = (node.errors ?? []).length > 0 || [...allTests()].some((t) => t.result().state === 'failed');
    entity.state = () => state ?? (failed ? 'failed' : 'passed');
    return entity;
  };
  return build({ type: 'suite', name: 'file', errors, children }, undefined, true) as TestModule;
}

describe('summarize', () => {
  it('counts passed, failed and skipped tests', () => {
    const counts = summarize([module([test('a', 'passed'), test('b', 'failed'), test('c', 'skipped', 'skip'), test('d', 'skipped', 'todo')])], []);
    expect(counts).toEqual({ passed: 1, failed: 1, skipped: 2 });
  });

  it('counts the tests a failed beforeAll kept from running as failed, and leaves tests skipped on purpose skipped', () => {
    const failedHook = suite('outer', [test('a', 'skipped'), test('b', 'skipped'), test('c', 'skipped', 'skip')], ['before boom']);
    expect(summarize([module([failedHook, test('top', 'passed')])], [])).toEqual({ passed: 1, failed: 2, skipped: 1 });
  });

  it('blames a failed beforeAll of the file on every test in it, nested or not', () => {
    expect(summarize([module([test('x', 'skipped'), suite('inner', [test('y', 'skipped')])], ['module before boom'])], [])).toEqual({ passed: 0, failed: 2, skipped: 0 });
  });

  it('counts a failed afterAll as one failure, though its tests passed', () => {
    expect(summarize([module([suite('outer', [test('a', 'passed')], ['after boom'])])], [])).toEqual({ passed: 1, failed: 1, skipped: 0 });
  });

  it('counts a file that failed to load, and every error outside the tests', () => {
    expect(summarize([module([], ['import boom'])], [new Error('unhandled')])).toEqual({ passed: 0, failed: 2, skipped: 0 });
    expect(summarize([module([], [], 'failed')], [])).toEqual({ passed: 0, failed: 1, skipped: 0 });
  });

  it('leaves a test skipped at run time (ctx.skip) with no failed hook skipped', () => {
    expect(summarize([module([suite('s', [test('a', 'skipped')])])], [])).toEqual({ passed: 0, failed: 0, skipped: 1 });
  });
});

describe('summaryLine', () => {
  it('is the line CI reads, with skipped tests only when there are some', () => {
    expect(summaryLine({ passed: 3, failed: 0, skipped: 0 })).toBe('3 passed, 0 failed');
    expect(summaryLine({ passed: 3, failed: 1, skipped: 2 })).toBe('3 passed, 1 failed, 2 skipped');
  });
});
