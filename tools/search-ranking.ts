/**
 * Compares the two ways Pagefind can make a claim findable on its own, on the
 * built site's real content, with claim-level queries whose right answer is
 * known (docs/search.md quotes the result):
 *
 * - sub-results: each claim's <span id> carries data-pagefind-title, so a
 *   claim is a sub-result of its essay's page result;
 * - custom records: one record per claim through the Node API's
 *   addCustomRecord (what the site does), titled with the claim's own text
 *   or, as a variant, with its essay's title.
 *
 * It indexes each variant from the same built HTML (run `npm run build`
 * first), searches each in Chromium with Pagefind's own search code, and
 * prints where the expected claim comes in the list a reader sees.
 *
 *   npm run search-ranking
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import * as pagefind from 'pagefind';
import { claimTitle } from '../src/formats/search-records.ts';
import { launchChromium } from './lib/chromium.ts';
import { serveStatic } from './lib/serve.ts';

/** Queries a reader might type, and the claim that answers each. */
const CLAIM_QUERIES: readonly { query: string; claim: string }[] = [
  { query: 'random rewards', claim: 'rewards-as-catalyst' },
  { query: '5 to 30 percent of parameters', claim: 'rl-touches-small-slice' },
  { query: 'entropy', claim: 'structured-tasks-first' },
  { query: 'sampling budgets', claim: 'sampling-efficiency-not-boundary' },
  { query: 'format diversity collapses', claim: 'format-collapse-first-epoch' },
  { query: 'capability boundary collapse', claim: 'capability-boundary-collapse' },
  { query: 'impossibly difficult problems', claim: 'hard-samples-backfire' },
  { query: 'locally coherent proofs', claim: 'form-before-substance' },
  { query: 'imitation phase reward signal', claim: 'imitation-then-rlvr' },
  { query: 'suppressing wrong trajectories', claim: 'rl-touches-small-slice' },
  { query: 'asynchronous training', claim: 'cannot-out-train-prior' },
  { query: 'catalyst pretraining', claim: 'rewards-as-catalyst' },
];

/** Queries whose answer is a page, not a claim: claims must not crowd these out. */
const PAGE_QUERIES: readonly { query: string; page: string }[] = [
  { query: 'pass@k', page: '/notes/reasoning-boundary/' },
  { query: 'AReaL', page: '/notes/asynchronous-rl/' },
  { query: 'Omni-Thinker', page: '/notes/training-order/' },
  { query: 'negative reinforcement', page: '/notes/what-rl-changes/' },
  { query: 'parameter sparsity', page: '/notes/sparse-parameter-updates/' },
  { query: 'standard RLVR approaches', page: '/essays/prolonged-rl-training/' },
];

interface Page {
  path: string;
  html: string;
  title: string;
}

interface Claim {
  id: string;
  text: string;
  page: string;
  pageTitle: string;
}

interface Variant {
  name: string;
  route: 'sub-results' | 'records';
  claimTitle?: 'claim text' | 'essay title';
}
const VARIANTS: readonly Variant[] = [
  { name: 'sub-results', route: 'sub-results' },
  { name: 'records, essay title', route: 'records', claimTitle: 'essay title' },
  { name: 'records, claim text as title (the site)', route: 'records', claimTitle: 'claim text' },
];

const root = join(import.meta.dirname, '..');
const dist = join(root, process.env['OUT_DIR'] ?? 'dist');
const work = join(tmpdir(), `search-ranking-${process.pid}`);

const pages = readPages(dist);
const claims = pages.flatMap(claimsOf);
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
writeFileSync(join(work, '404.html'), 'Not found');
for (const [i, variant] of VARIANTS.entries()) await indexVariant(variant, join(work, `v${i}`));
await pagefind.close();

