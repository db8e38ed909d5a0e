import { CATEGORIES } from './measure-lighthouse.ts';
import type { BenchResults, SizeResult } from './results.ts';
import type { BuildCase } from './measure-build.ts';
import type { SiteName } from './sites.ts';
import { count, kb, mib, ms, seconds, times } from './format.ts';

/**
 * The targets, each judged against a bench run: "met", "not met", or
 * "not measured" when the run did not include what it needs. Pure.
 */

export type Status = 'met' | 'not met' | 'not measured';

export interface TargetResult {
  id: string;
  figure: string;
  target: string;
  ours: string;
  starlight: string;
  status: Status;
  /** Why a target was not measured, or what fell short. */
  note?: string;
}

export const TARGET_SIZES = { real: 13, base: 1000, large: 5000 } as const;
export const LIMITS = {
  essayGzip: 12_000,
  essayJsGzip: 3_000,
  rebuildRatio: 0.5,
  cleanRatio: 1,
  scaling: 5.5,
  memoryRatio: 1,
  searchMedianMs: 50,
  searchBytes: 150_000,
  lighthouse: 100,
  devEditSeconds: 1,
} as const;

export function evaluateTargets(results: BenchResults): TargetResult[] {
  const at = (size: number) => results.results.find((r) => r.size === size);
  const real = at(TARGET_SIZES.real);
  const base = at(TARGET_SIZES.base);
  const large = at(TARGET_SIZES.large);
  return [
    essayWeight(real, 'total', LIMITS.essayGzip, 'essay-weight', 'Essay page, first view (gzip)'),
    essayWeight(real, 'js', LIMITS.essayJsGzip, 'essay-js', 'Essay page, JS on first view (gzip)'),
    buildRatio(base, 'rebuild', 'seconds', LIMITS.rebuildRatio, 'rebuild-time', `Rebuild after a one-note edit, N = 1,000`, seconds),
    buildRatio(base, 'clean', 'seconds', LIMITS.cleanRatio, 'clean-time', 'Clean build, N = 1,000', seconds),
    scaling(base, large),
    buildRatio(base, 'clean', 'peakRss', LIMITS.memoryRatio, 'peak-memory', 'Peak memory (RSS), clean build, N = 1,000', mib),
    searchTime(large),
    searchBytes(large),
    lighthouseTarget(results),
    devEdit(base),
  ];
}

function devEdit(base: SizeResult | undefined): TargetResult {
  const id = 'dev-edit';
  const figure = 'Dev server, a note edit visible on its page, N = 1,000';
  const target = `≤ ${seconds(LIMITS.devEditSeconds)}`;
  const edit = base?.dev?.editVisibleSeconds;
  if (edit === undefined) return notMeasured(id, figure, target, `needs the dev server at N = ${count(TARGET_SIZES.base)}`);
  return { id, figure, target, ours: seconds(edit), starlight: '–', status: judge(edit <= LIMITS.devEditSeconds) };
}

function notMeasured(id: string, figure: string, target: string, note: string): TargetResult {
  return { id, figure, target, ours: '–', starlight: '–', status: 'not measured', note };
}

function judge(ok: boolean): Status {
  return ok ? 'met' : 'not met';
}

function essayWeight(result: SizeResult | undefined, part: 'total' | 'js', limit: number, id: string, figure: string): TargetResult {
  const target = `≤ ${kb(limit, 0)}`;
  const ours = result?.weight?.ours?.essay.weight[part].gzip;
  if (ours === undefined) return notMeasured(id, figure, target, `needs page weight at N = ${count(TARGET_SIZES.real)}`);
  const starlight = result?.weight?.starlight?.essay.weight[part].gzip;
  return { id, figure, target, ours: kb(ours), starlight: kb(starlight), status: judge(ours <= limit) };
}

function buildRatio(
  result: SizeResult | undefined,
  buildCase: BuildCase,
  measure: 'seconds' | 'peakRss',
  limit: number,
  id: string,
  figure: string,
  show: (n: number) => string,
): TargetResult {
  const what = measure === 'seconds' ? 'time' : 'memory';
  const target = limit === 1 ? `≤ Starlight's ${what}` : `≤ ${limit} × Starlight's ${what}`;
  const summary = (site: SiteName) => result?.build?.summaries.find((s) => s.site === site && s.case === buildCase);
  const ours = summary('ours');
  const starlight = summary('starlight');
  if (!ours || !starlight) return notMeasured(id, figure, target, `needs the build at N = ${count(TARGET_SIZES.base)}`);
  const value = (s: typeof ours) => (measure === 'seconds' ? s.medianSeconds : s.medianPeakRssBytes);
  const r = value(ours) / value(starlight);
  return {
    id, figure, target,
    ours: `${show(value(ours))} (${times(r)})`,
    starlight: show(value(starlight)),
    status: judge(r <= limit),
  };
}

