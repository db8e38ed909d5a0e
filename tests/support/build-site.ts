import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUTPUT, PROJECT, type SiteBuild, type SiteSpec } from './sites.ts';

const ASTRO = join(PROJECT, 'node_modules', 'astro', 'bin', 'astro.mjs');

/**
 * Builds one site the way `npm run build` does, in its own folder under
 * tests/.output/<name>/ so several can build at once, and records what the
 * build printed and how it ended.
 */
export async function buildSite(spec: SiteSpec): Promise<SiteBuild> {
  const dir = join(OUTPUT, spec.name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'root'), { recursive: true });
  // Astro resolves its own virtual modules from its root's node_modules.
  symlinkSync(join(PROJECT, 'node_modules'), join(dir, 'root', 'node_modules'), 'dir');
  const outDir = join(dir, 'dist');
  const started = performance.now();
  const { exitCode, output } = await run(process.execPath, [ASTRO, 'build', '--config', 'astro.config.mjs'], {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    BUILD_ROOT: join(dir, 'root'),
    OUT_DIR: outDir,
    CONTENT_DIR: spec.contentDir,
    ...spec.env,
  });
  const result: SiteBuild = { name: spec.name, exitCode, output: stripAnsi(output), outDir, seconds: (performance.now() - started) / 1000 };
  writeFileSync(join(dir, 'result.json'), JSON.stringify(result, null, 2));
  return result;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ exitCode: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: PROJECT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? 1, output }));
  });
}

function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
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
