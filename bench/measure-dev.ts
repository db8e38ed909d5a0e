import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { listContentFiles } from '../src/catalog/content-files.ts';
import { slugFromPath } from '../src/catalog/slugs.ts';
import { PROJECT, pagePaths } from './config.ts';
import { prepareBuildRoot } from '../tools/lib/astro-build.ts';
import { editedNote, type Workspace } from './workspace.ts';

/**
 * This site's dev server (`astro dev`), as an author meets it: the time from
 * starting it, with no cache, to its "ready" line (cold start); then to the
 * essay page's full HTML (first page, which compiles the pages on demand);
 * then, after one note's text changes on disk, until the note's page shows the
 * new words (polled every 50 ms, each a full request). A failure says which
 * state was reached: the edit never in the dev server's data store (the
 * loader), or in it but not on the page (a stale page); the server's whole
 * log, each line stamped, is kept in bench/work/n<size>/logs/. Starlight's
 * dev server is not measured: the target is ours alone.
 */

export interface DevResult {
  /** Spawn to the server's "ready" line, in seconds. */
  coldStartSeconds: number;
  /** Ready to the essay page's HTML, in seconds. */
  firstPageSeconds: number;
  /** The note written to its new words showing on its page, in seconds; measured at one size only. */
  editVisibleSeconds?: number | undefined;
  /** Requests made while polling for the edit. */
  editPolls?: number | undefined;
}

const POLL_MS = 50;
const TIMEOUT_MS = 10 * 60_000;
/** An edit not shown after this long is a failure, not a slow figure. */
const EDIT_TIMEOUT_MS = 2 * 60_000;
/** An edit in the data store but not on its page after this long is a stale page: the page will not change without another edit. */
const STALE_MS = 10_000;

export async function measureDev(workspace: Workspace, options: { edit: boolean }, log: (line: string) => void): Promise<DevResult> {
  const root = join(workspace.dir, 'ours-dev');
  // Cold: no generated files, no Astro or Vite cache of an earlier server.
  rmSync(root, { recursive: true, force: true });
  rmSync(join(PROJECT, 'node_modules', '.vite'), { recursive: true, force: true });
  prepareBuildRoot(root, join(PROJECT, 'node_modules'));
  const astro = join(PROJECT, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const started = performance.now();
  // Port 0: the system picks a free port, which the server prints.
  const child = spawn(process.execPath, [astro, 'dev', '--config', 'astro.config.mjs', '--port', '0', '--host', '127.0.0.1'], {
    cwd: PROJECT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', BUILD_ROOT: root, CONTENT_DIR: workspace.contentDir, BASE_PATH: '/', LOCAL_URL: 'http://localhost:4321' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  // Everything the server printed, each line stamped with the seconds since it was spawned; kept in a file.
  const logFile = join(workspace.dir, 'logs', `dev-${new Date().toISOString().replace(/[:.]/g, '-')}.log`);
  const dataStore = join(root, '.astro', 'data-store.json');
  let output = '';
  const stamp = () => ((performance.now() - started) / 1000).toFixed(3).padStart(8);
  const note = (what: string) => void (output += `[${stamp()}] ---- bench: ${what}\n`);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Astro allows one dev server per project: the next measurement starts only once this one has ended.
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
      const timer = setTimeout(() => reject(new Error(`The dev server did not start in ${TIMEOUT_MS / 1000} s:\n${output.slice(-3000)}`)), TIMEOUT_MS);
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
    const ready = performance.now();
    const coldStartSeconds = (ready - started) / 1000;
    const essay = await fetchText(`${origin}/${pagePaths.essay(workspace.essay)}`);
    if (!essay.includes('</html>')) throw new Error(`The essay page did not load from the dev server:\n${essay.slice(0, 500)}`);
    const firstPageSeconds = (performance.now() - ready) / 1000;
    log(`  N=${workspace.size} dev server: cold start ${coldStartSeconds.toFixed(2)} s, first page ${firstPageSeconds.toFixed(2)} s`);
    if (!options.edit) return { coldStartSeconds, firstPageSeconds };

    const notePage = `${origin}/${pagePaths.note(workspace.note)}`;
    await fetchText(notePage);
    const file = listContentFiles(join(workspace.contentDir, 'notes')).find((f) => slugFromPath(f) === workspace.note);
    if (!file) throw new Error(`No note "${workspace.note}" in ${workspace.contentDir}.`);
    const original = readFileSync(file, 'utf8');
    const run = Date.now();
    const words = `(revision ${run})`;
    const written = performance.now();
    note('edit written');
    writeFileSync(file, editedNote(original, run));
    let polls = 0;
    let stored: number | undefined;
    try {
      for (;;) {
        polls++;
        if ((await fetchText(notePage)).includes(words)) break;
        // The state the page waits on: the content layer's data store, which the dev server rewrites once the loader stored the edit.
        if (stored === undefined && existsSync(dataStore) && readFileSync(dataStore, 'utf8').includes(words)) {
          stored = performance.now();
          note('edit in the data store');
        }
        const now = performance.now();
        if (stored !== undefined && now - stored > STALE_MS) {
          throw new Error(`The edit reached the dev server's data store ${((stored - written) / 1000).toFixed(2)} s after it was written, but ${notePage} still showed the old text ${STALE_MS / 1000} s later (${polls} requests): a stale page. The server's log: ${logFile}`);
        }
        if (stored === undefined && now - written > EDIT_TIMEOUT_MS) {
          throw new Error(`The edit never reached the dev server's data store (${dataStore}) in ${EDIT_TIMEOUT_MS / 1000} s: the collections' loader did not store it. The server's log: ${logFile}`);
        }
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    } finally {
      writeFileSync(file, original);
    }
    const editVisibleSeconds = (performance.now() - written) / 1000;
    note('edit visible');
    const storedText = stored === undefined ? '' : `; seen in the data store after ${((stored - written) / 1000).toFixed(2)} s`;
    log(`  N=${workspace.size} dev server: a note edit visible after ${editVisibleSeconds.toFixed(2)} s (${polls} requests${storedText})`);
    return { coldStartSeconds, firstPageSeconds, editVisibleSeconds, editPolls: polls };
  } catch (error) {
    (error as Error).message += `\n${output.split('\n').slice(-40).join('\n')}`;
    throw error;
  } finally {
    await stop();
    mkdirSync(dirname(logFile), { recursive: true });
    writeFileSync(logFile, output);
  }
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  return response.text();
}
