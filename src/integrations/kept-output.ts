/**
 * kept-output: a rebuild leaves the pages Astro would copy back from its
 * incremental cache where they are, in the output folder.
 *
 * Astro empties the output folder before every build; with
 * `experimental.incrementalBuild` it then copies each page whose key is
 * unchanged back from its cache folder, one file at a time: at N = 1,000, 1,545
 * pages deleted and copied again for one note changed. With Vite's
 * `build.emptyOutDir: false` Astro keeps the folder instead, and a skipped
 * page already in it is left alone (its log line says "(cached)", not
 * "(restored)"; node_modules/astro/dist/core/build/generate.js). This
 * integration makes that safe:
 *
 * - at `astro:build:start`, it removes from the output folder everything but
 *   the keyed pages Astro's manifest (`incremental-build.json`) lists, and
 *   keeps even those only if the folder is the one the manifest was written
 *   for, by a build that finished (a stamp in the cache folder:
 *   `kept-output.json`, removed while a build runs), and only the pages whose
 *   size and modification time are still those the stamp recorded when that
 *   build ended: a page edited by hand, or written by a build with another
 *   cache folder, is rendered or restored again. Everything else (the
 *   pages without a key, scripts, styles, Pagefind's index, the sitemap,
 *   `_headers`, the share pictures) is written again, as in a clean build;
 * - at `astro:build:done`, before any step that reads the pages (`prune`
 *   comes first in astro.config.mjs), it removes the kept pages this build did
 *   not write or keep (a note deleted, a claim gone): no stale page survives;
 * - last of all (`stamp`, after the steps that read pages), it writes the
 *   stamp, with each page's size and modification time.
 *
 * A kept page is the one the last build finished, its policy made exact as
 * Astro rendered it (src/integrations/security-headers/page-policy.ts), so the
 * page equals a clean build's (tests/build/incremental.test.ts compares every
 * file).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Astro's manifest of the keyed pages (node_modules/astro/dist/core/build/incremental.js). */
const MANIFEST = 'incremental-build.json';
const STAMP = 'kept-output.json';
/** Where the removed files wait, in the cache folder, to be deleted while the build goes on. */
const TRASH = 'kept-output-trash';

export interface Stamp {
  /** The output folder the manifest's pages were last written to. */
  outDir: string;
  /** A hash of the manifest that build wrote. */
  manifest: string;
  /** Each page of the manifest as that build left it: its size and modification time (ms). */
  pages: Record<string, [number, number]>;
}

export default function keptOutput(): { prune: AstroIntegration; stamp: AstroIntegration } {
  let enabled = false;
  let outDir = '';
  let cacheDir = '';
  /** Pages of the last build left in the output folder, relative to it. */
  let kept = new Set<string>();
  /** The deletion of the removed files, in the background. */
  let emptying: Promise<void> = Promise.resolve();
  const prune: AstroIntegration = {
    name: 'kept-output',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        enabled = command === 'build' && config.experimental.incrementalBuild === true;
        if (enabled) updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': ({ logger }) => {
        if (!enabled) return;
        const started = performance.now();
        const manifest = readText(join(cacheDir, MANIFEST));
        const stamp = readStamp(join(cacheDir, STAMP));
        // Until this build finishes, the folder may hold pages the manifest does not describe.
        rmSync(join(cacheDir, STAMP), { force: true });
        kept = keptPages(manifest, stamp, outDir);
        // Deleting 3,000 files (Pagefind's index, the share pictures) takes seconds on a busy disk, and a
        // rename is instant: the files go to a folder in the cache, deleted while the build goes on.
        // This build's own folder in the trash: another build on the same cache may be filling its own.
        const trash = join(cacheDir, TRASH, `${process.pid}-${Date.now()}`);
        mkdirSync(trash, { recursive: true });
        let moved = 0;
        const removed = removeAllBut(outDir, kept, (path) => {
          try {
            renameSync(path, join(trash, String(moved++)));
          } catch {
            rmSync(path, { recursive: true, force: true });
          }
        });
        // With what an earlier build, stopped before it could empty its own, left behind.
        const folders = [trash, ...readdirSync(join(cacheDir, TRASH)).filter((name) => !running(Number(name.split('-')[0]))).map((name) => join(cacheDir, TRASH, name))];
        emptying = Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))).then(() => {}, (error: Error) => logger.warn(`Could not empty ${join(cacheDir, TRASH)}: ${error.message}`));
        logger.info(`Kept ${kept.size} pages of the last build in ${relative(process.cwd(), outDir) || '.'}, removed ${removed} other files (${Math.round(performance.now() - started)} ms).`);
      },
      'astro:build:done': async ({ assets, logger }) => {
        if (!enabled) return;
        await emptying;
        const written = new Set<string>();
        for (const urls of assets.values()) for (const url of urls) written.add(relative(outDir, fileURLToPath(url)).split(sep).join('/'));
        const gone = [...kept].filter((page) => !written.has(page));
        for (const page of gone) removeWithEmptyParents(outDir, page);
        if (gone.length > 0) logger.info(`Removed ${gone.length} pages the content no longer has: ${gone.slice(0, 5).join(', ')}${gone.length > 5 ? ', …' : ''}`);
        kept = new Set();
      },
    },
  };
  const stamp: AstroIntegration = {
    name: 'kept-output-stamp',
    hooks: {
      'astro:build:done': () => {
        if (!enabled) return;
        const manifest = readText(join(cacheDir, MANIFEST));
        if (manifest === undefined) return;
        const pages: Stamp['pages'] = {};
        for (const page of manifestPages(manifest, outDir)) {
          const facts = statOf(join(outDir, page));
          if (facts) pages[page] = facts;
        }
        writeFileSync(join(cacheDir, STAMP), JSON.stringify({ outDir, manifest: hash(manifest), pages } satisfies Stamp));
      },
    },
  };
  return { prune, stamp };
}

