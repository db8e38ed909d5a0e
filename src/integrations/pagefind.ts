import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import type { BuildContext } from '../catalog/build-context.ts';
import type { ClaimSearchRecord } from '../formats/search-records.ts';

/**
 * Builds the Pagefind search index once Astro has written the pages, inside
 * `astro build`, so that `npm run build` and the test builds (which run
 * `astro build` with their own output folder) both get it. It indexes the
 * essay and note pages from their HTML (only what `data-pagefind-body` marks;
 * claim share pages under /c/ and the lists are left out by the glob) and adds
 * one custom record per claim, which the pages published on the build context
 * (src/site/corpus.ts). The index goes to <outDir>/pagefind/.
 *
 * Two integrations: `start` starts Pagefind's own process with the build;
 * once the pages are written, it hands that process the pages and the claims
 * (it handles its messages one at a time, in the order sent) and returns, so
 * that the steps after it run meanwhile, and asks for the index to be written
 * once the share pictures' process has ended (context.memoryReleased);
 * `written` waits for the index, last. None of those steps changes a page
 * (each page's policy <meta> is made exact as Astro renders it,
 * src/integrations/security-headers/page-policy.ts).
 */

/** Files Pagefind writes that no page loads. */
const UNUSED_UI_FILES = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css'];

/** The essay and note pages (not the lists): the pages that are records of their own. */
const PAGE_GLOB = '{essays,notes}/*/index.html';

export default function pagefindIndex(context: BuildContext): { start: AstroIntegration; written: AstroIntegration } {
  /** The index under way; its failure is kept, not thrown, until `written` reports it. */
  let indexing: { outDir: string; started: number; outcome: Promise<IndexSummary | Error> } | undefined;
  /** Pagefind's process and an empty index in it, made as the build starts. */
  let created: ReturnType<typeof pagefind.createIndex> | undefined;
  return {
    start: {
      name: 'pagefind-index-start',
      hooks: {
        // Pagefind's process starts with the build, while the build's own is small, and waits: started after the pages,
        // its fork briefly counted the build's whole memory a second time (about 400 MB, at the build's peak).
        'astro:config:setup': ({ command }) => {
          if (command !== 'build' || created) return;
          created = startPagefind();
          created.catch(() => {
            // Reported by buildIndex, which awaits the same promise.
          });
        },
        'astro:build:done': ({ dir }) => {
          const outDir = fileURLToPath(dir);
          const outcome = buildIndex(outDir, context.claims?.searchRecords ?? [], created ?? startPagefind(), () => context.memoryReleased()).then((summary) => summary, (error: Error) => error);
          created = undefined;
          indexing = { outDir, started: performance.now(), outcome };
        },
      },
    },
    written: {
      name: 'pagefind-index',
      hooks: {
        'astro:build:done': async ({ logger }) => {
          if (!indexing) return;
          const { outDir, started, outcome } = indexing;
          indexing = undefined;
          const summary = await outcome;
          await pagefind.close();
          if (summary instanceof Error) throw new Error(`The search index for ${outDir} could not be built: ${summary.message}`, { cause: summary });
          const ms = Math.round(performance.now() - started);
          logger.info(`Indexed ${plural(summary.pages, 'page')} and ${plural(summary.claims, 'claim')} into ${summary.outputPath} (${summary.indexBytes} bytes of index) in ${ms} ms.`);
        },
      },
    },
  };
}

/**
 * Pagefind's process and an empty index in it, the process told to give freed memory back at once: its allocator
 * (jemalloc) otherwise keeps freed pages for 10 s, and while it writes the index it frees and allocates again many
 * times. At N = 1,000 its peak fell from 171-176 to 135-136 MiB with this, at the same speed. The variable is
 * jemalloc's, under the prefix Pagefind's binary reads; it is set for the moment Pagefind's Node API starts the
 * process (the spawn is synchronous) and no longer.
 */
export function startPagefind(): ReturnType<typeof pagefind.createIndex> {
  const before = process.env._RJEM_MALLOC_CONF;
  process.env._RJEM_MALLOC_CONF = 'dirty_decay_ms:0,muzzy_decay_ms:0';
  try {
    return pagefind.createIndex({});
  } finally {
    if (before === undefined) delete process.env._RJEM_MALLOC_CONF;
    else process.env._RJEM_MALLOC_CONF = before;
  }
}

interface IndexSummary {
  pages: number;
  claims: number;
  outputPath: string;
  indexBytes: number;
}

async function buildIndex(outDir: string, claims: readonly ClaimSearchRecord[], creating: ReturnType<typeof pagefind.createIndex>, memoryReleased: () => Promise<void>): Promise<IndexSummary> {
  const created = await creating;
  failOn(created.errors, 'Pagefind could not start');
  const index = created.index!;
  const outputPath = join(outDir, 'pagefind');
  // The pages and claims at once (Pagefind's process handles its messages in the order sent)...
  const [pages, added] = await Promise.all([
    index.addDirectory({ path: outDir, glob: PAGE_GLOB }),
    Promise.all(claims.map((record) => index.addCustomRecord(record))),
  ]);
  failOn(pages.errors, `Pagefind could not index the pages in ${outDir}`);
  if (pages.page_count === 0) throw new Error(`No essay or note pages matched ${PAGE_GLOB} in ${outDir}.`);
  added.forEach((result, i) => failOn(result.errors, `Pagefind could not index the claim ${claims[i]!.url}`));
  // ...and the index written once the parts of the build that hold memory have let it go: writing is where Pagefind's
  // memory peaks (45 MiB before it, 135 at its height, at N = 1,000), and the share pictures' process holds 110-135 MiB
  // until it ends.
  await memoryReleased();
  const written = await index.writeFiles({ outputPath });
  failOn(written.errors, `Pagefind could not write the index to ${outputPath}`);
  // Pagefind also writes its ready-made interfaces; the site bundles its own (and the Component UI from npm).
  await Promise.all(UNUSED_UI_FILES.map((file) => rm(join(outputPath, file), { force: true })));
  return { pages: pages.page_count, claims: claims.length, outputPath, indexBytes: await indexBytes(outputPath) };
}

function failOn(errors: readonly string[], what: string): void {
  if (errors.length > 0) throw new Error(`${what}: ${errors.join('; ')}`);
}

/** Bytes of the index proper (word index, fragments, filters, metadata), without the UI scripts Pagefind also writes. */
async function indexBytes(outputPath: string): Promise<number> {
  const files = (await readdir(outputPath, { recursive: true })) as string[];
  let total = 0;
  for (const file of files) {
    if (/\.pf_(index|fragment|filter|meta)$/.test(file)) total += (await stat(join(outputPath, file))).size;
  }
  return total;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
