import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { SearchUi } from './config.ts';
import { folderStats } from './sites.ts';
import { median, p95, sum } from './stats.ts';
import { QUIET_MS } from './measure-weight.ts';
import { watchNetwork } from './network.ts';
import { compressedSizes } from './weight.ts';

/**
 * Search speed through each site's own search interface, in Chromium. For
 * every query a fresh browser context (empty cache) opens a reading page,
 * opens the search, waits a moment as a reader would, and types the query.
 * The time is taken in the page, from the last keydown to the first result
 * element added to the DOM (a MutationObserver and performance.now()). The
 * bytes are those of every response from opening the search until the
 * network is idle after the results: what one search costs a first-time
 * reader.
 *
 * Each query is typed twice, on fresh pages: all at once (Playwright's
 * keyboard with no delay between keys: the figure the target is judged on,
 * and the bytes), and at a typist's pace (PACED_KEY_DELAY_MS), where an
 * interface can search each key's words while the next is typed. Neither is
 * the whole truth: readers type, and also paste.
 */

export interface QueryResult {
  query: string;
  /** Last keystroke to first result drawn; null when no result appeared within the time limit. */
  ms: number | null;
  requests: number;
  bytes: { raw: number; gzip: number };
  /** What was fetched: URL path and gzip bytes, largest first. */
  files: { path: string; gzip: number }[];
}

/** Search timed with the query typed at a typist's pace. */
export interface PacedSearch {
  keyDelayMs: number;
  medianMs: number;
  p95Ms: number;
  failures: number;
  /** Per query, last keystroke to first result drawn; null when none appeared. */
  times: (number | null)[];
  /** Per query, gzip bytes: typing word by word fetches excerpts for the words on the way. */
  medianBytes: number;
  maxBytes: number;
}

export type SearchResult =
  | { available: false; reason: string; indexBytes: number }
  | {
      available: true;
      indexBytes: number;
      indexFiles: number;
      queries: QueryResult[];
      medianMs: number;
      p95Ms: number;
      failures: number;
      /** Per query, gzip bytes. */
      medianBytes: number;
      maxBytes: number;
      /** Absent in results saved before it was measured. */
      paced?: PacedSearch;
    };

const RESULT_TIMEOUT_MS = 5_000;
/** Milliseconds between keys for the paced measurement: a typist at 120 words a minute (words of five keys, the usual measure). */
export const PACED_KEY_DELAY_MS = 100;
/** The pause between opening search and typing, in which an interface may load its index. */
const READER_PAUSE_MS = 1_000;

export function searchIndex(outDir: string): { bytes: number; files: number; present: boolean } {
  const dir = join(outDir, 'pagefind');
  const present = existsSync(join(dir, 'pagefind.js')) || existsSync(join(dir, 'pagefind-entry.json'));
  return { ...folderStats(dir), present };
}

export async function measureSearch(
  browser: Browser,
  pageUrl: string,
  outDir: string,
  ui: SearchUi,
  queries: readonly string[],
): Promise<SearchResult> {
  const index = searchIndex(outDir);
  if (!index.present) return { available: false, reason: 'not available (no search index in build)', indexBytes: 0 };
  const results: QueryResult[] = [];
  const paced: QueryResult[] = [];
  for (const query of queries) {
    const result = await oneQuery(browser, pageUrl, ui, query, 0);
    if (typeof result === 'string') return { available: false, reason: result, indexBytes: index.bytes };
    results.push(result);
    const typed = await oneQuery(browser, pageUrl, ui, query, PACED_KEY_DELAY_MS);
    if (typeof typed === 'string') return { available: false, reason: typed, indexBytes: index.bytes };
    paced.push(typed);
  }
  const times = results.map((r) => r.ms).filter((ms): ms is number => ms !== null);
  const bytes = results.map((r) => r.bytes.gzip);
  return {
    available: true,
    indexBytes: index.bytes,
    indexFiles: index.files,
    queries: results,
    medianMs: median(times),
    p95Ms: p95(times),
    failures: results.length - times.length,
    medianBytes: median(bytes),
    maxBytes: Math.max(...bytes),
    paced: pacedSummary(paced, PACED_KEY_DELAY_MS),
  };
}

