import { statSync } from 'node:fs';
import { join } from 'node:path';
import { glob, type Loader } from 'astro/loaders';
import { checkCollection, listContentFiles, readContentFiles, type CollectionRules } from '../content-files.ts';
import { throwIfProblems, type Problem } from '../problems.ts';
import { PROJECT_ROOT } from '../project-root.ts';
import { readSettings } from '../settings.ts';
import { slugFromPath } from '../slugs.ts';

/**
 * Astro's glob loader, preceded by a check of every content folder (see
 * lib/content-files.ts), so that all authoring mistakes are reported at once,
 * at their lines, before any page is built. The report covers every folder,
 * so it is the same whichever collection loads first; it is worked out once
 * per state of the files and shared by the loaders. Entry
 * ids are file names, so a note can move between folders without changing
 * its URL.
 */
export type ContentFolders = Readonly<Record<string, CollectionRules>>;

let checked: { signature: string; problems: Problem[] } | undefined;

function contentProblems(contentDir: string, folders: ContentFolders): Problem[] {
  const signature = Object.keys(folders)
    .flatMap((name) => listContentFiles(join(contentDir, name)).map((f) => `${f}:${statSync(f).mtimeMs}`))
    .join('\n');
  if (checked?.signature !== signature) {
    const problems = Object.entries(folders).flatMap(([name, rules]) => checkCollection(readContentFiles(join(contentDir, name), PROJECT_ROOT), rules));
    checked = { signature, problems };
  }
  return checked.problems;
}

export function checkedGlob(folder: string, folders: ContentFolders): Loader {
  let inner: Loader | undefined;
  return {
    name: `checked-${folder}`,
    load: async (context) => {
      const contentDir = readSettings(process.env, PROJECT_ROOT).contentDir;
      throwIfProblems('The content has problems.', contentProblems(contentDir, folders));
      inner ??= glob({ pattern: '**/*.{md,mdx}', base: join(contentDir, folder), generateId: ({ entry }) => slugFromPath(entry) });
      await inner.load(context);
    },
  };
}
