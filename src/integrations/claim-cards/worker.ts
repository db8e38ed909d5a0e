/**
 * The child process that draws share pictures (draw.ts): each card straight
 * into its cache file, so the build's main thread handles no pixels.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import workerpool from 'workerpool';
import type { CardData } from '../../formats/claim-card.ts';
import { drawCard } from './draw.ts';

/** How drawing one card went: the CPU time it took this thread, in ms, or why it failed. */
export type DrawResult = { user: number; system: number } | { error: string };

/**
 * Draws the card into its cache file (through a temporary one, so that a build stopped halfway leaves no broken card);
 * returns the CPU time it took this thread, in ms, in user space and in the kernel (mostly fresh memory), for the build's log.
 */
function draw(card: CardData, file: string): DrawResult {
  const before = process.threadCpuUsage();
  // Named for this process and thread: two builds sharing a cache folder may draw the same card at once.
  const temporary = `${file}.${process.pid}-${threadId}.tmp`;
  writeFileSync(temporary, drawCard(card));
  renameSync(temporary, file);
  const { user, system } = process.threadCpuUsage(before);
  return { user: user / 1000, system: system / 1000 };
}

/**
 * Draws several cards, one after another, and says how each went: a batch keeps the worker busy while the build's
 * main thread, which hands out the work, is busy itself (rendering a page, or rewriting every page's policy). Between
 * cards the thread's event loop turns: the canvas's pixel buffers are let go there (Node runs native finalizers as
 * immediates), and a batch drawn in one go held hundreds of MB of them.
 */
async function drawMany(jobs: { card: CardData; file: string }[]): Promise<DrawResult[]> {
  const results: DrawResult[] = [];
  for (const { card, file } of jobs) {
    try {
      results.push(draw(card, file));
    } catch (error) {
      results.push({ error: (error as Error).message });
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return results;
}

/**
 * V8's garbage collection (index.ts starts the process with --expose-gc), called after each batch: the pixels read back
 * from the canvas are buffers outside the small heap, which V8 collects only once about 64 MB of them are waiting.
 */
const collectGarbage = (globalThis as { gc?: () => void }).gc;
if (!collectGarbage) throw new Error('src/integrations/claim-cards/worker.ts runs with --expose-gc (see index.ts).');

workerpool.worker({
  drawMany: async (jobs: { card: CardData; file: string }[]) => {
    const results = await drawMany(jobs);
    collectGarbage();
    return results;
  },
});
