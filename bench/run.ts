import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { stopAllBuilds } from '../tools/lib/astro-build.ts';
import { launchChromium } from '../tools/lib/chromium.ts';
import { serveStatic, type StaticServer } from '../tools/lib/serve.ts';
import { parseArgs, type BenchOptions } from './args.ts';
import { buildSeries, buildTimeChart } from './chart.ts';
import { BENCH_README, PEER, PROJECT, RESULTS, pagePaths } from './config.ts';
import { measureBuilds } from './measure-build.ts';
import { measureDev } from './measure-dev.ts';
import { medianRun, openLighthouse } from './measure-lighthouse.ts';
import { measureSearch } from './measure-search.ts';
import { measurePageWeight } from './measure-weight.ts';
import { readmeSection, replaceBetweenMarkers } from './readme.ts';
import { reportMarkdown, targetsText } from './report.ts';
import type { BenchResults, LighthouseEntry, Machine, PageName, SizeResult } from './results.ts';
import { sitesFor, type BenchSite } from './sites.ts';
import { evaluateTargets, TARGET_SIZES } from './targets.ts';
import { SEARCH_QUERIES } from './vocabulary.ts';
import { ensurePeerInstalled, prepareWorkspace, type Workspace } from './workspace.ts';

/**
 * `npm run bench`: this site against Starlight on the same corpora. See the
 * bench/README.md, and bench/args.ts for the options.
 */

