import { rmSync } from 'node:fs';
import { buildSite, inParallel } from './build-site.ts';
import { allSites, OUTPUT } from './sites.ts';

/**
 * Builds every test site once per run, two at a time (these machines have two
 * cores), before any test starts; the tests read the results from
 * tests/.output/. Set TEST_SITES=none to skip this when running only unit tests.
 */
export default async function setup(): Promise<void> {
  if (process.env['TEST_SITES'] === 'none') return;
  rmSync(OUTPUT, { recursive: true, force: true });
  const started = performance.now();
  const builds = await inParallel(allSites().map((spec) => () => buildSite(spec)), 2);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Built ${builds.length} test sites in ${seconds}s: ${builds.map((b) => `${b.name} (${b.exitCode === 0 ? 'ok' : 'failed'}, ${b.seconds.toFixed(1)}s)`).join(', ')}`);
}
