import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseRegistry, type Registry } from './claim-registry.ts';
import { CONTENT_FOLDERS, type ContentFolder } from './collections.ts';
import { listContentFiles, toProjectPath, validateCollection, type ContentFile } from './content-files.ts';
import { filesDigest } from './files-digest.ts';
import { splitFrontMatter, type SplitFile } from './front-matter.ts';
import type { Problem } from './problems.ts';
import type { Settings } from './settings.ts';
import { PROJECT_ROOT } from './project-root.ts';
import { slugFromPath } from './slugs.ts';

/**
 * The content index: every essay, note and the claim registry, read from disk
 * and validated once per state of the files, with one report of every problem.
 * Everything else asks it instead of reading the content folder again: the
 * collections' loader stores the entries it parsed (src/catalog/loaders/indexed.ts),
 * the remark plugins look notes up in it (astro.config.mjs hands them
 * `index.current`), and the pages read the registry from it (src/site/corpus.ts).
 *
 * A build reads each file once. In the dev server, a file the watcher reports as
 * changed is read again, alone; the rest of the catalog is kept.
 */

export interface IndexedEntry {
  /** The slug: the file name without folders or extension. */
  id: string;
  folder: ContentFolder;
  /** Path relative to the project root, with forward slashes, for messages. */
  file: string;
  /** Absolute path. */
  path: string;
  /** The file's whole text, as read. */
  source: string;
  /** The text after the front matter. */
  body: string;
  /** The front matter as the schema parsed it, or undefined when it has problems (then `problems` says why). */
  data: Record<string, unknown> | undefined;
  /** The front matter's `title`, as written, even when other fields are wrong (for citation labels). */
  title: string | undefined;
}

export interface Catalog {
  essays: ReadonlyMap<string, IndexedEntry>;
  notes: ReadonlyMap<string, IndexedEntry>;
  /** Published claim ids (empty when there is no registry file yet). */
  registry: Registry;
  /** Whether content/claims.json exists. */
  hasRegistry: boolean;
  /** The registry file, relative to the project root, for messages. */
  registryFile: string;
  /** Every problem in the content folders, then in the registry. */
  problems: readonly Problem[];
}

export interface ContentIndex {
  readonly settings: Settings;
  /** The catalog of the files as they are now (read again only where a file was reported changed). */
  current(): Catalog;
  /** Says that a file changed, appeared or went away; true when it is one the index reads. */
  invalidate(path: string): boolean;
  /** The document a file is, as the claim registry names it ("essays/<slug>"), or undefined outside the content folders. */
  documentOf(path: string): string | undefined;
  /** A content folder, relative to the project root ("content/notes"), for messages. */
  folderOf(folder: ContentFolder): string;
}

interface ReadFile {
  file: ContentFile;
  source: string;
}

