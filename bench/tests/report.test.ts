import { describe, expect, it } from 'vitest';
import { parseArgs } from '../args.ts';
import { buildSeries, buildTimeChart, niceMax } from '../chart.ts';
import { medianOfRuns, type LighthouseRun } from '../measure-lighthouse.ts';
import { summarise, type BuildRun } from '../measure-build.ts';
import { readmeSection, replaceBetweenMarkers } from '../readme.ts';
import { pacedSummary, type SearchResult } from '../measure-search.ts';
import { markdownTable, searchMarkdown, textTable } from '../report.ts';
import type { BenchResults, SizeResult } from '../results.ts';
import { median, p95, quantile, ratio } from '../stats.ts';
import { evaluateTargets } from '../targets.ts';
import { emptyWeight, addToWeight } from '../weight.ts';

/** The bench's pure parts: statistics, targets, tables, the chart, the README section, its options. */

describe('statistics', () => {
  it('takes medians and the 95th percentile, interpolating between ranks', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0)).toBe(1);
    expect(quantile([1, 2, 3, 4, 5], 1)).toBe(5);
    expect(p95(Array.from({ length: 21 }, (_, i) => i))).toBe(19);
    expect(median([])).toBeNaN();
    expect(ratio(1, 0)).toBeNaN();
  });
});

const run = (site: 'ours' | 'starlight', kind: 'clean' | 'rebuild', seconds: number, rss = 100): BuildRun => ({ site, case: kind, run: 1, seconds, peakRssBytes: rss, pages: 100 });

describe('summarise', () => {
  it('gives the median time and memory per site and case, and milliseconds per page', () => {
    const [ours] = summarise([run('ours', 'clean', 10), run('ours', 'clean', 30), run('ours', 'clean', 20)]);
    expect(ours).toMatchObject({ site: 'ours', case: 'clean', runs: 3, medianSeconds: 20, pages: 100, msPerPage: 200 });
  });
});

function sizeResult(size: number, ours: [number, number, number], starlight: [number, number, number]): SizeResult {
  const runs = [
    run('ours', 'clean', ours[0], ours[2]), run('starlight', 'clean', starlight[0], starlight[2]),
    run('ours', 'rebuild', ours[1], ours[2]), run('starlight', 'rebuild', starlight[1], starlight[2]),
  ];
  return { size, essay: 'e', note: 'n', documents: size, build: { size, runs, summaries: summarise(runs), ratios: { clean: { seconds: 1, peakRss: 1 }, rebuild: { seconds: 1, peakRss: 1 } } } };
}

function results(sizes: SizeResult[], extra: Partial<BenchResults> = {}): BenchResults {
  return {
    version: 1, startedAt: '', finishedAt: '2026-01-01T00:00:00Z', parts: ['build'], sizes: sizes.map((s) => s.size), buildRuns: 1, queries: [],
    machine: { cpu: 'cpu', cores: 2, memoryGiB: 24, os: 'Linux', node: '24', loadStart: 0, loadEnd: 0 },
    versions: {}, results: sizes, ...extra,
  };
}

