import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleTreeMemory, type MemorySampler } from './process-tree.ts';
import { countPages, type BenchSite, type SiteName } from './sites.ts';
import { median, ratio } from './stats.ts';
import { editNote, type Workspace } from './workspace.ts';

/**
 * Build time and memory, ours and Starlight alternating (A B A B), so that a
 * machine that slows down part-way slows both. Two cases: a clean build from
 * nothing, then rebuilds after one note's text changes, keeping whatever each
 * keeps between builds.
 */

export type BuildCase = 'clean' | 'rebuild';

export interface BuildRun {
  site: SiteName;
  case: BuildCase;
  run: number;
  seconds: number;
  peakRssBytes: number;
  /** CPU time of the build's process tree (user and system), when measured. */
  cpuSeconds?: number | undefined;
  pages: number;
}

export interface BuildSummary {
  site: SiteName;
  case: BuildCase;
  runs: number;
  medianSeconds: number;
  medianPeakRssBytes: number;
  pages: number;
  msPerPage: number;
}

export interface BuildResult {
  size: number;
  runs: BuildRun[];
  summaries: BuildSummary[];
  /** ours / Starlight, by case: time and memory. */
  ratios: Record<BuildCase, { seconds: number; peakRss: number }>;
}

export async function measureBuilds(
  workspace: Workspace,
  sites: readonly BenchSite[],
  runs: number,
  log: (line: string) => void,
): Promise<BuildResult> {
  const all: BuildRun[] = [];
  const logDir = join(workspace.dir, 'logs');
  mkdirSync(logDir, { recursive: true });
  for (const buildCase of ['clean', 'rebuild'] as const) {
    for (let run = 1; run <= runs; run++) {
      if (buildCase === 'rebuild') editNote(workspace, workspace.note, run);
      for (const site of sites) {
        if (buildCase === 'clean') site.clean();
        const measured = await timedBuild(site, join(logDir, `${site.name}-${buildCase}-${run}.log`));
        const pages = countPages(site.outDir);
        all.push({ site: site.name, case: buildCase, run, ...measured, pages });
        log(`  N=${workspace.size} ${site.label.padEnd(9)} ${buildCase.padEnd(7)} run ${run}: ${measured.seconds.toFixed(2)} s, ${(measured.peakRssBytes / 2 ** 20).toFixed(0)} MiB peak, ${measured.cpuSeconds.toFixed(1)} CPU s, ${pages} pages`);
      }
    }
  }
  const summaries = summarise(all);
  const find = (site: SiteName, c: BuildCase) => summaries.find((s) => s.site === site && s.case === c);
  const ratioOf = (c: BuildCase) => ({
    seconds: ratio(find('ours', c)?.medianSeconds ?? Number.NaN, find('starlight', c)?.medianSeconds ?? Number.NaN),
    peakRss: ratio(find('ours', c)?.medianPeakRssBytes ?? Number.NaN, find('starlight', c)?.medianPeakRssBytes ?? Number.NaN),
  });
  return { size: workspace.size, runs: all, summaries, ratios: { clean: ratioOf('clean'), rebuild: ratioOf('rebuild') } };
}

/** Medians per site and case. Pure. */
export function summarise(runs: readonly BuildRun[]): BuildSummary[] {
  const keys = [...new Set(runs.map((r) => `${r.site}:${r.case}`))];
  return keys.map((key) => {
    const group = runs.filter((r) => `${r.site}:${r.case}` === key);
    const first = group[0]!;
    const medianSeconds = median(group.map((r) => r.seconds));
    const pages = Math.max(...group.map((r) => r.pages));
    return {
      site: first.site,
      case: first.case,
      runs: group.length,
      medianSeconds,
      medianPeakRssBytes: median(group.map((r) => r.peakRssBytes)),
      pages,
      msPerPage: pages > 0 ? (medianSeconds * 1000) / pages : Number.NaN,
    };
  });
}

/** One build, timed from start to exit, with the peak memory of its process tree. Throws if it fails. */
async function timedBuild(site: BenchSite, logFile: string): Promise<{ seconds: number; peakRssBytes: number; cpuSeconds: number }> {
  let sampler: MemorySampler | undefined;
  const started = performance.now();
  const result = await site.build((child) => {
    if (child.pid) sampler = sampleTreeMemory(child.pid);
  });
  const seconds = (performance.now() - started) / 1000;
  const peakRssBytes = sampler?.stop() ?? 0;
  const cpuSeconds = sampler?.cpuSeconds() ?? 0;
  writeFileSync(logFile, result.output);
  if (result.exitCode !== 0) {
    throw new Error(`${site.label} failed to build (exit ${result.exitCode}); its output is in ${logFile}:\n${result.output.split('\n').slice(-30).join('\n')}`);
  }
  return { seconds, peakRssBytes, cpuSeconds };
}