/** A file's size and modification time, or undefined when it is not there. */
function statOf(file: string): [number, number] | undefined {
  try {
    const stats = statSync(file);
    return [stats.size, stats.mtimeMs];
  } catch {
    return undefined;
  }
}

/**
 * The pages of the last build that may stay: those its stamp vouches for (same output folder, same manifest)
 * and that are still as that build left them.
 */
export function keptPages(manifest: string | undefined, stamp: Stamp | undefined, outDir: string, stat: (file: string) => [number, number] | undefined = statOf): Set<string> {
  if (manifest === undefined || stamp?.outDir !== outDir || stamp.manifest !== hash(manifest) || !stamp.pages) return new Set();
  const pages = new Set<string>();
  for (const page of manifestPages(manifest, outDir)) {
    const was = stamp.pages[page];
    const now = stat(join(outDir, page));
    if (was && now && was[0] === now[0] && was[1] === now[1]) pages.add(page);
  }
  return pages;
}

/** The output files of the pages a manifest lists, relative to the output folder ("notes/a/index.html"). */
export function manifestPages(manifest: string, outDir: string): Set<string> {
  const pages = new Set<string>();
  const data = JSON.parse(manifest) as { routes?: Record<string, { paths?: Record<string, { outputFile?: string }> }> };
  const base = pathToFileURL(outDir.endsWith(sep) ? outDir : outDir + sep);
  for (const route of Object.values(data.routes ?? {})) {
    for (const { outputFile } of Object.values(route.paths ?? {})) {
      // Astro records the file as a URL path (encodeURI of the page's path).
      if (outputFile) pages.add(relative(outDir, fileURLToPath(new URL(outputFile, base))).split(sep).join('/'));
    }
  }
  return pages;
}

/**
 * Removes every file under `dir` but `keep` (paths relative to it, with "/"), and the folders left
 * empty; a .git folder at the top stays, as Astro's own emptying leaves it. `remove` takes a file or
 * a whole folder that holds nothing kept. Returns how many files went.
 */
export function removeAllBut(dir: string, keep: ReadonlySet<string>, remove: (path: string) => void): number {
  const holding = new Set<string>();
  for (const file of keep) for (let d = dirname(file); d !== '.'; d = dirname(d)) holding.add(d);
  let removed = 0;
  const walk = (folder: string): boolean => {
    let entries;
    try {
      entries = readdirSync(join(dir, folder), { withFileTypes: true });
    } catch {
      return true;
    }
    let empty = true;
    for (const entry of entries) {
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (path === '.git' || keep.has(path)) {
        empty = false;
      } else if (entry.isDirectory() && holding.has(path)) {
        if (!walk(path)) empty = false;
      } else {
        removed += entry.isDirectory() ? countFiles(join(dir, path)) : 1;
        remove(join(dir, path));
      }
    }
    if (empty && folder !== '') rmdirSync(join(dir, folder));
    return empty;
  };
  walk('');
  return removed;
}

function countFiles(folder: string): number {
  return readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => !e.isDirectory()).length;
}

/** Removes a file and each folder above it (up to `dir`) that it leaves empty. */
function removeWithEmptyParents(dir: string, file: string): void {
  rmSync(join(dir, file), { force: true });
  for (let d = dirname(file); d !== '.'; d = dirname(d)) {
    try {
      rmdirSync(join(dir, d));
    } catch {
      return;
    }
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function readStamp(file: string): Stamp | undefined {
  const text = readText(file);
  try {
    return text === undefined ? undefined : (JSON.parse(text) as Stamp);
  } catch {
    return undefined;
  }
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Whether a process is running (a folder in the trash named for it is still being filled). */
function running(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
