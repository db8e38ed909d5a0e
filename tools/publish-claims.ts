/**
 * Publishes the claims in the content: adds every claim id that is not yet in
 * content/claims.json, with the page it is on. From then on the build fails if
 * the id disappears without the registry saying what became of it. It never
 * removes or changes an entry; it lists published ids that are gone, so you
 * can record them as moved or retired. Drafts (draft: true) are left out: their
 * ids stay free until the essay is published (docs/writing.md, "Publish").
 *
 *   npm run claims:publish            (CONTENT_DIR selects another content folder)
 */
import { writeFileSync } from 'node:fs';
import { formatRegistry, publishClaims } from '../src/catalog/claim-registry.ts';
import { publishableClaims } from '../src/catalog/claim-scan.ts';
import { createContentIndex } from '../src/catalog/content-index.ts';
import { formatProblem } from '../src/catalog/problems.ts';
import { LOCAL_ORIGIN, readSettings } from '../src/catalog/settings.ts';

// The same index the build reads the content through: the same files, the same registry, the same problems.
// Publishing claim ids reads the content only: it needs no deployed address.
const settings = readSettings({ LOCAL_URL: LOCAL_ORIGIN, ...process.env });
const catalog = createContentIndex(settings).current();
const { registry, registryFile, problems } = catalog;
if (problems.length > 0) {
  console.error(problems.map(formatProblem).join('\n\n'));
  process.exit(1);
}

const { claims: current, drafts } = publishableClaims(catalog);

const { registry: next, added } = publishClaims(registry, current);
writeFileSync(settings.registryFile, formatRegistry(next));
const ids = new Set(current.map((c) => c.id));
const gone = [...next].filter(([id, e]) => e.moved === undefined && e.retired === undefined && !ids.has(id)).map(([id]) => id);

if (drafts.length > 0) console.log(`Left out ${drafts.length === 1 ? 'a draft' : `${drafts.length} drafts`} (draft: true), whose claims stay unpublished: ${drafts.join(', ')}`);
console.log(added.length === 0 ? `No new claims; ${registryFile} lists ${next.size}.` : `Published ${added.length} claim${added.length === 1 ? '' : 's'} in ${registryFile}: ${added.join(', ')}`);
if (gone.length > 0) {
  console.log(`\nPublished ids no longer in the content (the build fails until each is recorded as moved or retired):\n${gone.map((id) => `  ${id}`).join('\n')}`);
}
