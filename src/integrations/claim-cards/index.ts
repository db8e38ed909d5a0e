/**
 * claim-cards: after Astro has built the pages, draws each claim's share
 * picture (/c/<id>/card.png) from /c/claims.json. Pictures are drawn in
 * parallel worker threads, and kept in Astro's cache folder under a hash of
 * their content and of the code and fonts that draw them, so a rebuild draws
 * only the cards whose claim changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import type { CardData } from '../../lib/claim-card.ts';
import type { ClaimFeedItem } from '../../lib/claim-feed.ts';
import { SITE_NAME } from '../../lib/site.ts';

export default function claimCards(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'claim-cards',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = join(fileURLToPath(config.cacheDir), 'claim-cards');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const feedPath = join(outDir, 'c', 'claims.json');
        if (!existsSync(feedPath)) return;
        const started = performance.now();
        const { claims } = JSON.parse(readFileSync(feedPath, 'utf8')) as { claims: ClaimFeedItem[] };
        const version = codeVersion();
        mkdirSync(cacheDir, { recursive: true });
        const jobs = claims.map((c) => {
          const card: CardData = { id: c.id, text: c.text, from: c.document.title, siteName: SITE_NAME, sources: c.sources.length };
          const key = createHash('sha256').update(version).update(JSON.stringify(card)).digest('hex').slice(0, 32);
          return { card, cached: join(cacheDir, `${key}.png`), target: join(outDir, c.card) };
        });
        const missing = jobs.filter((j) => !existsSync(j.cached));
        try {
          await drawAll(missing.map((j) => j.card), (id, png) => writeFileSync(missing.find((j) => j.card.id === id)!.cached, png));
        } catch (error) {
          throw new Error(`Could not draw the claim share pictures: ${(error as Error).message}`, { cause: error });
        }
        for (const job of jobs) {
          mkdirSync(dirname(job.target), { recursive: true });
          copyFileSync(job.cached, job.target);
        }
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(`${jobs.length} share pictures: ${missing.length} drawn, ${jobs.length - missing.length} from cache, in ${seconds}s`);
      },
    },
  };
}

/** A hash of everything that decides how a card looks: the layout, the worker and the fonts. */
function codeVersion(): string {
  const hash = createHash('sha256');
  const here = dirname(fileURLToPath(import.meta.url));
  hash.update(readFileSync(join(here, 'worker.ts')));
  hash.update(readFileSync(join(here, '..', '..', 'lib', 'claim-card.ts')));
  const fonts = join(here, '..', '..', 'assets', 'fonts');
  for (const name of readdirSync(fonts).sort()) hash.update(readFileSync(join(fonts, name)));
  return hash.digest('hex');
}

interface DrawResult {
  id: string;
  png?: Uint8Array;
  error?: string;
}

/** Draws the cards on a pool of worker threads, one per core (at most four). */
async function drawAll(cards: CardData[], save: (id: string, png: Uint8Array) => void): Promise<void> {
  if (cards.length === 0) return;
  const size = Math.min(availableParallelism(), 4, cards.length);
  const queue = [...cards];
  const workerUrl = new URL('./worker.ts', import.meta.url);
  await Promise.all(
    Array.from({ length: size }, async () => {
      const worker = new Worker(workerUrl);
      let settle: { resolve: (r: DrawResult) => void; reject: (e: Error) => void } | undefined;
      worker.on('message', (result: DrawResult) => settle?.resolve(result));
      worker.on('error', (error) => settle?.reject(error));
      try {
        for (let card = queue.shift(); card; card = queue.shift()) {
          const result = await new Promise<DrawResult>((resolve, reject) => {
            settle = { resolve, reject };
            worker.postMessage(card);
          });
          if (result.error || !result.png) throw new Error(`card "${result.id}": ${result.error}`);
          save(result.id, result.png);
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
}
