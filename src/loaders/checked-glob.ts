import { join } from 'node:path';
import { glob, type Loader } from 'astro/loaders';
import { checkCollection, readContentFiles, type CollectionRules } from '../lib/content-files.ts';
import { throwIfProblems } from '../lib/problems.ts';
import { PROJECT_ROOT } from '../lib/project-root.ts';
import { readSettings } from '../lib/settings.ts';
import { slugFromPath } from '../lib/slugs.ts';

/**
 * Astro's glob loader, preceded by a check of the whole folder (see
 * lib/content-files.ts) so that every authoring mistake in it is reported at
 * once, at its line, before any page is built. Entry ids are file names, so a
 * note can move between folders without changing its URL.
 */
export function checkedGlob(folder: 'essays' | 'notes', rules: CollectionRules): Loader {
  let inner: Loader | undefined;
  return {
    name: `checked-${folder}`,
    load: async (context) => {
      const dir = join(readSettings(process.env, PROJECT_ROOT).contentDir, folder);
      throwIfProblems(`The ${folder} folder has problems.`, checkCollection(readContentFiles(dir, PROJECT_ROOT), rules));
      inner ??= glob({ pattern: '**/*.{md,mdx}', base: dir, generateId: ({ entry }) => slugFromPath(entry) });
      await inner.load(context);
    },
  };
}