export function createContentIndex(settings: Settings): ContentIndex {
  const { root, contentDir, registryFile } = settings;
  const files = new Map<string, ReadFile>();
  const frontMatter = keptFrontMatter(join(settings.cacheDir, 'front-matter.json'));
  let catalog: Catalog | undefined;

  // A file is read again only after invalidate() names it.
  const read = (path: string): ReadFile => {
    const kept = files.get(path);
    if (kept) return kept;
    const source = readFileSync(path, 'utf8');
    const fresh = { source, file: { id: slugFromPath(path), file: toProjectPath(root, path), split: frontMatter.split(source) } };
    files.set(path, fresh);
    return fresh;
  };

  const scan = (): Catalog => {
    const problems: Problem[] = [];
    const byFolder = {} as Record<ContentFolder, Map<string, IndexedEntry>>;
    for (const folder of Object.keys(CONTENT_FOLDERS) as ContentFolder[]) {
      const folderFiles = listContentFiles(join(contentDir, folder)).map((path) => ({ path, ...read(path) }));
      const checked = validateCollection(folderFiles.map((f) => f.file), CONTENT_FOLDERS[folder]);
      problems.push(...checked.problems);
      const entries = new Map<string, IndexedEntry>();
      for (const { path, source, file } of folderFiles) {
        const title = (file.split.data as { title?: unknown } | undefined)?.title;
        // Two files with one slug are reported above; the first keeps the slug.
        if (entries.has(file.id)) continue;
        entries.set(file.id, {
          id: file.id,
          folder,
          file: file.file,
          path,
          source,
          body: file.split.body,
          data: checked.data.get(file.file) as Record<string, unknown> | undefined,
          title: typeof title === 'string' ? title : undefined,
        });
      }
      byFolder[folder] = entries;
    }
    const registryPath = toProjectPath(root, registryFile);
    let registry: Registry = new Map();
    let hasRegistry = false;
    try {
      const text = readFileSync(registryFile, 'utf8');
      hasRegistry = true;
      const parsed = parseRegistry(text, registryPath);
      registry = parsed.registry;
      problems.push(...parsed.problems);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    frontMatter.save();
    return { essays: byFolder.essays, notes: byFolder.notes, registry, hasRegistry, registryFile: registryPath, problems };
  };

  return {
    settings,
    current: () => (catalog ??= scan()),
    invalidate: (path) => {
      const inside = relative(contentDir, path);
      if (inside.startsWith('..') || inside.startsWith(sep)) return false;
      files.delete(path);
      catalog = undefined;
      return true;
    },
    documentOf: (path) => {
      const folder = relative(contentDir, path).split(sep)[0];
      return folder !== undefined && Object.hasOwn(CONTENT_FOLDERS, folder) ? `${folder}/${slugFromPath(path)}` : undefined;
    },
    folderOf: (folder) => toProjectPath(root, join(contentDir, folder)),
  };
}

/** What is kept of a file's front matter between builds: the parsed YAML and where the body starts. */
interface KeptSplit {
  data: unknown;
  bodyStart: number;
  bodyLine: number;
}

/** The code that parses front matter: a change to it (or to the yaml package) parses every file again. */
const FRONT_MATTER_CODE = ['src/catalog/front-matter.ts', 'package-lock.json'];

/**
 * Front matter parsed in an earlier build or dev server, by the file's exact text, kept in the cache folder:
 * parsing the YAML was most of a cold scan (2.2 of 2.3 s of a one-note rebuild's content sync at N = 1,000).
 * Only files without a problem are kept; a kept file's lines are worked out again (parsed) only when a
 * schema problem needs one, so every message is the one a fresh parse gives.
 */
function keptFrontMatter(file: string): { split(source: string): SplitFile; save(): void } {
  const version = filesDigest(PROJECT_ROOT, FRONT_MATTER_CODE);
  let kept: Record<string, KeptSplit> = {};
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { version?: string; files?: Record<string, KeptSplit> };
    if (saved.version === version && saved.files) kept = saved.files;
  } catch {
    // None yet, or unreadable: parse everything.
  }
  const used: Record<string, KeptSplit> = {};
  let changed = false;
  return {
    split: (source) => {
      const key = createHash('sha1').update(source).digest('base64');
      const hit = kept[key];
      if (hit) {
        used[key] = hit;
        const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
        let full: SplitFile | undefined;
        return {
          // A copy: the schema's parse must not change what is kept.
          data: structuredClone(hit.data),
          body: text.slice(hit.bodyStart),
          bodyLine: hit.bodyLine,
          lineOf: (path) => (full ??= splitFrontMatter(source)).lineOf(path),
          yamlErrors: [],
          curlyQuoted: [],
          hasFrontMatter: true,
        };
      }
      const split = splitFrontMatter(source);
      // JSON keeps what YAML's core schema gives, except values such as .inf: those files are parsed every time.
      if (split.hasFrontMatter && split.yamlErrors.length === 0 && split.curlyQuoted.length === 0 && isDeepStrictEqual(JSON.parse(JSON.stringify(split.data ?? null)), split.data ?? null)) {
        const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
        used[key] = { data: split.data, bodyStart: text.length - split.body.length, bodyLine: split.bodyLine };
        changed = true;
      }
      return split;
    },
    save: () => {
      if (!changed && Object.keys(used).length === Object.keys(kept).length) return;
      try {
        mkdirSync(join(file, '..'), { recursive: true });
        // Written whole, then renamed: two builds sharing the cache folder never read half a file.
        const temporary = `${file}.${process.pid}.tmp`;
        writeFileSync(temporary, JSON.stringify({ version, files: used }));
        renameSync(temporary, file);
        kept = { ...used };
        changed = false;
      } catch {
        // A cache that cannot be written costs only time.
      }
    },
  };
}
