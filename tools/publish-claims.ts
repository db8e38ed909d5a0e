/**
 * Publishes the claims in the content: adds every claim id that is not yet in
 * content/claims.json, with the page it is on. From then on the build fails if
 * the id disappears without the registry saying what became of it. It never
 * removes or changes an entry; it lists published ids that are gone, so you
 * can record them as moved or retired.
 *
 *   npm run claims:publish            (CONTENT_DIR selects another content folder)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatRegistry, parseRegistry, publishClaims, type CurrentClaim } from '../src/catalog/claim-registry.ts';
import { scanClaims } from '../src/catalog/claim-scan.ts';
import { listContentFiles } from '../src/catalog/content-files.ts';
import { formatProblem } from '../src/catalog/problems.ts';
import { PROJECT_ROOT } from '../src/catalog/project-root.ts';
import { readSettings } from '../src/catalog/settings.ts';
import { slugFromPath } from '../src/catalog/slugs.ts';

const { contentDir } = readSettings(process.env, PROJECT_ROOT);
const registryPath = join(contentDir, 'claims.json');
const registryFile = relative(PROJECT_ROOT, registryPath);

const current: CurrentClaim[] = ['essays', 'notes'].flatMap((folder) =>
  listContentFiles(join(contentDir, folder)).flatMap((path) =>
    scanClaims(readFileSync(path, 'utf8')).map((c) => ({ ...c, doc: `${folder}/${slugFromPath(path)}`, file: relative(PROJECT_ROOT, path) })),
  ),
);

const { registry, problems } = existsSync(registryPath)
  ? parseRegistry(readFileSync(registryPath, 'utf8'), registryFile)
  : { registry: new Map(), problems: [] };
if (problems.length > 0) {
  console.error(problems.map(formatProblem).join('\n\n'));
  process.exit(1);
}

const { registry: next, added } = publishClaims(registry, current);
writeFileSync(registryPath, formatRegistry(next));
const ids = new Set(current.map((c) => c.id));
const gone = [...next].filter(([id, e]) => e.moved === undefined && e.retired === undefined && !ids.has(id)).map(([id]) => id);

console.log(added.length === 0 ? `No new claims; ${registryFile} lists ${next.size}.` : `Published ${added.length} claim${added.length === 1 ? '' : 's'} in ${registryFile}: ${added.join(', ')}`);
if (gone.length > 0) {
  console.log(`\nPublished ids no longer in the content (the build fails until each is recorded as moved or retired):\n${gone.map((id) => `  ${id}`).join('\n')}`);
}