const server = await serveStatic(work);
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  const header = ['| Query | Expected | ' + VARIANTS.map((v) => v.name).join(' | ') + ' |', `|---|---|${VARIANTS.map(() => '---').join('|')}|`];
  const claimTable = [...header];
  const firsts = VARIANTS.map(() => 0);
  for (const { query, claim } of CLAIM_QUERIES) {
    const cells: string[] = [];
    for (const i of VARIANTS.keys()) {
      const list = await resultList(i, query);
      const position = list.findIndex((url) => url.endsWith(`#${claim}`)) + 1;
      if (position === 1) firsts[i]! += 1;
      cells.push(describe(position, list));
    }
    claimTable.push(`| ${query} | #${claim} | ${cells.join(' | ')} |`);
  }
  claimTable.push(`| **claim first** | | ${firsts.map((n) => `**${n} of ${CLAIM_QUERIES.length}**`).join(' | ')} |`);
  const pageTable = [...header];
  const pageFirsts = VARIANTS.map(() => 0);
  for (const { query, page: expected } of PAGE_QUERIES) {
    const cells: string[] = [];
    for (const i of VARIANTS.keys()) {
      const list = await resultList(i, query);
      const position = list.findIndex((url) => url === expected) + 1;
      if (position === 1) pageFirsts[i]! += 1;
      cells.push(describe(position, list));
    }
    pageTable.push(`| ${query} | ${expected} | ${cells.join(' | ')} |`);
  }
  pageTable.push(`| **page first** | | ${pageFirsts.map((n) => `**${n} of ${PAGE_QUERIES.length}**`).join(' | ')} |`);
  console.log(`Claim-level queries: where the expected claim comes in the list (1 = first).\n\n${claimTable.join('\n')}\n`);
  console.log(`Page-level queries: where the expected page comes.\n\n${pageTable.join('\n')}`);

  /** The list a reader sees for a query: each result, then its sub-results (Pagefind's UIs show them so), as site paths. */
  async function resultList(i: number, query: string): Promise<string[]> {
    // A fresh document per search, so one variant's options never leak into another's.
    await page.goto(`${server.url}404.html`);
    const urls = await page.evaluate(
      async ({ bundle, query }) => {
        const pf = await import(bundle);
        const found = await pf.search(query);
        const top = await Promise.all(found.results.slice(0, 10).map((r: { data(): Promise<unknown> }) => r.data()));
        return top.flatMap((d: { url: string; sub_results?: { url: string; anchor?: unknown }[] }) => [d.url, ...(d.sub_results ?? []).filter((s) => s.anchor).map((s) => s.url)]);
      },
      { bundle: `/v${i}/pagefind/pagefind.js`, query },
    );
    return (urls as string[]).map((url) => url.replace(/^\/v\d+/, ''));
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(work, { recursive: true, force: true });
}

function readPages(dir: string): Page[] {
  const paths: string[] = [];
  for (const section of ['essays', 'notes']) {
    const $list = cheerio.load(readFileSync(join(dir, section === 'essays' ? 'index.html' : 'notes/index.html'), 'utf8'));
    $list(`a[href*="/${section}/"]`).each((_, a) => {
      const href = $list(a).attr('href')!;
      if (/\/(essays|notes)\/[^/]+\/$/.test(href)) paths.push(href);
    });
  }
  return [...new Set(paths)].map((path) => {
    const html = readFileSync(join(dir, path, 'index.html'), 'utf8');
    return { path, html, title: cheerio.load(html)('h1').first().text() };
  });
}

function claimsOf(page: Page): Claim[] {
  const $ = cheerio.load(page.html);
  return $('[data-pagefind-body] .claim[id]')
    .map((_, el) => {
      const span = $(el).clone();
      span.find('[data-pagefind-ignore]').remove();
      return { id: $(el).attr('id')!, text: span.text().replace(/\s+/g, ' ').trim(), page: page.path, pageTitle: page.title };
    })
    .get();
}

function describe(position: number, list: readonly string[]): string {
  if (position === 0) return 'not in top 10';
  return position === 1 ? '1' : `${position} (1st: ${list[0]})`;
}

async function indexVariant(variant: Variant, out: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  for (const page of pages) {
    let html = page.html;
    if (variant.route === 'sub-results') {
      for (const claim of claims.filter((c) => c.page === page.path)) {
        html = html.replace(`<span id="${claim.id}" class="claim"`, `<span id="${claim.id}" data-pagefind-title="${escapeAttribute(claimTitle(claim.text))}" class="claim"`);
      }
    }
    const added = await index.addHTMLFile({ url: page.path, content: html });
    if (added.errors.length) throw new Error(`Could not index ${page.path}: ${added.errors.join('; ')}`);
  }
  if (variant.route === 'records') {
    for (const claim of claims) {
      const title = variant.claimTitle === 'claim text' ? claimTitle(claim.text) : claim.pageTitle;
      await index.addCustomRecord({ url: `${claim.page}#${claim.id}`, content: claim.text, language: 'en', meta: { title, kind: 'claim' }, filters: { kind: ['claim'] } });
    }
  }
  const written = await index.writeFiles({ outputPath: join(out, 'pagefind') });
  if (written.errors.length) throw new Error(`Could not write ${out}: ${written.errors.join('; ')}`);
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
