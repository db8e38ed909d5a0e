/**
 * Publishes the claims in the content (docs/writing.md, "Publish"):
 *
 * - adds every claim id that is not yet in content/claims.json, with the page
 *   it is on. From then on the build fails if the id disappears without the
 *   registry saying what became of it;
 * - records each published claim's wording (its words as a reader sees them
 *   and the notes it cites): revision 1 for a claim with none recorded, dated
 *   today, or for a claim published before revisions were kept, the essay's
 *   `published` date; and a new revision, dated today, for a claim whose
 *   wording changed, with the reason given (required then: without it nothing
 *   is written and the command names the claims that need one).
 *
 * It never removes an entry or a revision. It lists published ids that are
 * gone, so you can record them as moved or retired. Drafts (draft: true) are
 * left out: their ids stay free until the essay is published.
 *
 *   npm run claims:publish                            (CONTENT_DIR selects another content folder)
 *   npm run claims:publish -- --reason "Softened: the effect holds for small models only."
 *   npm run claims:publish -- --date=2027-03-12       (the day to record instead of today, UTC)
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatRegistry, publishClaims, PUBLISH_REVISION } from '../src/catalog/claim-registry.ts';
import { describeSources, recordRevisions, type WordedClaim } from '../src/catalog/claim-revisions.ts';
import { publishableClaims, publishableWordings } from '../src/catalog/claim-scan.ts';
import { createContentIndex } from '../src/catalog/content-index.ts';
import { formatProblem } from '../src/catalog/problems.ts';
import { LOCAL_ORIGIN, readSettings } from '../src/catalog/settings.ts';

const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};

let args: { reason?: string | undefined; date?: string | undefined };
try {
  args = parseArgs({ options: { reason: { type: 'string' }, date: { type: 'string' } } }).values;
} catch (error) {
  fail(`${(error as Error).message}\nUsage: npm run claims:publish [-- --reason "why the wording changed"] [--date=YYYY-MM-DD]`);
}
const today = args!.date ?? new Date().toISOString().slice(0, 10);
if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) fail(`--date=${today} is not a date written as YYYY-MM-DD.`);
const reason = args!.reason?.replace(/\s+/g, ' ').trim();
if (args!.reason !== undefined && !reason) fail('--reason is empty: say in one line why the wording changed.');

// The same index the build reads the content through: the same files, the same registry, the same problems.
// Publishing claim ids reads the content only: it needs no deployed address.
const settings = readSettings({ LOCAL_URL: LOCAL_ORIGIN, ...process.env });
const catalog = createContentIndex(settings).current();
const { registry, registryFile, problems } = catalog;
if (problems.length > 0) fail(problems.map(formatProblem).join('\n\n'));

const { claims: current, drafts } = publishableClaims(catalog);
let wordings: WordedClaim[] = [];
try {
  wordings = await publishableWordings(catalog, settings.root);
} catch (error) {
  fail((error as Error).message);
}

const { registry: withIds, added } = publishClaims(registry, current);
const newIds = new Set(added);
// A claim published before its wording was recorded dates from its essay's publication; anything else from today.
const publishedOn = (doc: string): string | undefined => {
  const [folder, slug] = doc.split('/');
  const date = (folder === 'essays' ? catalog.essays.get(slug!) : catalog.notes.get(slug!))?.data?.['published'];
  return date instanceof Date ? date.toISOString().slice(0, 10) : undefined;
};
const { registry: next, recorded, needReason } = recordRevisions(withIds, wordings, {
  firstDate: (claim) => (newIds.has(claim.id) ? today : publishedOn(claim.doc) ?? today),
  today,
  reason,
});
if (needReason.length > 0) {
  fail([
    `${needReason.length === 1 ? 'A published claim was' : `${needReason.length} published claims were`} reworded; a new revision needs a reason. Nothing was written.`,
    ...needReason.map(({ claim, latest, number }) => [
      `  ${claim.id} (${claim.doc}), revision ${number}:`,
      `    published ${latest.date}: "${latest.text}" ${describeSources(latest.sources)}`,
      `    ${'now:'.padEnd(`published ${latest.date}: `.length)}"${claim.text}" ${describeSources(claim.sources)}`,
    ].join('\n')),
    `Say in one line why, for readers of the old wording: ${PUBLISH_REVISION}`,
    'Or, if a change was not meant, restore the published wording.',
  ].join('\n'));
}
writeFileSync(settings.registryFile, formatRegistry(next));

const ids = new Set(current.map((c) => c.id));
const gone = [...next].filter(([id, e]) => e.moved === undefined && e.retired === undefined && !ids.has(id)).map(([id]) => id);
if (drafts.length > 0) console.log(`Left out ${drafts.length === 1 ? 'a draft' : `${drafts.length} drafts`} (draft: true), whose claims stay unpublished: ${drafts.join(', ')}`);
console.log(added.length === 0 ? `No new claims; ${registryFile} lists ${next.size}.` : `Published ${added.length} claim${added.length === 1 ? '' : 's'} in ${registryFile}: ${added.join(', ')}`);
const firsts = recorded.filter((r) => r.number === 1);
const revised = recorded.filter((r) => r.number > 1);
if (firsts.length > 0) console.log(`Recorded the wording of ${firsts.length} claim${firsts.length === 1 ? '' : 's'} as revision 1: ${firsts.map((r) => `${r.id} (${r.revision.date})`).join(', ')}`);
for (const r of revised) {
  const what = r.changed?.words && r.changed.sources ? 'words and notes' : r.changed?.words ? 'words' : 'notes';
  console.log(`Recorded revision ${r.number} of ${r.id} (${r.revision.date}, ${what} changed: "${r.revision.reason}"): "${r.revision.text}" ${describeSources(r.revision.sources)}`);
}
if (recorded.length === 0) console.log('No wording changed since it was recorded.');
if (gone.length > 0) {
  console.log(`\nPublished ids no longer in the content (the build fails until each is recorded as moved or retired):\n${gone.map((id) => `  ${id}`).join('\n')}`);
}
