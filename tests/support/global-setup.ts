import { rmSync } from 'node:fs';
import { buildSite, inParallel } from './build-site.ts';
import { OUTPUT, sitesToBuild } from './sites.ts';

/**
 * Builds the test sites once per run, two at a time (these machines have two
 * cores), before any test starts; the tests read the results from
 * tests/.output/<name>/result.json (tests/support/sites.ts).
 *
 * The "build" and "browser" projects both name this file, and Vitest runs each
 * project's global setup: the builds are shared through the process, so a run
 * of both builds each site once.
 *
 * TEST_SITES picks the sites: unset for all of them, "none" for none (the
 * tests then read what an earlier run left in tests/.output/), or a list such
 * as "good,edge" to rebuild only those, leaving the others' results in place.
 */

const BUILDS = Symbol.for('rl-explainer.test-site-builds');
type Shared = typeof globalThis & { [BUILDS]?: Promise<void> };

async function buildAll(setting: string | undefined): Promise<void> {
  const sites = sitesToBuild(setting);
  if (sites.length === 0) return;
  // A full run starts from nothing, so no result of an earlier run is read by mistake.
  if (setting === undefined || ['', 'all'].includes(setting.trim())) rmSync(OUTPUT, { recursive: true, force: true });
  const started = performance.now();
  const builds = await inParallel(sites.map((spec) => () => buildSite(spec)), 2);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Built ${builds.length} test sites in ${seconds}s: ${builds.map((b) => `${b.name} (${b.exitCode === 0 ? 'ok' : 'failed'}, ${b.seconds.toFixed(1)}s)`).join(', ')}`);
}

export default async function setup(): Promise<void> {
  const shared = globalThis as Shared;
  await (shared[BUILDS] ??= buildAll(process.env['TEST_SITES']));
}
