import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
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

/**
 * The variables this project's `npm run build` sets before `astro build` (package.json), such as the allocators'
 * settings: every build run here gets them, the benchmark's Starlight build too, so that both sites are measured
 * with the same allocators.
 */
export function buildScriptEnvironment(): Record<string, string> {
  const { scripts } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
  const script = scripts.build ?? '';
  const command = script.match(/^((?:[A-Z_][A-Z0-9_]*=\S*\s+)*)astro build\b/);
  if (!command) throw new Error(`package.json's "build" script is "${script}"; expected variables, then "astro build" (tools/lib/astro-build.ts runs the same).`);
  return Object.fromEntries(command[1]!.trim().split(/\s+/).filter(Boolean).map((pair) => pair.split('=', 2) as [string, string]));
}

export function runAstroBuild(options: AstroBuildOptions): Promise<AstroBuildResult> {
  const astro = join(options.project, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const env = { ...process.env, ...buildScriptEnvironment(), NO_COLOR: '1', FORCE_COLOR: '0', ...options.env };
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

