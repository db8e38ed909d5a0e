import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ViteDevServer } from 'vite';

/**
 * How the dev server's pages meet a content change: they wait for it, then
 * read Astro's data store anew.
 *
 * Waiting: from the moment a content file changes until its entries are stored
 * and Astro has written its store, a page request is held, not served from the
 * store of before the change (which, at N = 1,000, also cost every request in
 * those half-seconds 100-400 ms of a busy server to show the old text).
 *
 * Reading anew: when Astro writes the store it invalidates the module the
 * pages read it from (`astro:data-layer-content`), as an HMR invalidation;
 * Vite then still keeps a transform of that module that began before the
 * invalidation (its guard compares with `lastInvalidationTimestamp`, which
 * only a plain invalidation sets: Vite 8.3's `loadAndTransform`). So a request
 * that was reading the old store at that moment put it back in Vite's cache,
 * and every page showed it until the next edit (the bench's "stale page", once
 * in four edits at N = 1,000). Hence: once the store is written, the module is
 * invalidated again, plainly, at once and when every request that was under
 * way has ended, when no transform from before the write can be left; and
 * Astro's cache of `getStaticPaths()` results, which such a request may have
 * filled from the old store, is cleared again. Nothing is read until a request
 * asks.
 */

/** The module Astro's pages read the data store from (`RESOLVED_DATA_STORE_VIRTUAL_ID` in Astro's content/consts.js). */
const DATA_STORE_MODULE = '\0astro:data-layer-content';

export interface DataStoreReload {
  /** A content file changed: requests wait until `settled()`. */
  changing(): void;
  /** Astro has written its data store (the watcher saw the file change): the pages read it anew. */
  written(): void;
  /** The change is stored and the store written, or the change could not be stored: waiting requests go on. */
  settled(): void;
}

export function dataStoreReload(server: ViteDevServer): DataStoreReload {
  const underWay = new Set<object>();
  /** Requests under way when the store was last written: the store is read anew once they have all ended. */
  let awaited = new Set<object>();
  let held: (() => void)[] | undefined;

  const invalidate = () => {
    for (const environment of Object.values(server.environments)) {
      const module = environment.moduleGraph.getModuleById(DATA_STORE_MODULE);
      if (!module) continue;
      environment.moduleGraph.invalidateModule(module);
      if ('runner' in environment) {
        const runner = environment.runner as { evaluatedModules: { getModuleById(id: string): unknown; invalidateModule(node: unknown): void } };
        const evaluated = runner.evaluatedModules.getModuleById(DATA_STORE_MODULE);
        if (evaluated) runner.evaluatedModules.invalidateModule(evaluated);
      }
      // Astro's own signal to clear its getStaticPaths() cache (vite-plugin-app/createAstroServerApp.js).
      environment.hot.send('astro:content-changed', {});
    }
  };

  /** Lets the requests held since the change go on. */
  const release = () => {
    const waiting = held ?? [];
    held = undefined;
    for (const serve of waiting) serve();
  };

  server.middlewares.use((_request: IncomingMessage, response: ServerResponse, next: () => void) => {
    const serve = () => {
      const request = {};
      underWay.add(request);
      response.once('close', () => {
        underWay.delete(request);
        if (awaited.delete(request) && awaited.size === 0) invalidate();
      });
      next();
    };
    if (held) held.push(serve);
    else serve();
  });

  return {
    changing() {
      held ??= [];
    },
    written() {
      invalidate();
      awaited = new Set(underWay);
      release();
    },
    settled: release,
  };
}
