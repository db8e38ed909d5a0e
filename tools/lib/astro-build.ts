import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

/**
 * Runs `astro build` in a child process, as `npm run build` does, for the
 * test fixture builds and the benchmark. A build of another content folder
 * gets its own root for Astro's generated files and cache, holding a
 * `node_modules` link to the packages it builds with.
 */

export interface AstroBuildOptions {
  /** The project whose node_modules holds Astro. */
  project: string;
  /** Working directory of the build (where astro.config.mjs is). Default: project. */
  cwd?: string;
  /** Extra arguments after `build`. */
  args?: string[];
  env?: NodeJS.ProcessEnv;
  /** Called once the child has started, such as to sample its memory. */
  onSpawn?: (child: ChildProcess) => void;
  /** Ends the build and everything it started after this long; it then fails. */
  timeoutMs?: number;
}

export interface AstroBuildResult {
  exitCode: number;
  /** Everything the build printed, without colour codes. */
  output: string;
}

/** Builds started in their own process group (with a timeout), until they end. */
const groups = new Set<number>();

/** Ends every build still running with a timeout and all it started, such as when the caller is interrupted. */
export function stopAllBuilds(): void {
  for (const pid of groups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  groups.clear();
}

/** Makes `root` with a node_modules link to `nodeModules`, if it has none. */
export function prepareBuildRoot(root: string, nodeModules: string): void {
  mkdirSync(root, { recursive: true });
  // Astro resolves its own virtual modules from its root's node_modules.
  const link = join(root, 'node_modules');
  if (!existsSync(link)) symlinkSync(nodeModules, link, 'dir');
}

export function runAstroBuild(options: AstroBuildOptions): Promise<AstroBuildResult> {
  const astro = join(options.project, 'node_modules', 'astro', 'bin', 'astro.mjs');
  // MIMALLOC_PURGE_DELAY=0 as `npm run build` sets it: the Rust add-ons' allocator hands freed memory back at once.
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', MIMALLOC_PURGE_DELAY: '0', NO_COLOR: '1', FORCE_COLOR: '0', ...options.env };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astro, 'build', ...(options.args ?? [])], {
      cwd: options.cwd ?? options.project,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so that a timeout ends its children too.
      detached: options.timeoutMs !== undefined,
    });
    if (options.timeoutMs !== undefined && child.pid) groups.add(child.pid);
    options.onSpawn?.(child);
    let output = '';
    const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => {
      output += `\nThe build was stopped after ${options.timeoutMs} ms.\n`;
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, options.timeoutMs);
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (child.pid) groups.delete(child.pid);
      resolve({ exitCode: code ?? 1, output: stripVTControlCharacters(output) });
    });
  });
}

