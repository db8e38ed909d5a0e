import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
 * new words (polled every 50 ms, each a full request). Starlight's dev server
 * is not measured: the target is ours alone.
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
  let output = '';
  const stop = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  };
  try {
    const origin = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The dev server did not start in ${TIMEOUT_MS / 1000} s:\n${output.slice(-3000)}`)), TIMEOUT_MS);
      const read = (data: Buffer) => {
        output += stripVTControlCharacters(data.toString());
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
    const edited = editedNote(original, run);
    const words = `(revision ${run})`;
    const written = performance.now();
    writeFileSync(file, edited);
    let polls = 0;
    try {
      for (;;) {
        polls++;
        if ((await fetchText(notePage)).includes(words)) break;
        if (performance.now() - written > EDIT_TIMEOUT_MS) throw new Error(`The edit did not show on ${notePage} in ${EDIT_TIMEOUT_MS / 1000} s:\n${output.slice(-3000)}`);
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    } finally {
      writeFileSync(file, original);
    }
    const editVisibleSeconds = (performance.now() - written) / 1000;
    log(`  N=${workspace.size} dev server: a note edit visible after ${editVisibleSeconds.toFixed(2)} s (${polls} requests)`);
    return { coldStartSeconds, firstPageSeconds, editVisibleSeconds, editPolls: polls };
  } finally {
    stop();
  }
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  return response.text();
}
