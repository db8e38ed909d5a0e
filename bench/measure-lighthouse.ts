import { createServer } from 'node:net';
import lighthouse from 'lighthouse';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../tools/lib/chromium.ts';
import { median } from './stats.ts';

/**
 * Lighthouse's four category scores for a page, run through its Node API
 * against the test Chromium (launched by Playwright with a remote debugging
 * port Lighthouse connects to), with Lighthouse's default settings: mobile
 * emulation and simulated throttling.
 */

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export type LighthouseScores = Record<Category, number | null>;

export interface LighthouseRun {
  url: string;
  scores: LighthouseScores;
  /** Titles of the audits that lost points, by category, so a score below 100 can be acted on. */
  failing: Record<Category, string[]>;
}

export interface LighthouseBrowser {
  run(url: string): Promise<LighthouseRun>;
  close(): Promise<void>;
}

/**
 * Lighthouse several times on one page, each category's median score (its
 * performance score moves from run to run on a busy machine), and the audits
 * that lost points in the run whose performance score is the median.
 */
export async function medianRun(browser: LighthouseBrowser, url: string, runs: number): Promise<LighthouseRun> {
  const all: LighthouseRun[] = [];
  for (let i = 0; i < runs; i++) all.push(await browser.run(url));
  return medianOfRuns(all);
}

/** Pure: the per-category median of several runs of one page. */
export function medianOfRuns(runs: readonly LighthouseRun[]): LighthouseRun {
  const first = runs[0];
  if (!first) throw new Error('No Lighthouse runs to summarise.');
  const scores = {} as LighthouseScores;
  for (const category of CATEGORIES) {
    const values = runs.map((r) => r.scores[category]).filter((v): v is number => v !== null);
    scores[category] = values.length ? median(values) : null;
  }
  const byPerformance = [...runs].sort((a, b) => (a.scores.performance ?? 0) - (b.scores.performance ?? 0));
  const middle = byPerformance[Math.floor((byPerformance.length - 1) / 2)] ?? first;
  return { url: first.url, scores, failing: middle.failing };
}

export async function openLighthouse(): Promise<LighthouseBrowser> {
  const port = await freePort();
  const browser: Browser = await launchChromium([`--remote-debugging-port=${port}`, '--remote-debugging-address=127.0.0.1']);
  return {
    async run(url) {
      const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}.`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.message}`);
      const scores = {} as LighthouseScores;
      const failing = {} as Record<Category, string[]>;
      for (const category of CATEGORIES) {
        const entry = lhr.categories[category];
        scores[category] = entry?.score == null ? null : Math.round(entry.score * 100);
        failing[category] = (entry?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0)
          .map((ref) => lhr.audits[ref.id])
          .filter((audit) => audit && audit.score !== null && audit.score < 1)
          .map((audit) => audit!.title);
      }
      return { url, scores, failing };
    },
    close: () => browser.close(),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