describe('evaluateTargets', () => {
  it('says "not measured" for what the run did not include', () => {
    const targets = evaluateTargets(results([]));
    expect(targets.map((t) => t.status)).toEqual(Array(targets.length).fill('not measured'));
  });

  it('judges the build targets against Starlight in the same run', () => {
    const targets = evaluateTargets(results([sizeResult(1000, [10, 4, 90], [12, 10, 100]), sizeResult(5000, [60, 20, 200], [70, 30, 300])]));
    const status = Object.fromEntries(targets.map((t) => [t.id, t.status]));
    expect(status).toMatchObject({ 'rebuild-time': 'met', 'clean-time': 'met', 'peak-memory': 'met', scaling: 'not met' });
    const slower = evaluateTargets(results([sizeResult(1000, [13, 6, 110], [12, 10, 100])]));
    expect(Object.fromEntries(slower.map((t) => [t.id, t.status]))).toMatchObject({ 'rebuild-time': 'not met', 'clean-time': 'not met', 'peak-memory': 'not met' });
  });

  it('judges the essay page weight in gzip bytes, total and JS', () => {
    const weight = (js: number, html: number) => addToWeight(addToWeight(emptyWeight(), 'js', { raw: js, gzip: js, brotli: js }), 'html', { raw: html, gzip: html, brotli: html });
    const page = (js: number, html: number) => ({ url: '', requests: 2, weight: weight(js, html) });
    const real: SizeResult = { size: 13, essay: 'e', note: 'n', documents: 13, weight: { ours: { essay: page(2_000, 9_000), note: page(0, 1) } } };
    expect(evaluateTargets(results([real])).filter((t) => t.id.startsWith('essay')).map((t) => t.status)).toEqual(['met', 'met']);
    real.weight!.ours!.essay = page(3_500, 9_000);
    expect(evaluateTargets(results([real])).filter((t) => t.id.startsWith('essay')).map((t) => t.status)).toEqual(['not met', 'not met']);
  });

  it('reports search that is not available yet, and Lighthouse below 100', () => {
    const large: SizeResult = { size: 5000, essay: 'e', note: 'n', documents: 5000, search: { ours: { available: false, reason: 'not available (no search index in build)', indexBytes: 0 } } };
    const scores = (p: number) => ({ performance: p, accessibility: 100, 'best-practices': 100, seo: 100 });
    const lighthouse = { size: 13, pages: [{ site: 'ours' as const, page: 'essay' as const, url: '', scores: scores(100) }, { site: 'ours' as const, page: 'note' as const, url: '', scores: scores(98) }] };
    const targets = evaluateTargets(results([large], { lighthouse }));
    const byId = Object.fromEntries(targets.map((t) => [t.id, t]));
    expect(byId['search-time']).toMatchObject({ status: 'not measured', note: 'not available (no search index in build)' });
    expect(byId['lighthouse']?.status).toBe('not met');
  });
});

function searched(medianMs: number, paced?: number[]): SearchResult {
  return {
    available: true, indexBytes: 1_000_000, indexFiles: 100, queries: [], medianMs, p95Ms: medianMs * 2, failures: 0, medianBytes: 190_000, maxBytes: 220_000,
    ...(paced ? { paced: pacedSummary(paced.map((ms) => ({ ms, bytes: { raw: 0, gzip: 200_000 + ms } })), 100) } : {}),
  };
}

describe('search figures', () => {
  it('summarises the paced typing times, counting queries with no result', () => {
    const typed = [20, null, 30, 40].map((ms, i) => ({ ms, bytes: { raw: 0, gzip: [5, 9, 1, 7][i]! } }));
    expect(pacedSummary(typed, 100)).toEqual({ keyDelayMs: 100, medianMs: 30, p95Ms: 39, failures: 1, times: [20, null, 30, 40], medianBytes: 6, maxBytes: 9 });
  });

  it('judges the search target on the query typed at once, not on the paced typing', () => {
    const large: SizeResult = { size: 5000, essay: 'e', note: 'n', documents: 5000, search: { ours: searched(90, [20, 24, 30]) } };
    const time = evaluateTargets(results([large])).find((t) => t.id === 'search-time');
    expect(time?.status).toBe('not met');
  });

  it('shows both times side by side, and a dash where a saved run has no paced time', () => {
    const table = searchMarkdown([{ size: 5000, essay: 'e', note: 'n', documents: 5000, search: { ours: searched(90, [20, 24, 30]), starlight: searched(385) } }]);
    const [header, , ours, starlight] = table.split('\n');
    expect(header).toContain('| Typed at once: first result, median / p95 | Typed at 100 ms a key: first result, median / p95 |');
    expect(header).toContain('| Fetched per query, typed at once (gzip), median / largest | Fetched per query, typed at 100 ms a key (gzip), median / largest |');
    expect(ours).toBe('| 5,000 | This site | 90 ms / 180 ms | 24 ms / 29 ms | 0 of 0 | 190.0 KB / 220.0 KB | 200.0 KB / 200.0 KB | 100 | 1000.0 KB |');
    expect(starlight).toBe('| 5,000 | Starlight | 385 ms / 770 ms | – | 0 of 0 | 190.0 KB / 220.0 KB | – | 100 | 1000.0 KB |');
  });
});

