import { join } from 'node:path';
import { glob, type Loader } from 'astro/loaders';
import { checkCollection, readContentFiles, type CollectionRules } from '../lib/content-files.ts';
import { throwIfProblems } from '../lib/problems.ts';
import { PROJECT_ROOT } from '../lib/project-root.ts';
import { readSettings } from '../lib/settings.ts';
import { slugFromPath } from '../lib/slugs.ts';

/**
 * Astro's glob loader, preceded by a check of every content folder (see
 * lib/content-files.ts), so that all authoring mistakes are reported at once,
 * at their lines, before any page is built. Each collection's loader checks
 * all folders, so the report is the same whichever loader runs first. Entry
 * ids are file names, so a note can move between folders without changing
 * its URL.
 */
export type ContentFolders = Readonly<Record<string, CollectionRules>>;

export function checkedGlob(folder: string, folders: ContentFolders): Loader {
  let inner: Loader | undefined;
  return {
    name: `checked-${folder}`,
    load: async (context) => {
      const contentDir = readSettings(process.env, PROJECT_ROOT).contentDir;
      const problems = Object.entries(folders).flatMap(([name, rules]) =>
        checkCollection(readContentFiles(join(contentDir, name), PROJECT_ROOT), rules),
      );
      throwIfProblems('The content has problems.', problems);
      inner ??= glob({ pattern: '**/*.{md,mdx}', base: join(contentDir, folder), generateId: ({ entry }) => slugFromPath(entry) });
      await inner.load(context);
    },
  };
}
