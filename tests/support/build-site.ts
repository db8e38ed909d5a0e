import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareBuildRoot, runAstroBuild } from '../../tools/lib/astro-build.ts';
import { LOCAL_ORIGIN } from '../../src/catalog/settings.ts';
import { OUTPUT, PROJECT, type SiteBuild, type SiteSpec } from './sites.ts';

/**
 * Builds one site the way `npm run build` does, in its own folder under
 * tests/.output/<name>/ so several can build at once, and records what the
 * build printed and how it ended.
 */
export async function buildSite(spec: SiteSpec): Promise<SiteBuild> {
  const dir = join(OUTPUT, spec.name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  prepareBuildRoot(join(dir, 'root'), join(PROJECT, 'node_modules'));
  const outDir = join(dir, 'dist');
  let contentDir = spec.contentDir;
  if (spec.addContent) {
    contentDir = join(dir, 'content');
    cpSync(spec.contentDir, contentDir, { recursive: true });
    cpSync(spec.addContent, contentDir, { recursive: true });
  }
  const started = performance.now();
  const { exitCode, output } = await runAstroBuild({
    project: PROJECT,
    args: ['--config', 'astro.config.mjs'],
    // A site without a deployed address (SITE_URL) is built for this machine, as npm run serve builds.
    env: { BUILD_ROOT: join(dir, 'root'), OUT_DIR: outDir, CONTENT_DIR: contentDir, LOCAL_URL: spec.env?.['SITE_URL'] ? '' : LOCAL_ORIGIN, ...spec.env },
  });
  const result: SiteBuild = { name: spec.name, exitCode, output, outDir, contentDir, seconds: (performance.now() - started) / 1000 };
  writeFileSync(join(dir, 'result.json'), JSON.stringify(result, null, 2));
  return result;
}

/** Runs `tasks` with at most `limit` at once. */
export async function inParallel<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, tasks.length) }, async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  });
  await Promise.all(workers);
  return results;
}
