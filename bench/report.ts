import { count, kb, mib, ms, seconds, times } from './format.ts';
import { CATEGORIES } from './measure-lighthouse.ts';
import type { BenchResults, Machine, SizeResult } from './results.ts';
import { SITE_LABELS, type SiteName } from './sites.ts';
import type { TargetResult } from './targets.ts';
import { RESOURCE_KINDS } from './weight.ts';

/** The bench's tables, as Markdown for latest.md and bench/README.md, and as text for the terminal. Pure. */

type Row = string[];

const escapeCell = (cell: string) => cell.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdownTable(headers: Row, rows: Row[]): string {
  const line = (cells: Row) => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Columns padded to line up in a terminal. */
export function textTable(headers: Row, rows: Row[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: Row) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const STATUS_MARK = { met: 'met', 'not met': 'not met', 'not measured': 'not measured' } as const;

function targetRows(targets: readonly TargetResult[]): Row[] {
  return targets.map((t) => [t.figure, t.ours, t.starlight, t.target, STATUS_MARK[t.status] + (t.note ? ` (${t.note})` : '')]);
}

const TARGET_HEADERS = ['Figure', 'This site', 'Starlight', 'Target', 'Result'];

export function targetsText(targets: readonly TargetResult[]): string {
  return textTable(TARGET_HEADERS, targetRows(targets));
}

export function targetsMarkdown(targets: readonly TargetResult[]): string {
  return markdownTable(TARGET_HEADERS, targetRows(targets));
}

/** A warning when the machine had more work than cores while the bench ran. */
export function busyNote(machine: Machine): string {
  return machine.loadStart > machine.cores || machine.loadEnd > machine.cores
    ? 'The machine was busy during the run (load average above its number of cores), so the times are noisy.'
    : '';
}

export function machineLine(machine: Machine, finishedAt: string): string {
  return `${finishedAt.slice(0, 10)}, ${machine.cpu} (${machine.cores} cores), ${machine.memoryGiB} GiB, ${machine.os}, Node.js ${machine.node}; load average ${machine.loadStart.toFixed(2)} at the start, ${machine.loadEnd.toFixed(2)} at the end`;
}

export function buildMarkdown(results: readonly SizeResult[]): string {
  const rows: Row[] = [];
  for (const r of results) {
    if (!r.build) continue;
    for (const buildCase of ['clean', 'rebuild'] as const) {
      for (const site of ['ours', 'starlight'] as const) {
        const s = r.build.summaries.find((x) => x.site === site && x.case === buildCase);
        if (!s) continue;
        const ratio = site === 'ours' ? r.build.ratios[buildCase] : undefined;
        rows.push([
          count(r.size), buildCase === 'clean' ? 'clean' : 'one-note edit', SITE_LABELS[site], seconds(s.medianSeconds),
          mib(s.medianPeakRssBytes), count(s.pages), ms(s.msPerPage),
          ratio ? `${times(ratio.seconds)} time, ${times(ratio.peakRss)} memory` : '',
        ]);
      }
    }
  }
  if (rows.length === 0) return '';
  return markdownTable(['N', 'Build', 'Site', 'Median time', 'Peak RSS', 'Pages', 'Per page', 'Ours / Starlight'], rows);
}

export function devMarkdown(results: readonly SizeResult[]): string {
  const rows: Row[] = results.filter((r) => r.dev).map((r) => [
    count(r.size), seconds(r.dev!.coldStartSeconds), seconds(r.dev!.firstPageSeconds),
    r.dev!.editVisibleSeconds === undefined ? '–' : editCell(r.dev!),
  ]);
  if (rows.length === 0) return '';
  return markdownTable(['N', 'Cold start', 'First page', 'A note edit visible'], rows);
}

/** The median edit, with every edit's time where there are several. */
function editCell(dev: NonNullable<SizeResult['dev']>): string {
  const each = dev.editSeconds ?? [];
  const all = each.length > 1 ? `, median of ${each.length}: ${each.map((s) => s.toFixed(2)).join(', ')} s` : '';
  return `${seconds(dev.editVisibleSeconds!)} (${dev.editPolls} requests${all})`;
}

export function weightMarkdown(results: readonly SizeResult[]): string {
  const rows: Row[] = [];
  for (const r of results) {
    for (const site of ['ours', 'starlight'] as const) {
      const pages = r.weight?.[site];
      if (!pages) continue;
      for (const page of ['essay', 'note'] as const) {
        const w = pages[page].weight;
        const cell = (kind: keyof typeof w) => (w[kind].raw === 0 ? '0' : `${kb(w[kind].raw)} / ${kb(w[kind].gzip)} / ${kb(w[kind].brotli)}`);
        rows.push([count(r.size), SITE_LABELS[site], page, String(pages[page].requests), ...RESOURCE_KINDS.map(cell), cell('total')]);
      }
    }
  }
  if (rows.length === 0) return '';
  return markdownTable(['N', 'Site', 'Page', 'Requests', ...RESOURCE_KINDS.map((k) => k.toUpperCase()), 'Total'], rows);
}

export function searchMarkdown(results: readonly SizeResult[]): string {
  const rows: Row[] = [];
  for (const r of results) {
    for (const site of ['ours', 'starlight'] as const) {
      const s = r.search?.[site];
      if (!s) continue;
      if (!s.available) {
        rows.push([count(r.size), SITE_LABELS[site], s.reason, '', '', '', '', '', kb(s.indexBytes)]);
        continue;
      }
      rows.push([
        count(r.size), SITE_LABELS[site], `${ms(s.medianMs)} / ${ms(s.p95Ms)}`,
        s.paced ? `${ms(s.paced.medianMs)} / ${ms(s.paced.p95Ms)}${s.paced.failures ? ` (${s.paced.failures} without result)` : ''}` : '–',
        `${s.queries.length - s.failures} of ${s.queries.length}`,
        `${kb(s.medianBytes)} / ${kb(s.maxBytes)}`,
        s.paced?.medianBytes !== undefined ? `${kb(s.paced.medianBytes)} / ${kb(s.paced.maxBytes)}` : '–',
        `${count(s.indexFiles)}`, kb(s.indexBytes),
      ]);
    }
  }
  if (rows.length === 0) return '';
  const delay = pacedKeyDelay(results);
  const paced = delay === undefined ? 'a typist’s pace' : `${delay} ms a key`;
  return markdownTable([
    'N', 'Site', 'Typed at once: first result, median / p95', `Typed at ${paced}: first result, median / p95`, 'Queries with a result',
    'Fetched per query, typed at once (gzip), median / largest', `Fetched per query, typed at ${paced} (gzip), median / largest`, 'Index files', 'Index on disk',
  ], rows);
}

/** The pace of the paced search measurement, if the results have one. */
function pacedKeyDelay(results: readonly SizeResult[]): number | undefined {
  for (const r of results) {
    for (const s of Object.values(r.search ?? {})) if (s.available && s.paced) return s.paced.keyDelayMs;
  }
  return undefined;
}

function searchNote(results: BenchResults): string {
  const queries = `${results.queries.length} queries: ${results.queries.map((q) => `"${q}"`).join(', ')}.`;
  const delay = pacedKeyDelay(results.results);
  if (delay === undefined) return queries;
  return `${queries} Each is typed on a fresh page twice: all at once (no delay between keys; the targets are judged on this), and at ${delay} ms a key, a typist at ${Math.round(60_000 / delay / 5)} words a minute. Time runs from the last key to the first result drawn; bytes, from opening the search to the network falling quiet after the results.`;
}

export function lighthouseMarkdown(results: BenchResults): string {
  const pages = results.lighthouse?.pages ?? [];
  if (pages.length === 0) return '';
  const rows = pages.map((p) => [
    SITE_LABELS[p.site as SiteName], p.page,
    ...(p.scores ? CATEGORIES.map((c) => String(p.scores![c] ?? '–')) : [p.reason ?? 'no scores', '', '', '']),
    p.failing ? Object.values(p.failing).flat().join('; ') : '',
  ]);
  return markdownTable(['Site', 'Page', 'Performance', 'Accessibility', 'Best practices', 'SEO', 'Audits that lost points'], rows);
}

/** The whole report, for bench/results/latest.md. */
export function reportMarkdown(results: BenchResults, targets: readonly TargetResult[], chartFile: string): string {
  const sections = [
    `# Benchmark: this site and Starlight\n\nMachine: ${machineLine(results.machine, results.finishedAt)}. Versions: ${Object.entries(results.versions).map(([k, v]) => `${k} ${v}`).join(', ')}. Build runs per case: ${results.buildRuns}, alternating the two sites. Sizes are KB of 1,000 bytes. ${busyNote(results.machine)}`.trimEnd(),
    `## Targets\n\n${targetsMarkdown(targets)}`,
    section('Build', buildMarkdown(results.results), `![Build time against N](${chartFile})`),
    section('Page weight, first view', weightMarkdown(results.results), 'Each cell: raw / gzip (level 9) / brotli (quality 11), every response the browser fetched before any interaction.'),
    section('Search', searchMarkdown(results.results), searchNote(results)),
    section('Dev server', devMarkdown(results.results), 'This site\'s `astro dev`, started with no cache: from the start to its "ready" line, then to the essay page\'s HTML, and (N = 1,000) from a note\'s file changing on disk to its page showing the new words, polled every 50 ms.'),
    section('Lighthouse', lighthouseMarkdown(results), `Lighthouse's default settings (mobile, simulated throttling), at N = ${results.lighthouse?.size ?? '–'}.`),
  ];
  return `${sections.filter(Boolean).join('\n\n')}\n`;
}

function section(title: string, table: string, note: string): string {
  return table ? `## ${title}\n\n${note}\n\n${table}` : '';
}
