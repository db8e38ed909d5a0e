/**
 * claim-cards: the share picture of every page that can be shared: each claim
 * (/c/<id>/card.png), essay and note (card.png in its folder) and the site
 * (/card.png). Drawing starts
 * early: as soon as the pages know the site's claims (src/site/corpus.ts
 * publishes them, with the other cards, on the build context), the cards are drawn in worker threads,
 * on the core the page rendering leaves free. After the build, the cards of
 * those claims are copied into the site; any not drawn yet are drawn then.
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
import { CARD_FONT_FILES } from './fonts.ts';

export function claimCards(context: BuildContext): AstroIntegration {
  let cacheDir = '';
  let building = false;
  let version: string | undefined;
  let pool: workerpool.Pool | undefined;
  /** The CPU time the worker took for the cards drawn, in ms. */
  let cpu = 0;
  /** Cards being drawn, by cache file. */
  const drawing = new Map<string, Promise<void>>();

  /** The cache file of a card: a hash of what is drawn (not the claim's id, which is not). */
  const cacheFile = (card: CardData) => {
    version ??= codeVersion();
    const drawn = JSON.stringify([card.kind ?? 'claim', card.text, card.from, card.siteName, card.sources]);
    return join(cacheDir, `${createHash('sha256').update(version).update(drawn).digest('hex').slice(0, 32)}.png`);
  };

  const start = (card: CardData): Promise<void> => {
    const file = cacheFile(card);
    if (existsSync(file)) return Promise.resolve();
    let job = drawing.get(file);
    if (!job) {
      mkdirSync(cacheDir, { recursive: true });
      // One worker thread (workerpool, as Quartz draws its pictures): a card takes it about 6 ms, so even a clean build
      // of thousands of pages has its cards drawn long before the pages are rendered, and a second worker would only
      // take a core from the page rendering and add its own memory.
      // A small heap: the worker keeps nothing between cards, and V8 would otherwise let garbage grow to hundreds of MB
      // beside the build's own (the clean build's peak memory).
      pool ??= workerpool.pool(fileURLToPath(new URL('./worker.ts', import.meta.url)), { workerType: 'thread', maxWorkers: 1, workerThreadOpts: { resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 } } });
      job = pool.exec('draw', [card, file]).then((ms: number) => {
        cpu += ms;
      }, (error: Error) => {
        throw new Error(`card "${card.id}": ${error.message}`);
      });
      drawing.set(file, job);
    }
    return job;
  };

  context.onClaims(({ cards }) => {
    if (!building || cacheDir === '') return;
    // An early drawing that fails is drawn again, and reported, after the build.
    for (const { card } of cards) start(card).catch(() => drawing.delete(cacheFile(card)));
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
          const early = drawing.size;
          const jobs = context.claims.cards.map(({ card, path }) => ({ card, file: cacheFile(card), target: join(outDir, path) }));
          const cached = jobs.filter((j) => existsSync(j.file) && !drawing.has(j.file)).length;
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
          const each = drawing.size === 0 ? '' : ` (${(cpu / drawing.size).toFixed(1)} ms of CPU each)`;
          logger.info(`${jobs.length} share pictures: ${drawing.size} drawn${each} (${early} while the pages rendered), ${cached} from cache; ${seconds}s after the pages`);
        } finally {
          await pool?.terminate();
          pool = undefined;
          drawing.clear();
          cpu = 0;
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
