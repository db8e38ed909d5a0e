import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEARCH_UI, pagePaths } from '../../bench/config.ts';
import { measureSearch, PACED_KEY_DELAY_MS } from '../../bench/measure-search.ts';
import { measurePageWeight } from '../../bench/measure-weight.ts';
import { useSite } from './support.ts';

/**
 * A smoke run of `npm run bench`'s browser measurements on the real site, so
 * that a change to the pages cannot quietly break what the bench reads from
 * them (a search it can no longer drive reports "not available", and a first
 * view it cannot load throws). It asserts that the measurements ran and what
 * they found, never how fast or how small: those are the bench's figures, not
 * a test's (bench/README.md).
 */

const site = useSite('site');
const ESSAY = pagePaths.essay('prolonged-rl-training');

describe('the bench on the built site', () => {
  it("weighs the essay's first view: the page, its style sheets and script, and nothing from elsewhere", async () => {
    const { weight, files } = await measurePageWeight(site.browser(), site.url(ESSAY));
    expect(files.filter((f) => f.kind === 'html').map((f) => new URL(f.url).pathname)).toEqual([`/${ESSAY}`]);
    expect(files.some((f) => f.kind === 'css')).toBe(true);
    expect(files.some((f) => f.kind === 'js')).toBe(true);
    // Every byte from this site.
    expect(files.every((f) => f.url.startsWith(site.url()))).toBe(true);
    // The bytes counted are the built files the page uses: the essay's HTML, the style sheets it links,
    // and the site's own fonts (this machine has none of the stacks' other faces: docs/typography.md).
    const outDir = site.build.outDir;
    const fonts = files.filter((f) => f.kind === 'font');
    expect(fonts.length).toBeGreaterThan(0);
    expect(weight.font.raw).toBe(fonts.reduce((sum, f) => sum + statSync(join(outDir, new URL(f.url).pathname)).size, 0));
    const html = readFileSync(join(outDir, ESSAY, 'index.html'), 'utf8');
    expect(weight.html.raw).toBe(Buffer.byteLength(html));
    const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
    expect(sheets.length).toBeGreaterThan(0);
    expect(weight.css.raw).toBe(sheets.reduce((sum, href) => sum + statSync(join(outDir, href)).size, 0));
    expect(weight.html.gzip).toBeGreaterThan(0);
    expect(weight.html.gzip).toBeLessThan(weight.html.raw);
  }, 60_000);

  it('drives the header search, typed at once and at a typist’s pace, and finds a result for every query', async () => {
    // One query, of two words: each costs the bench's network-quiet waits twice (typed at once, then paced).
    const queries = ['reward hacking'];
    const result = await measureSearch(site.browser(), site.url(ESSAY), site.build.outDir, SEARCH_UI.ours, queries);
    if (!result.available) throw new Error(`The bench could not search the site: ${result.reason}`);
    expect(result.failures).toBe(0);
    expect(result.queries.map((q) => q.query)).toEqual(queries);
    for (const query of result.queries) {
      expect(query.ms, query.query).toBeGreaterThan(0);
      // What a first search costs: Pagefind's code, its index and the results' excerpts.
      const paths = query.files.map((f) => f.path);
      expect(paths, query.query).toContain('/pagefind/pagefind.js');
      expect(paths.some((p) => p.startsWith('/pagefind/fragment/')), query.query).toBe(true);
    }
    expect(result.paced?.keyDelayMs).toBe(PACED_KEY_DELAY_MS);
    expect(result.paced?.failures).toBe(0);
    expect(result.paced?.times.every((ms) => ms !== null && ms > 0)).toBe(true);
    expect(result.indexBytes).toBeGreaterThan(0);
  }, 120_000);
});
