/**
 * claim-cards: the share picture of every page that can be shared: each claim
 * (/c/<id>/card.png), essay and note (card.png in its folder) and the site
 * (/card.png). Drawing starts early, in one child process, on the CPU the
 * rest of the build leaves: as the content layer renders each essay and note
 * (the cards of its page and claims, src/site/share-cards.ts), then as soon
 * as the pages know every card of the site (src/site/corpus.ts publishes them
 * on the build context). The process ends once those are drawn, during the
 * pages or just after, and gives its memory back before Pagefind writes its
 * index. After the build, the published cards are placed in the site; any
 * not drawn yet are drawn then.
 * Cards are kept in Astro's cache folder under a hash of their content and of
 * the code, canvas and fonts that draw them, so a rebuild draws only what
 * changed.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { findPackageJSON } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import workerpool from 'workerpool';
import type { CardData } from '../../formats/claim-card.ts';
import type { BuildContext } from '../../catalog/build-context.ts';
import { renderedEntryCards } from '../../site/share-cards.ts';
import { CARD_FONT_FILES } from './fonts.ts';
import type { DrawResult } from './worker.ts';

export function claimCards(context: BuildContext): AstroIntegration {
  let cacheDir = '';
  let building = false;
  let version: string | undefined;
  let pool: workerpool.Pool | undefined;
  /** Says the worker's process has ended. */
  let ended: (() => void) | undefined;
  /** The CPU time the worker took for the cards drawn, in ms: in user space, and in the kernel. */
  let cpu = { user: 0, system: 0 };
  /** How many cards the worker has drawn. */
  let drawn = 0;
  /** Cards being drawn, by cache file. */
  const drawing = new Map<string, Promise<void>>();

  /** The cache file of a card: a hash of what is drawn (not the claim's id, which is not). */
  const cacheFile = (card: CardData) => {
    version ??= codeVersion();
    const shown = JSON.stringify([card.kind ?? 'claim', card.text, card.from, card.siteName, card.sources]);
    return join(cacheDir, `${createHash('sha256').update(version).update(shown).digest('hex').slice(0, 32)}.png`);
  };

  /** Cards waiting for the worker, in the order asked for, and whether it is drawing a batch. */
  const waiting: { card: CardData; file: string; resolve: () => void; reject: (error: Error) => void }[] = [];
  let running = false;
  /**
   * Cards the worker is handed at once, about 0.1 s of drawing: the main thread hands out the next batch only between
   * its own tasks, and one card at a time left the worker waiting on it most of the time the pages rendered.
   */
  const BATCH = 16;
  const pump = () => {
    if (!running && waiting.length > 0 && pool) {
      running = true;
      const batch = waiting.splice(0, BATCH);
      pool.exec('drawMany', [batch.map(({ card, file }) => ({ card, file }))]).then((results: DrawResult[]) => {
        batch.forEach((job, i) => {
          const result = results[i]!;
          if ('error' in result) return job.reject(new Error(`card "${job.card.id}": ${result.error}`));
          cpu.user += result.user;
          cpu.system += result.system;
          drawn++;
          job.resolve();
        });
      }, (error: Error) => {
        for (const job of batch) job.reject(new Error(`card "${job.card.id}": ${error.message}`));
      }).finally(() => {
        running = false;
        pump();
      });
    }
  };

  const start = (card: CardData): Promise<void> => {
    const file = cacheFile(card);
    if (existsSync(file)) return Promise.resolve();
    let job = drawing.get(file);
    if (!job) {
      mkdirSync(cacheDir, { recursive: true });
      // A child process (workerpool, as Quartz draws its pictures), made when the first card is asked for, and ended
      // as soon as every published card is drawn: a process gives back all its memory when it ends, where a worker
      // thread left about 60 of its 90 MB in the build's process (measured), to the build's peak while Pagefind writes
      // its index (src/integrations/pagefind.ts waits for it, through context.holdsMemory). One: the main thread
      // keeps the other core (a second worker took it from the content layer and the pages, and at the end from
      // Pagefind: tried, a slower build and 50-80 MB more at its peak). At the same priority as the build: at nice 10
      // the pages were written sooner, but half the cards were left after them at N = 5,000, which Pagefind then
      // waited for (136 s against 103). A small heap: it keeps nothing between cards.
      if (!pool) {
        pool = workerpool.pool(fileURLToPath(new URL('./worker.ts', import.meta.url)), { workerType: 'process', maxWorkers: 1, forkOpts: { execArgv: ['--max-old-space-size=96', '--max-semi-space-size=2', '--expose-gc'] } });
        const { promise, resolve } = Promise.withResolvers<void>();
        ended = resolve;
        context.holdsMemory(promise);
      }
      job = new Promise<void>((resolve, reject) => {
        waiting.push({ card, file, resolve, reject });
        pump();
      });
      drawing.set(file, job);
    }
    return job;
  };

  // The cards a file tells of, drawn as soon as the content layer has rendered it (src/site/share-cards.ts): most of the
  // site's cards are then drawn while the content syncs and Vite bundles, on the core those leave free, rather than
  // beside the pages or after them.
  /** A card drawn before the build is done: one that fails is drawn again, and reported, after the build. */
  const startEarly = (card: CardData) => void start(card).catch(() => drawing.delete(cacheFile(card)));

  context.onEntryRendered(({ folder, id, data, derived }) => {
    if (!building || cacheDir === '') return;
    for (const card of renderedEntryCards(folder, id, data, derived)) startEarly(card);
  });

  /** Ends the worker's process, and with it any card still waiting (one the site needs is asked for again after the pages). */
  const endWorker = async () => {
    const ending = pool;
    const said = ended;
    pool = undefined;
    ended = undefined;
    for (const job of waiting.splice(0)) job.reject(new Error('the build ended before it was drawn'));
    try {
      await ending?.terminate();
    } finally {
      // Even if it could not be ended: the search index waits for this (context.holdsMemory) and must not wait forever.
      said?.();
      running = false;
    }
  };

  context.onClaims(({ cards }) => {
    if (!building || cacheDir === '') return;
    // The published cards are the site's; once they are drawn, those forecast and not published are not needed.
    const published = cards.map(({ card }) => start(card).catch(() => drawing.delete(cacheFile(card))));
    void Promise.all(published)
      .then(endWorker)
      .catch((error: Error) => context.warnOnce(`the share pictures' process did not end: ${error.message}`));
  });

  return {
    name: 'claim-cards',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      'astro:config:done': ({ config }) => {
        cacheDir = join(fileURLToPath(config.cacheDir), 'claim-cards');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        try {
          if (!context.claims) return;
          const started = performance.now();
          const jobs = context.claims.cards.map(({ card, path }) => ({ card, file: cacheFile(card), target: join(outDir, path) }));
          const cached = jobs.filter((j) => existsSync(j.file) && !drawing.has(j.file)).length;
          // The published cards this build had drawn by now.
          const early = jobs.filter((j) => drawing.has(j.file) && existsSync(j.file)).length;
          try {
            await Promise.all(jobs.map((j) => start(j.card)));
          } catch (error) {
            throw new Error(`Could not draw the claim share pictures: ${(error as Error).message}`, { cause: error });
          }
          for (const job of jobs) {
            mkdirSync(dirname(job.target), { recursive: true });
            placeCard(job.file, job.target);
          }
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          const each = drawn === 0 ? '' : ` (${((cpu.user + cpu.system) / drawn).toFixed(1)} ms of CPU each, ${(cpu.system / drawn).toFixed(1)} of it in the kernel)`;
          // Drawn from the content layer's forecast (src/site/share-cards.ts) but not published: work done for nothing.
          const published = new Set(jobs.map((j) => j.file));
          const unused = [...drawing.keys()].filter((file) => !published.has(file)).length;
          logger.info(`${jobs.length} share pictures: ${drawing.size - unused} drawn${each} (${early} of them before this step began), ${cached} from cache${unused > 0 ? `; ${unused} drawn ahead that no page uses` : ''}; ${seconds}s after the pages`);
        } finally {
          // No batch may start once the worker is ending (a card that failed leaves others waiting): workerpool would
          // make a new worker for it, which nothing would end.
          await endWorker();
          drawing.clear();
          cpu = { user: 0, system: 0 };
          drawn = 0;
        }
      },
    },
  };
}

/** A hash of everything that decides how a card looks: the layout, the code that draws it, the canvas's version and the fonts. */
function codeVersion(): string {
  const hash = createHash('sha256');
  const here = dirname(fileURLToPath(import.meta.url));
  for (const name of readdirSync(here).filter((n) => n.endsWith('.ts')).sort()) hash.update(readFileSync(join(here, name)));
  hash.update(readFileSync(join(here, '..', '..', 'formats', 'claim-card.ts')));
  hash.update(readFileSync(findPackageJSON('@napi-rs/canvas', import.meta.url)!));
  for (const { family, path } of CARD_FONT_FILES) hash.update(family).update(readFileSync(path));
  return hash.digest('hex');
}

/**
 * A card into the site: a hard link to its cache file where the two share a
 * file system (copying 1,521 cards, 110 MB, took a rebuild 0.7-1.8 s), a copy
 * where they do not. Safe to share: a cache file is never written in place
 * (the worker writes beside it and renames), and nothing writes to a card in
 * the site.
 */
function placeCard(file: string, target: string): void {
  rmSync(target, { force: true });
  try {
    linkSync(file, target);
  } catch {
    copyFileSync(file, target);
  }
}
