import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Loader } from 'astro/loaders';
import { parseRegistry } from '../claim-registry.ts';
import { throwIfProblems } from '../problems.ts';
import { PROJECT_ROOT } from '../project-root.ts';
import { readSettings } from '../settings.ts';

/**
 * Loads the registry of published claim ids (content/claims.json) as a
 * collection, one entry per id, failing at the line of a malformed entry.
 * The pages check it against the claims they find (src/site/corpus.ts).
 */
export const REGISTRY_FILE = 'claims.json';

export function claimRegistryLoader(): Loader {
  return {
    name: 'claim-registry',
    load: async ({ store, parseData }) => {
      const path = join(readSettings(process.env, PROJECT_ROOT).contentDir, REGISTRY_FILE);
      store.clear();
      if (!existsSync(path)) return;
      const file = relative(PROJECT_ROOT, path);
      const { registry, problems } = parseRegistry(readFileSync(path, 'utf8'), file);
      throwIfProblems('The claim registry has problems.', problems);
      for (const [id, entry] of registry) {
        const data = await parseData({ id, data: { ...entry, file } });
        store.set({ id, data });
      }
    },
  };
}
