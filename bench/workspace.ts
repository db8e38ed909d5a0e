import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { findCitations } from '../src/markdown/citation-syntax.ts';
import { listContentFiles } from '../src/catalog/content-files.ts';
import { splitFrontMatter } from '../src/catalog/front-matter.ts';
import { slugFromPath } from '../src/catalog/slugs.ts';
import { PEER, PROJECT, REAL_SIZE, WORK } from './config.ts';
import { essayMdx, generateCorpus, noteMdx } from './corpus.ts';
import { starlightDoc } from './starlight-docs.ts';

/**
 * The bench's folders under bench/work/n<size>/: the corpus as this site's
 * content (content/), and a Starlight project fed the same corpus
 * (starlight/src/content/docs/). N = 13 is a copy of the real content, so a
 * rebuild's edit never touches it.
 */

export interface Workspace {
  size: number;
  dir: string;
  contentDir: string;
  starlightRoot: string;
  /** The essay the pages are measured on, and the first note it cites. */
  essay: string;
  note: string;
  pages: number;
}

export function workspaceDir(size: number): string {
  return join(WORK, `n${size}`);
}

export function prepareWorkspace(size: number): Workspace {
  const dir = workspaceDir(size);
  const contentDir = join(dir, 'content');
  rmSync(contentDir, { recursive: true, force: true });
  if (size === REAL_SIZE) {
    cpSync(join(PROJECT, 'content'), contentDir, { recursive: true });
  } else {
    const corpus = generateCorpus(size);
    mkdirSync(join(contentDir, 'notes'), { recursive: true });
    mkdirSync(join(contentDir, 'essays'), { recursive: true });
    for (const note of corpus.notes) writeFileSync(join(contentDir, 'notes', `${note.slug}.mdx`), noteMdx(note));
    for (const essay of corpus.essays) writeFileSync(join(contentDir, 'essays', `${essay.slug}.mdx`), essayMdx(essay));
  }
  const starlightRoot = join(dir, 'starlight');
  writeStarlightProject(contentDir, starlightRoot);
  const essays = listContentFiles(join(contentDir, 'essays'));
  const essayFile = essays[0];
  if (!essayFile) throw new Error(`The corpus in ${contentDir} has no essay.`);
  const firstCitation = findCitations(readFileSync(essayFile, 'utf8'))[0]?.keys[0]?.id;
  if (!firstCitation) throw new Error(`The essay ${essayFile} cites no note.`);
  const notes = listContentFiles(join(contentDir, 'notes'));
  return { size, dir, contentDir, starlightRoot, essay: slugFromPath(essayFile), note: firstCitation, pages: notes.length + essays.length };
}

/** The Starlight project for a content folder: the peer's config files, a node_modules link and the docs. */
function writeStarlightProject(contentDir: string, root: string): void {
  const docs = join(root, 'src', 'content', 'docs');
  rmSync(docs, { recursive: true, force: true });
  mkdirSync(docs, { recursive: true });
  copyFileSync(join(PEER, 'astro.config.mjs'), join(root, 'astro.config.mjs'));
  copyFileSync(join(PEER, 'src', 'content.config.ts'), join(root, 'src', 'content.config.ts'));
  const titles = noteTitles(contentDir);
  const essays: { slug: string; title: string }[] = [];
  for (const kind of ['essays', 'notes'] as const) {
    for (const file of listContentFiles(join(contentDir, kind))) {
      const slug = slugFromPath(file);
      const source = readFileSync(file, 'utf8');
      writeStarlightDoc(docs, kind, slug, source, titles);
      if (kind === 'essays') essays.push({ slug, title: String((splitFrontMatter(source).data as { title: string }).title) });
    }
  }
  // A home page listing the essays, as the site's home page does.
  const list = essays.map((e) => `- [${e.title.replace(/([\\`*_[\]<>])/g, '\\$1')}](/essays/${e.slug}/)`).join('\n');
  writeFileSync(join(docs, 'index.md'), `---\ntitle: "Research Explainers"\n---\n\n${list}\n`);
}

function writeStarlightDoc(docs: string, kind: 'essays' | 'notes', slug: string, source: string, titles: ReadonlyMap<string, string>): void {
  const folder = join(docs, kind);
  mkdirSync(folder, { recursive: true });
  const doc = starlightDoc({ kind: kind === 'essays' ? 'essay' : 'note', source, noteTitles: titles, notesPath: '/notes/' });
  writeFileSync(join(folder, `${slug}.md`), doc);
}

function noteTitles(contentDir: string): Map<string, string> {
  const titles = new Map<string, string>();
  for (const file of listContentFiles(join(contentDir, 'notes'))) {
    const data = splitFrontMatter(readFileSync(file, 'utf8')).data as { title?: unknown } | undefined;
    titles.set(slugFromPath(file), String(data?.title ?? slugFromPath(file)));
  }
  return titles;
}

const REVISION = / This summary was revised after a second reading \(revision \d+\)\.$/;

/**
 * A note's text with one sentence added at the end of its summary: the edit a
 * rebuild is measured after. The sentence an earlier run added is replaced, so
 * the note differs from the last build by one sentence, never grows.
 */
export function editedNote(source: string, run: number): string {
  return `${source.trimEnd().replace(REVISION, '')} This summary was revised after a second reading (revision ${run}).\n`;
}

/** Edits one note in both sites' content, as an author would. */
export function editNote(workspace: Workspace, slug: string, run: number): void {
  const file = listContentFiles(join(workspace.contentDir, 'notes')).find((f) => slugFromPath(f) === slug);
  if (!file) throw new Error(`No note "${slug}" in ${workspace.contentDir}.`);
  const source = editedNote(readFileSync(file, 'utf8'), run);
  writeFileSync(file, source);
  const docs = join(workspace.starlightRoot, 'src', 'content', 'docs');
  writeStarlightDoc(docs, 'notes', slug, source, noteTitles(workspace.contentDir));
}

/** Installs the Starlight peer with `npm ci` when its node_modules is missing or older than its lock file. */
export function ensurePeerInstalled(log: (line: string) => void): void {
  const marker = join(PEER, 'node_modules', '.package-lock.json');
  const lock = join(PEER, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  log(`Installing the Starlight peer (npm ci in ${basename(dirname(PEER))}/${basename(PEER)})…`);
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: PEER, stdio: 'inherit', timeout: 600_000 });
}