export function pacedSummary(queries: readonly Pick<QueryResult, 'ms' | 'bytes'>[], keyDelayMs: number): PacedSearch {
  const times = queries.map((q) => q.ms);
  const drawn = times.filter((ms): ms is number => ms !== null);
  const bytes = queries.map((q) => q.bytes.gzip);
  return { keyDelayMs, medianMs: median(drawn), p95Ms: p95(drawn), failures: times.length - drawn.length, times, medianBytes: median(bytes), maxBytes: Math.max(...bytes) };
}

/** One query on a fresh page, `keyDelayMs` between keys; a string says why search could not be driven. */
async function oneQuery(browser: Browser, pageUrl: string, ui: SearchUi, query: string, keyDelayMs: number): Promise<QueryResult | string> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const network = watchNetwork(page);
    await page.goto(pageUrl, { waitUntil: 'load', timeout: 30_000 });
    // The first view has finished loading (see measure-weight.ts): what follows is the search's.
    await network.quiet(QUIET_MS);
    const fetched: Promise<{ path: string; raw: number; gzip: number }>[] = [];
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      fetched.push(
        response
          .body()
          .then((body) => {
            const sizes = compressedSizes(body);
            return { path, raw: sizes.raw, gzip: sizes.gzip };
          })
          .catch(() => ({ path, raw: 0, gzip: 0 })),
      );
    });
    const opened = await openSearch(page, ui);
    if (!opened) return `not available (search field not found: ${ui.input})`;
    await page.waitForTimeout(READER_PAUSE_MS);
    await network.quiet(500, 5_000);
    await page.evaluate(installTimer, { result: ui.result, drawn: ui.drawnWhen?.replaceAll('{query}', cssString(query)) ?? null });
    await page.keyboard.type(query, { delay: keyDelayMs });
    const ms = await page
      .waitForFunction(() => (window as unknown as BenchWindow).__bench.drawn > 0, undefined, { timeout: RESULT_TIMEOUT_MS, polling: 50 })
      .then(() => page.evaluate(() => {
        const b = (window as unknown as BenchWindow).__bench;
        return b.drawn - b.lastKey;
      }))
      .catch(() => null);
    // Result fragments and the rest of the index files the query asked for.
    await network.quiet(1_000, 10_000);
    const sizes = await Promise.all(fetched);
    return {
      query,
      ms,
      requests: sizes.length,
      bytes: { raw: sum(sizes.map((s) => s.raw)), gzip: sum(sizes.map((s) => s.gzip)) },
      files: sizes.map(({ path, gzip }) => ({ path, gzip })).sort((a, b) => b.gzip - a.gzip),
    };
  } finally {
    await context.close();
  }
}

/** Opens the search interface and focuses its field; false when there is none. */
async function openSearch(page: Page, ui: SearchUi): Promise<boolean> {
  const input = page.locator(ui.input).first();
  if (!(await input.isVisible())) {
    const open = ui.open ? page.locator(ui.open).first() : undefined;
    if (open && (await open.count()) > 0) await open.click({ timeout: 5_000 }).catch(() => undefined);
    else if (ui.openKey) await page.keyboard.press(ui.openKey);
  }
  try {
    await input.waitFor({ state: 'visible', timeout: 5_000 });
  } catch {
    return false;
  }
  await input.focus();
  return true;
}

interface BenchWindow {
  __bench: { lastKey: number; drawn: number };
}

/** Text for inside a double-quoted CSS attribute value. */
function cssString(text: string): string {
  return text.replace(/["\\]/g, '\\$&');
}

/**
 * Runs in the page: notes each keydown, and when the first result is drawn
 * after the latest one: the first result element added to the DOM, or, when
 * the interface says which query its results are for (`drawn`), the moment
 * that selector and a result both match.
 */
function installTimer({ result, drawn }: { result: string; drawn: string | null }): void {
  const state = { lastKey: 0, drawn: 0 };
  (window as unknown as BenchWindow).__bench = state;
  document.addEventListener('keydown', () => {
    state.lastKey = performance.now();
    state.drawn = 0;
  }, true);
  const isResult = (node: Node) => {
    const element = node instanceof Element ? node : node.parentElement;
    return !!element && (element.matches(result) || !!element.querySelector(result) || !!element.closest(result));
  };
  new MutationObserver((records) => {
    if (state.lastKey === 0 || state.drawn > 0) return;
    const done = drawn
      ? !!document.querySelector(drawn) && !!document.querySelector(result)
      : records.some((r) => [...r.addedNodes].some(isResult));
    if (done) state.drawn = performance.now();
  }).observe(document.documentElement, { childList: true, subtree: true, attributes: !!drawn });
}
