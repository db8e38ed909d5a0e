/**
 * apa-references: runs the CSL processor behind "Cite this"'s APA references
 * in a worker thread. On the main thread, compiling APA's style took a clean
 * build about 1.5 s and formatting a thousand notes' references 2-3 s more,
 * all before the first page with "Cite this" could render, while the second
 * core waited. Here the style compiles as soon as a build starts, while the
 * content syncs and Vite bundles; the references then come in chunks, in the
 * order the pages are rendered (src/site/citable.ts), ahead of the pages that
 * show them. The worker ends once the build's batch is made (the compiled
 * style holds about 90 MB). The dev server has no worker and no batch: it
 * formats each page's own reference, about 8 ms, when the page is asked for.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import workerpool from 'workerpool';
import type { BuildContext } from '../../catalog/build-context.ts';

export function apaReferences(context: BuildContext): AstroIntegration {
  let pool: workerpool.Pool | undefined;
  // A small young generation: with V8's default for a worker here (128 MB), compiling the style and formatting two
  // thousand references took the process about 240 MB, which it kept after the worker ended (V8 keeps a dead
  // worker's pages for the process's other threads). With 8 MB: about 130 MB, and no slower.
  const worker = () => (pool ??= workerpool.pool(fileURLToPath(new URL('./worker.ts', import.meta.url)), { workerType: 'thread', maxWorkers: 1, workerThreadOpts: { resourceLimits: { maxYoungGenerationSizeMb: 8 } } }));
  const end = async () => {
    const ending = pool;
    pool = undefined;
    await ending?.terminate();
  };
  return {
    name: 'apa-references',
    hooks: {
      'astro:config:setup': ({ command }) => {
        // A build only: the dev server formats each page's own reference when the page is asked for (src/site/citable.ts).
        if (command !== 'build') return;
        context.apa = {
          format: async (items) => {
            try {
              return await worker().exec('format', [items]);
            } catch (error) {
              throw new Error(`Could not format the APA references: ${(error as Error).message}`, { cause: error });
            }
          },
          release: () => void end().catch(() => {
            // A worker that will not end dies with the build's process.
          }),
        };
        // A failure here shows again, with its message, when the pages ask for references.
        worker().exec('warm').catch(() => {});
      },
      'astro:build:done': end,
    },
  };
}
