import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

/**
 * Runs `astro dev` in a child process, for the dev-server test and the
 * benchmark: on a free port the system picks, in its own process group (so
 * that stopping it ends everything it started), with every line it prints
 * kept and stamped with the seconds since it was spawned.
 */

export interface AstroDevOptions {
  /** The project whose node_modules holds Astro, and where astro.config.mjs is. */
  project: string;
  env?: NodeJS.ProcessEnv;
  /** How long to wait for the "ready" line before failing. */
  timeoutMs: number;
}

export interface AstroDevServer {
  /** Such as http://127.0.0.1:43127, without a trailing slash. */
  origin: string;
  /** Seconds from the spawn to the "ready" line. */
  startSeconds: number;
  /** Everything the server has printed so far, each line stamped. */
  output(): string;
  /** Adds a stamped line of the caller's to the output, such as "edit written". */
  mark(what: string): void;
  /** Ends the server and what it started; waits until it has exited. */
  stop(): Promise<void>;
}

export async function startAstroDev(options: AstroDevOptions): Promise<AstroDevServer> {
  const astro = join(options.project, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const started = performance.now();
  // Not Vitest's variables (VITEST, NODE_ENV=test): Vite takes them to mean a test run, which the server is not.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV' && name !== 'TEST'));
  const child = spawn(process.execPath, [astro, 'dev', '--config', 'astro.config.mjs', '--port', '0', '--host', '127.0.0.1'], {
    cwd: options.project,
    env: { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const stamp = () => ((performance.now() - started) / 1000).toFixed(3).padStart(8);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    const signal = (name: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, name);
      } catch {
        // Already gone.
      }
    };
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    const origin = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The dev server did not start in ${options.timeoutMs / 1000} s:\n${output.slice(-3000)}`)), options.timeoutMs);
      const read = (data: Buffer) => {
        output += stripVTControlCharacters(data.toString()).replace(/^(?=.)/gm, `[${stamp()}] `);
        const url = /Local\s+(http:\/\/[^\s/]+)/.exec(output)?.[1];
        if (url) {
          clearTimeout(timer);
          resolve(url);
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.on('exit', (code) => reject(new Error(`The dev server ended (exit ${code}) before it was ready:\n${output.slice(-3000)}`)));
    });
    return {
      origin,
      startSeconds: (performance.now() - started) / 1000,
      output: () => output,
      mark: (what) => void (output += `[${stamp()}] ---- ${what}\n`),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
