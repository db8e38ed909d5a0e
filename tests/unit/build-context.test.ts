import { afterEach, describe, expect, it } from 'vitest';
import { startBuildContext } from '../../src/catalog/build-context.ts';
import type { ContentIndex } from '../../src/catalog/content-index.ts';

/**
 * The build context's memory holders: the search index writes only once every
 * part that said it holds memory (the share pictures' process) has let it go
 * (src/integrations/pagefind.ts).
 */

const CONTEXT = Symbol.for('research-explainers.build-context');
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[CONTEXT];
});

/** Whether the promise has settled by the time the microtasks queued now have run. */
async function settledNow(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true), () => (settled = true));
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe('memoryReleased', () => {
  const context = () => startBuildContext({} as ContentIndex);

  it('settles at once when no part holds memory', async () => {
    expect(await settledNow(context().memoryReleased())).toBe(true);
  });

  it('waits for every holder, and for one that says so while it waits', async () => {
    const build = context();
    const first = Promise.withResolvers<void>();
    const second = Promise.withResolvers<void>();
    build.holdsMemory(first.promise);
    const released = build.memoryReleased();
    expect(await settledNow(released)).toBe(false);
    build.holdsMemory(second.promise);
    first.resolve();
    expect(await settledNow(released)).toBe(false);
    second.resolve();
    expect(await settledNow(released)).toBe(true);
  });

  it('counts a holder that failed as released', async () => {
    const build = context();
    const holder = Promise.withResolvers<void>();
    build.holdsMemory(holder.promise);
    holder.reject(new Error('the worker crashed'));
    await expect(build.memoryReleased()).resolves.toBeUndefined();
  });
});
