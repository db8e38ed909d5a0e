import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listContentFiles } from '../../src/catalog/content-files.ts';
import { slugFromPath } from '../../src/catalog/slugs.ts';
import { LOCAL_ORIGIN } from '../../src/catalog/settings.ts';
import { prepareBuildRoot } from '../../tools/lib/astro-build.ts';
import { startAstroDev, type AstroDevServer } from '../../tools/lib/astro-dev.ts';
import { OUTPUT, PROJECT, seedEssay } from '../support/sites.ts';

/**
 * The dev server as an author meets it (`npm run dev`), on a copy of the real
 * content: an edit to a note shows on its page, and a note's new title on the
 * essay that cites it, without a restart (src/integrations/content-index.ts
 * has the changed file stored); a citation of a missing note is reported with
 * its fix, and the essay shows its fixed version. Each step
 * waits on state (the page polled until it shows the change, the log until it
 * says the error), never on time.
 */
const dir = join(OUTPUT, 'dev-server');
const contentDir = join(dir, 'content');
/** Long enough for a busy machine; only a failing wait spends it. */
const WAIT_MS = 120_000;
let server: AstroDevServer;

async function page(path: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${server.origin}/${path}`);
  return { status: response.status, text: await response.text() };
}

/** Waits until `ready()` holds, asking again every 100 ms; fails after WAIT_MS, saying what was awaited and what the server printed. */
async function until(what: string, ready: () => Promise<boolean> | boolean): Promise<void> {
  const started = performance.now();
  while (!(await ready())) {
    if (performance.now() - started > WAIT_MS) throw new Error(`The dev server never ${what} (${WAIT_MS / 1000} s). What it printed, but for the pages it served:\n${printed()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The server's output without the lines of pages served well, which polling prints by the hundred. */
const printed = () => server.output().split('\n').filter((line) => !/\] \[200\] /.test(line)).join('\n').slice(-6000);

const essay = () => seedEssay(contentDir);
/** The first note the seed essay cites, and its file. */
function citedNote(): { id: string; file: string } {
  const id = /\[@([^\]\s;,]+)/.exec(readFileSync(essay().path, 'utf8'))?.[1];
  const file = listContentFiles(join(contentDir, 'notes')).find((f) => slugFromPath(f) === id);
  if (!id || !file) throw new Error(`The seed essay cites no note found in ${contentDir}/notes.`);
  return { id, file };
}

describe('the dev server', () => {
  beforeAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    cpSync(join(PROJECT, 'content'), contentDir, { recursive: true });
    prepareBuildRoot(join(dir, 'root'), join(PROJECT, 'node_modules'));
    server = await startAstroDev({ project: PROJECT, env: { BUILD_ROOT: join(dir, 'root'), CONTENT_DIR: contentDir, LOCAL_URL: LOCAL_ORIGIN }, timeoutMs: WAIT_MS });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('shows a note edited on disk on its page, without a restart', { timeout: 2 * WAIT_MS }, async () => {
    const { id, file } = citedNote();
    expect((await page(`notes/${id}/`)).status).toBe(200);
    const words = `revised in the dev server ${Date.now()}`;
    server.mark(`${file} edited`);
    writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()} This summary was ${words}.\n`);
    await until(`showed the edited note on /notes/${id}/`, async () => (await page(`notes/${id}/`)).text.includes(words));
  });

  it('shows a note\'s new title on the essay that cites it', { timeout: 2 * WAIT_MS }, async () => {
    const { file } = citedNote();
    const source = readFileSync(file, 'utf8');
    const title = /^title:\s*"(.+)"\s*$/m.exec(source)?.[1];
    expect(title).toBeDefined();
    const retitled = title!.replace(/\??$/, (mark) => ` (retitled ${Date.now()})${mark}`);
    writeFileSync(file, source.replace(`title: "${title}"`, `title: "${retitled}"`));
    await until(`showed the note's new title on the essay`, async () => (await page(`essays/${essay().slug}/`)).text.includes(retitled));
  });

  it('reports a citation of a missing note with its fix, and shows the essay as fixed', { timeout: 3 * WAIT_MS }, async () => {
    const { id } = citedNote();
    const { path, slug } = essay();
    const source = readFileSync(path, 'utf8');
    const typo = `${id}x`;
    const before = server.output().length;
    writeFileSync(path, source.replace(`[@${id}`, `[@${typo}`));
    await until('reported the missing note', () => server.output().slice(before).includes(`Did you mean "${id}"?`));
    expect(server.output().slice(before)).toContain(`The citation [@${typo}] names a note that does not exist.`);
    // Fixed, with a new standfirst: the page shows this version, not the one stored before the mistake.
    const fixed = `Fixed in the dev server ${Date.now()}.`;
    const standfirst = /^standfirst: *(["']?)/m;
    expect(source, 'the seed essay has a one-line standfirst').toMatch(standfirst);
    writeFileSync(path, source.replace(standfirst, (start) => `${start}${fixed} `));
    await until('showed the fixed essay', async () => {
      const { status, text } = await page(`essays/${slug}/`);
      return status === 200 && text.includes(fixed) && text.includes(`href="/notes/${id}/"`);
    });
  });
});