function scaling(base: SizeResult | undefined, large: SizeResult | undefined): TargetResult {
  const id = 'scaling';
  const figure = 'Clean build, N = 5,000 against N = 1,000';
  const target = `≤ ${LIMITS.scaling}×`;
  const clean = (r: SizeResult | undefined, site: SiteName) => r?.build?.summaries.find((s) => s.site === site && s.case === 'clean')?.medianSeconds;
  const o1 = clean(base, 'ours');
  const o5 = clean(large, 'ours');
  if (o1 === undefined || o5 === undefined) return notMeasured(id, figure, target, 'needs the builds at N = 1,000 and 5,000');
  const s1 = clean(base, 'starlight');
  const s5 = clean(large, 'starlight');
  const r = o5 / o1;
  return {
    id, figure, target,
    ours: `${times(r)} (${seconds(o5)})`,
    starlight: s1 && s5 ? `${times(s5 / s1)} (${seconds(s5)})` : '–',
    status: judge(r <= LIMITS.scaling),
  };
}

function searchTime(large: SizeResult | undefined): TargetResult {
  const id = 'search-time';
  const figure = 'Search, last keystroke to first result, median, N = 5,000';
  const target = `≤ ${LIMITS.searchMedianMs} ms`;
  const ours = large?.search?.ours;
  if (!ours) return notMeasured(id, figure, target, 'needs search at N = 5,000');
  const starlight = large?.search?.starlight;
  const show = (s: typeof ours | undefined) => (!s ? '–' : s.available ? `${ms(s.medianMs)} (p95 ${ms(s.p95Ms)})` : s.reason);
  if (!ours.available) return { ...notMeasured(id, figure, target, ours.reason), starlight: show(starlight) };
  const failures = ours.failures > 0 ? `${ours.failures} of ${ours.queries.length} queries drew no result` : undefined;
  return {
    id, figure, target, ours: show(ours), starlight: show(starlight),
    status: judge(ours.medianMs <= LIMITS.searchMedianMs && ours.failures === 0),
    ...(failures ? { note: failures } : {}),
  };
}

function searchBytes(large: SizeResult | undefined): TargetResult {
  const id = 'search-bytes';
  const figure = 'Search, bytes fetched for one query (gzip, largest), N = 5,000';
  const target = `< ${kb(LIMITS.searchBytes, 0)}`;
  const ours = large?.search?.ours;
  if (!ours) return notMeasured(id, figure, target, 'needs search at N = 5,000');
  const starlight = large?.search?.starlight;
  const show = (s: typeof ours | undefined) => (!s ? '–' : s.available ? `${kb(s.maxBytes)} (median ${kb(s.medianBytes)})` : s.reason);
  if (!ours.available) return { ...notMeasured(id, figure, target, ours.reason), starlight: show(starlight) };
  return { id, figure, target, ours: show(ours), starlight: show(starlight), status: judge(ours.maxBytes < LIMITS.searchBytes) };
}

function lighthouseTarget(results: BenchResults): TargetResult {
  const id = 'lighthouse';
  const figure = 'Lighthouse, four categories: essay, note, search page';
  const target = `${LIMITS.lighthouse} in all`;
  const pages = results.lighthouse?.pages ?? [];
  const ours = pages.filter((p) => p.site === 'ours');
  if (ours.length === 0) return notMeasured(id, figure, target, 'needs the Lighthouse part');
  const show = (entries: typeof pages) =>
    entries.map((p) => (p.scores ? `${p.page} ${CATEGORIES.map((c) => p.scores![c] ?? '–').join('/')}` : `${p.page}: ${p.reason ?? 'no scores'}`)).join('; ');
  const missing = ours.filter((p) => !p.scores);
  const allHundred = ours.every((p) => p.scores && CATEGORIES.every((c) => p.scores![c] === LIMITS.lighthouse));
  const status: Status = allHundred ? 'met' : missing.length > 0 && ours.every((p) => !p.scores || CATEGORIES.every((c) => p.scores![c] === LIMITS.lighthouse)) ? 'not measured' : 'not met';
  return {
    id, figure, target, ours: show(ours), starlight: show(pages.filter((p) => p.site === 'starlight')) || '–', status,
    ...(missing.length > 0 ? { note: missing.map((p) => `${p.page}: ${p.reason}`).join('; ') } : {}),
  };
}
