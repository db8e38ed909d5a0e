import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { prepareBuildRoot, runAstroBuild, type AstroBuildResult } from '../tools/lib/astro-build.ts';
import { PEER, PROJECT, SEARCH_UI, type SearchUi } from './config.ts';
import type { Workspace } from './workspace.ts';

/**
 * The two sites the bench compares, built from one workspace: this project
 * (`npm run build`, which is `astro build`) and Starlight. Each knows how to
 * build itself, what a clean build deletes, and where its pages are.
 */

export type SiteName = 'ours' | 'starlight';

export interface BenchSite {
  name: SiteName;
  label: string;
  outDir: string;
  /** The URL path the site is served under. */
  base: string;
  searchUi: SearchUi;
  /** Deletes the output and every cache, for a build from nothing. */
  clean(): void;
  build(onSpawn?: (child: ChildProcess) => void): Promise<AstroBuildResult>;
}

/** No build of the bench may run longer than this. */
const BUILD_TIMEOUT_MS = 45 * 60_000;

export const SITE_LABELS: Record<SiteName, string> = { ours: 'This site', starlight: 'Starlight' };

export function oursSite(workspace: Workspace): BenchSite {
  const dir = join(workspace.dir, 'ours');
  const root = join(dir, 'root');
  const outDir = join(dir, 'dist');
  return {
    name: 'ours',
    label: SITE_LABELS.ours,
    outDir,
    base: '/',
    searchUi: SEARCH_UI.ours,
    clean() {
      rmSync(dir, { recursive: true, force: true });
      // Vite's dependency cache sits in the project's node_modules.
      rmSync(join(PROJECT, 'node_modules', '.vite'), { recursive: true, force: true });
    },
    build(onSpawn) {
      prepareBuildRoot(root, join(PROJECT, 'node_modules'));
      return runAstroBuild({
        project: PROJECT,
        args: ['--config', 'astro.config.mjs'],
        env: { BUILD_ROOT: root, OUT_DIR: outDir, CONTENT_DIR: workspace.contentDir, BASE_PATH: '/', LOCAL_URL: 'http://localhost:4321' },
        timeoutMs: BUILD_TIMEOUT_MS,
        ...(onSpawn ? { onSpawn } : {}),
      });
    },
  };
}

export function starlightSite(workspace: Workspace): BenchSite {
  const work = workspace.starlightRoot;
  const outDir = join(work, 'dist');
  return {
    name: 'starlight',
    label: SITE_LABELS.starlight,
    outDir,
    base: '/',
    searchUi: SEARCH_UI.starlight,
    clean() {
      for (const name of ['dist', 'cache']) rmSync(join(work, name), { recursive: true, force: true });
      for (const name of ['.astro', join('node_modules', '.vite'), join('node_modules', '.astro')]) {
        rmSync(join(PEER, name), { recursive: true, force: true });
      }
    },
    build(onSpawn) {
      // The corpus's content.config.ts resolves Starlight through this link.
      prepareBuildRoot(work, join(PEER, 'node_modules'));
      return runAstroBuild({
        project: PEER,
        cwd: PEER,
        env: { STARLIGHT_WORK: work },
        timeoutMs: BUILD_TIMEOUT_MS,
        ...(onSpawn ? { onSpawn } : {}),
      });
    },
  };
}

export function sitesFor(workspace: Workspace): [BenchSite, BenchSite] {
  return [oursSite(workspace), starlightSite(workspace)];
}

/** Number of HTML pages in a built site. */
export function countPages(outDir: string): number {
  if (!existsSync(outDir)) return 0;
  return readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
}

/** Number and total bytes of the files under a folder (zero when it does not exist). */
export function folderStats(dir: string): { files: number; bytes: number } {
  if (!existsSync(dir)) return { files: 0, bytes: 0 };
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}
