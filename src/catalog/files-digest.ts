import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A digest of files and folders under `root` (folders read whole, names in
 * sorted order, each file's path and bytes), so that any edit, addition or
 * removal changes it. A path that does not exist adds nothing. What the
 * incremental build's page keys (src/site/page-keys.ts) and the loader's
 * rendering (src/catalog/loaders/indexed.ts) call "the code".
 */
export function filesDigest(root: string, paths: readonly string[]): string {
  const hash = createHash('sha256');
  const add = (path: string) => {
    const full = join(root, path);
    let names: string[];
    try {
      names = readdirSync(full).sort();
    } catch {
      try {
        hash.update(`${path}\0`).update(readFileSync(full)).update('\0');
      } catch {
        // Absent: nothing to hash.
      }
      return;
    }
    for (const name of names) add(`${path}/${name}`);
  };
  for (const path of paths) add(path);
  return hash.digest('hex');
}
