import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { listContentFiles } from '../src/catalog/content-files.ts';
import { slugFromPath } from '../src/catalog/slugs.ts';
import { PROJECT, pagePaths } from './config.ts';
import { prepareBuildRoot } from '../tools/lib/astro-build.ts';
import { startAstroDev } from '../tools/lib/astro-dev.ts';
import { editedNote, type Workspace } from './workspace.ts';

/**
 * This site's dev server (`astro dev`), as an author meets it: the time from
 * starting it, with no cache, to its "ready" line (cold start); then to the
 * essay page's full HTML (first page, which compiles the pages on demand);
 * then, after one note's text changes on disk, until the note's page shows the
 * new words (polled every 50 ms, each a full request): five edits, each undone
 * and its page back to the original before the next; the figure is their median. A failure says which
 * state was reached: the edit never in the dev server's data store (the
 * loader), or in it but not on the page (a stale page); the server's whole
 * log, each line stamped, is kept in bench/work/n<size>/logs/. Starlight's
 * dev server is not measured: the issue's target is ours alone.
 */

export interface DevResult {
  /** Spawn to the server's "ready" line, in seconds. */
  coldStartSeconds: number;
  /** Ready to the essay page's HTML, in seconds. */
  firstPageSeconds: number;
  /** The note written to its new words showing on its page, in seconds, the median of EDITS edits; measured at one size only. */
  editVisibleSeconds?: number | undefined;
  /** Each edit's time, in the order made. */
  editSeconds?: number[] | undefined;
  /** Requests made while polling for the edits, in all. */
  editPolls?: number | undefined;
}

const POLL_MS = 50;
/** Edits measured at N = 1,000, one after another; the figure is their median. */
const EDITS = 5;
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
  // On a port the system picks, which the server prints.
  const server = await startAstroDev({ project: PROJECT, env: { BUILD_ROOT: root, CONTENT_DIR: workspace.contentDir, BASE_PATH: '/', LOCAL_URL: 'http://localhost:4321' }, timeoutMs: TIMEOUT_MS });
  // Everything the server printed, each line stamped with the seconds since it was spawned; kept in a file.
  const logFile = join(workspace.dir, 'logs', `dev-${new Date().toISOString().replace(/[:.]/g, '-')}.log`);
  const dataStore = join(root, '.astro', 'data-store.json');
  const { origin } = server;
  const note = (what: string) => server.mark(`bench: ${what}`);
  try {
    const ready = performance.now();
    const coldStartSeconds = server.startSeconds;
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
    const edits: { seconds: number; polls: number }[] = [];
    try {
      for (let i = 1; i <= EDITS; i++) {
        const run = Date.now();
        const words = `(revision ${run})`;
        note(`edit ${i} written`);
        const written = performance.now();
        writeFileSync(file, editedNote(original, run));
        const polls = await pollUntil(notePage, (page) => page.includes(words), { written, words, dataStore, logFile, note });
        const seconds = (performance.now() - written) / 1000;
        note(`edit ${i} visible`);
        edits.push({ seconds, polls });
        // Undone, and the page back to the original, before the next edit: each edit starts from the same state.
        writeFileSync(file, original);
        await pollUntil(notePage, (page) => !page.includes(words), { written: performance.now(), words: undefined, dataStore, logFile, note });
      }
    } finally {
      writeFileSync(file, original);
    }
    const sorted = edits.map((e) => e.seconds).sort((a, b) => a - b);
    const editVisibleSeconds = sorted[Math.floor(sorted.length / 2)]!;
    log(`  N=${workspace.size} dev server: a note edit visible after ${editVisibleSeconds.toFixed(2)} s, the median of ${EDITS} edits (${edits.map((e) => `${e.seconds.toFixed(2)} s in ${e.polls} request${e.polls === 1 ? '' : 's'}`).join(', ')})`);
    return { coldStartSeconds, firstPageSeconds, editVisibleSeconds, editSeconds: edits.map((e) => e.seconds), editPolls: edits.reduce((sum, e) => sum + e.polls, 0) };
  } catch (error) {
    (error as Error).message += `\n${server.output().split('\n').slice(-40).join('\n')}`;
    throw error;
  } finally {
    // Astro allows one dev server per project: the next measurement starts only once this one has ended.
    await server.stop();
    mkdirSync(dirname(logFile), { recursive: true });
    writeFileSync(logFile, server.output());
  }
}

/**
 * Requests `page` until what it shows passes `shown`, one request at a time with POLL_MS between; returns the number
 * of requests. Fails as a stale page when the edit (`words`) reached the data store but not the page after STALE_MS,
 * and as a loader fault when nothing showed after EDIT_TIMEOUT_MS.
 */
async function pollUntil(
  page: string,
  shown: (text: string) => boolean,
  state: { written: number; words: string | undefined; dataStore: string; logFile: string; note: (what: string) => void },
): Promise<number> {
  let polls = 0;
  let stored: number | undefined;
  for (;;) {
    polls++;
    if (shown(await fetchText(page))) return polls;
    // The state the page waits on: the content layer's data store, which the dev server rewrites once the loader stored the edit.
    if (state.words !== undefined && stored === undefined && existsSync(state.dataStore) && readFileSync(state.dataStore, 'utf8').includes(state.words)) {
      stored = performance.now();
      state.note('edit in the data store');
    }
    const now = performance.now();
    if (stored !== undefined && now - stored > STALE_MS) {
      throw new Error(`The edit reached the dev server's data store ${((stored - state.written) / 1000).toFixed(2)} s after it was written, but ${page} still showed the old text ${STALE_MS / 1000} s later (${polls} requests): a stale page. The server's log: ${state.logFile}`);
    }
    if (now - state.written > EDIT_TIMEOUT_MS) {
      throw new Error(`${page} did not show the ${state.words === undefined ? 'undone edit' : 'edit'} in ${EDIT_TIMEOUT_MS / 1000} s${stored === undefined && state.words !== undefined ? `, nor did the dev server's data store (${state.dataStore}): the collections' loader did not store it` : ''}. The server's log: ${state.logFile}`);
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  return response.text();
}