describe('medianOfRuns', () => {
  it('takes the median score of each category', () => {
    const lh = (performance: number, seo: number): LighthouseRun => ({
      url: 'u', scores: { performance, accessibility: 100, 'best-practices': 100, seo }, failing: { performance: [String(performance)], accessibility: [], 'best-practices': [], seo: [] },
    });
    const result = medianOfRuns([lh(90, 100), lh(100, 92), lh(95, 100)]);
    expect(result.scores).toEqual({ performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 });
    expect(result.failing.performance).toEqual(['95']);
  });
});

describe('tables', () => {
  it('writes Markdown tables with escaped cells', () => {
    expect(markdownTable(['a', 'b'], [['1', 'x | y']])).toBe('| a | b |\n| --- | --- |\n| 1 | x \\| y |');
  });

  it('lines up text tables', () => {
    expect(textTable(['a', 'bb'], [['ccc', 'd']])).toBe('a    bb\n---  --\nccc  d');
  });
});

describe('replaceBetweenMarkers', () => {
  it('replaces only what lies between the markers', () => {
    const text = 'before\n<!-- bench:start -->\nold\n<!-- bench:end -->\nafter\n';
    expect(replaceBetweenMarkers(text, 'new')).toBe('before\n<!-- bench:start -->\nnew\n<!-- bench:end -->\nafter\n');
  });

  it('refuses a README without markers', () => {
    expect(() => replaceBetweenMarkers('no markers', 'new')).toThrow(/bench:start/);
  });
});

describe('readmeSection', () => {
  it('says what ran where, warns of a busy machine, and links the chart only when builds ran', () => {
    const withBuild = results([sizeResult(1000, [10, 4, 1], [12, 10, 1])]);
    withBuild.machine.loadStart = 5;
    const text = readmeSection(withBuild, evaluateTargets(withBuild), 'results/build-time.svg');
    expect(text).toMatch(/^Last saved run \(build at N = 1,000\): 2026-01-01, cpu \(2 cores\)/);
    expect(text).toContain('so the times are noisy');
    expect(text).toContain('| Figure | This site | Starlight | Target | Result |');
    expect(text).toContain('](results/build-time.svg)');
    // Links relative to bench/README.md, where the section is written.
    expect(text).toContain('[all figures](results/latest.md)');
    const without = results([]);
    expect(readmeSection(without, evaluateTargets(without), 'chart.svg')).not.toContain('chart.svg');
  });
});

describe('buildTimeChart', () => {
  it('draws one line per site and case, with its points', () => {
    const series = buildSeries([sizeResult(1000, [10, 4, 1], [12, 10, 1]), sizeResult(5000, [60, 20, 1], [70, 30, 1])]);
    expect(series.map((s) => s.label)).toEqual(['This site, clean', 'This site, one-note edit', 'Starlight, clean', 'Starlight, one-note edit']);
    const svg = buildTimeChart(series, 'Build time');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<polyline/g)).toHaveLength(4);
    expect(svg.match(/<circle/g)).toHaveLength(8);
    expect(svg).toContain('<title id="title">');
  });

  it('rounds axes up to 1, 2 or 5 times a power of ten', () => {
    expect([niceMax(0.3), niceMax(7), niceMax(13), niceMax(5000), niceMax(0)]).toEqual([0.5, 10, 20, 5000, 1]);
  });
});

describe('parseArgs', () => {
  it('runs everything on the default sizes by default, as a full run', () => {
    expect(parseArgs([])).toEqual({ parts: ['build', 'weight', 'search', 'lighthouse', 'dev'], sizes: [13, 1000, 5000], runs: 3, queries: Infinity, save: true, full: true });
  });

  it('runs parts on chosen sizes as a partial run', () => {
    expect(parseArgs(['--only=weight,build', '--sizes=1000,13', '--runs=1'])).toMatchObject({ parts: ['build', 'weight'], sizes: [13, 1000], runs: 1, save: false, full: false });
    expect(parseArgs(['--only=weight', '--save']).save).toBe(true);
  });

  it('rejects what it does not know', () => {
    expect(() => parseArgs(['--only=speed'])).toThrow(/Unknown part "speed"/);
    expect(() => parseArgs(['--size=13'])).toThrow(/Unknown argument/);
    expect(() => parseArgs(['--sizes=ten'])).toThrow(/whole number/);
  });
});