const CHART_FILE = 'build-time.svg';
/** Lighthouse runs per page; the median score of each category is kept. */
const LIGHTHOUSE_RUNS = 3;
const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const startedAt = new Date().toISOString();
  const loadStart = loadavg()[0] ?? 0;
  log(`Bench: ${options.parts.join(', ')} at N = ${options.sizes.join(', ')}${options.full ? ' (full run)' : ''}`);
  ensurePeerInstalled(log);
  const queries = SEARCH_QUERIES.slice(0, options.queries);
  const results: SizeResult[] = [];
  let lighthouse: BenchResults['lighthouse'];
  let chromiumVersion = '';
  for (const size of options.sizes) {
    const workspace = prepareWorkspace(size);
    const sites = sitesFor(workspace);
    log(`\nN = ${size}: ${workspace.pages} documents (essay "${workspace.essay}", note "${workspace.note}")`);
    const result: SizeResult = { size, essay: workspace.essay, note: workspace.note, documents: workspace.pages };
    if (options.parts.includes('build')) {
      result.build = await measureBuilds(workspace, sites, options.runs, log);
    } else if (['weight', 'search', 'lighthouse'].some((p) => options.parts.includes(p as never))) {
      for (const site of sites) await buildOnce(site);
    }
    const browserParts = options.parts.includes('weight') || options.parts.includes('search');
    if (browserParts) {
      const browser = await launchChromium();
      chromiumVersion = browser.version();
      try {
        await withServers(sites, async (servers) => {
          if (options.parts.includes('weight')) result.weight = await measureWeights(browser, sites, servers, workspace);
          if (options.parts.includes('search')) result.search = await measureSearches(browser, sites, servers, workspace, queries);
        });
      } finally {
        await browser.close();
      }
    }
    if (options.parts.includes('dev')) {
      result.dev = await measureDev(workspace, { edit: size === TARGET_SIZES.base }, log);
    }
    if (options.parts.includes('lighthouse') && size === options.sizes[0]) {
      lighthouse = { size, pages: await runLighthouse(sites, workspace) };
    }
    results.push(result);
  }
  const machine: Machine = {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${type()} ${release()}`,
    node: process.versions.node,
    loadStart,
    loadEnd: loadavg()[0] ?? 0,
  };
  const bench: BenchResults = {
    version: 1,
    startedAt,
    finishedAt: new Date().toISOString(),
    parts: options.parts,
    sizes: options.sizes,
    buildRuns: options.runs,
    queries,
    machine,
    versions: versions(chromiumVersion),
    results,
    ...(lighthouse ? { lighthouse } : {}),
  };
  const targets = evaluateTargets(bench);
  log(`\n${targetsText(targets)}\n`);
  writeResults(bench, targets, options);
}

async function buildOnce(site: BenchSite): Promise<void> {
  log(`  building ${site.label} (not timed)…`);
  const result = await site.build();
  if (result.exitCode !== 0) throw new Error(`${site.label} failed to build:\n${result.output.split('\n').slice(-30).join('\n')}`);
}

async function withServers(sites: readonly BenchSite[], work: (servers: Map<BenchSite, StaticServer>) => Promise<void>): Promise<void> {
  const servers = new Map<BenchSite, StaticServer>();
  try {
    for (const site of sites) servers.set(site, await serveStatic(site.outDir, site.base));
    await work(servers);
  } finally {
    for (const server of servers.values()) await server.close();
  }
}

async function measureWeights(browser: Browser, sites: readonly BenchSite[], servers: Map<BenchSite, StaticServer>, workspace: Workspace): Promise<NonNullable<SizeResult['weight']>> {
  const weight: NonNullable<SizeResult['weight']> = {};
  for (const site of sites) {
    const base = servers.get(site)!.url;
    const essay = await measurePageWeight(browser, base + pagePaths.essay(workspace.essay));
    const note = await measurePageWeight(browser, base + pagePaths.note(workspace.note));
    weight[site.name] = {
      essay: { url: essay.url, requests: essay.requests, weight: essay.weight },
      note: { url: note.url, requests: note.requests, weight: note.weight },
    };
    log(`  ${site.label.padEnd(9)} essay ${(essay.weight.total.gzip / 1000).toFixed(1)} KB gzip (JS ${(essay.weight.js.gzip / 1000).toFixed(1)} KB), note ${(note.weight.total.gzip / 1000).toFixed(1)} KB gzip`);
  }
  return weight;
}

async function measureSearches(
  browser: Browser,
  sites: readonly BenchSite[],
  servers: Map<BenchSite, StaticServer>,
  workspace: Workspace,
  queries: readonly string[],
): Promise<NonNullable<SizeResult['search']>> {
  const search: NonNullable<SizeResult['search']> = {};
  for (const site of sites) {
    const url = servers.get(site)!.url + pagePaths.essay(workspace.essay);
    const result = await measureSearch(browser, url, site.outDir, site.searchUi, queries);
    search[site.name] = result;
    log(result.available
      ? `  ${site.label.padEnd(9)} search: median ${result.medianMs.toFixed(1)} ms, p95 ${result.p95Ms.toFixed(1)} ms, ${result.failures} without result, ${(result.maxBytes / 1000).toFixed(1)} KB largest query, index ${(result.indexBytes / 1000).toFixed(0)} KB; typed at ${result.paced?.keyDelayMs} ms a key: median ${result.paced?.medianMs.toFixed(1)} ms, p95 ${result.paced?.p95Ms.toFixed(1)} ms`
      : `  ${site.label.padEnd(9)} search: ${result.reason}`);
  }
  return search;
}

async function runLighthouse(sites: readonly BenchSite[], workspace: Workspace): Promise<LighthouseEntry[]> {
  const entries: LighthouseEntry[] = [];
  const lighthouse = await openLighthouse();
  try {
    await withServers(sites, async (servers) => {
      for (const site of sites) {
        const pages: [PageName, string][] = [
          ['essay', pagePaths.essay(workspace.essay)],
          ['note', pagePaths.note(workspace.note)],
          ...(site.name === 'ours' ? [['search', pagePaths.search] as [PageName, string]] : []),
        ];
        for (const [page, path] of pages) {
          const url = servers.get(site)!.url + path;
          if (!existsSync(join(site.outDir, path, 'index.html'))) {
            entries.push({ site: site.name, page, url, scores: null, reason: `not available (no /${path} page in the build)` });
            log(`  ${site.label.padEnd(9)} Lighthouse ${page}: no /${path} page`);
            continue;
          }
          const run = await medianRun(lighthouse, url, LIGHTHOUSE_RUNS);
          entries.push({ site: site.name, page, url, scores: run.scores, failing: run.failing });
          log(`  ${site.label.padEnd(9)} Lighthouse ${page}: ${Object.values(run.scores).join(' / ')}`);
        }
      }
    });
  } finally {
    await lighthouse.close();
  }
  return entries;
}

function versions(chromium: string): Record<string, string> {
  const version = (dir: string, name: string) => {
    try {
      return (JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return 'not installed';
    }
  };
  return {
    astro: version(PROJECT, 'astro'),
    pagefind: version(PROJECT, 'pagefind'),
    '@astrojs/starlight': version(PEER, '@astrojs/starlight'),
    'astro (Starlight)': version(PEER, 'astro'),
    'pagefind (Starlight)': version(PEER, 'pagefind'),
    lighthouse: version(PROJECT, 'lighthouse'),
    ...(chromium ? { chromium } : {}),
  };
}

function writeResults(bench: BenchResults, targets: ReturnType<typeof evaluateTargets>, options: BenchOptions): void {
  mkdirSync(RESULTS, { recursive: true });
  const name = options.save ? 'latest' : 'partial';
  const json = { ...bench, targets };
  writeFileSync(join(RESULTS, `${name}.json`), `${JSON.stringify(json, null, 2)}\n`);
  const chartFile = options.save ? CHART_FILE : 'partial-build-time.svg';
  const series = buildSeries(bench.results);
  if (series.length > 0) writeFileSync(join(RESULTS, chartFile), buildTimeChart(series, 'Build time (median of runs) against corpus size'));
  writeFileSync(join(RESULTS, `${name}.md`), reportMarkdown(bench, targets, chartFile));
  if (options.save) {
    // bench/README.md links its results relative to itself.
    writeFileSync(BENCH_README, replaceBetweenMarkers(readFileSync(BENCH_README, 'utf8'), readmeSection(bench, targets, `results/${CHART_FILE}`)));
    log(`Wrote bench/results/latest.json, latest.md, ${CHART_FILE} and the results section of bench/README.md.`);
  } else {
    log(`A partial run: wrote bench/results/partial.json and partial.md (git-ignored). A full run, or --save, writes latest.* and bench/README.md.`);
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopAllBuilds();
    process.exit(130);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
