import { getCollection, render, type CollectionEntry } from 'astro:content';
import { citingPlaces, outsideClaimWarnings, sourcesOf, uncitedNotes, type CitingPlace, type DocumentRef, type SourceEntry } from './citation-index.ts';
import { buildContext } from '../catalog/build-context.ts';
import { checkRegistry, type Landing } from '../catalog/claim-registry.ts';
import { isDraft } from '../catalog/drafts.ts';
import { indexClaims, landingIdProblems, type PlacedClaim } from './claims.ts';
import { readDerived, type DerivedData } from '../markdown/derived.ts';
import { formatProblem, throwIfProblems, type Problem } from '../catalog/problems.ts';
import { claimSearchRecords } from '../formats/search-records.ts';
import { SITE_LANGUAGE, SITE_NAME } from './identity.ts';
import { claimCard, essayCard, noteCard, siteCard } from './share-cards.ts';
import { cardDrawable, type CardData } from '../formats/claim-card.ts';
import { urls } from './settings.ts';
import type { SiteUrls } from './urls.ts';
import { revisionViews, type RevisionView } from './claim-history.ts';
import { formatDate } from './dates.ts';

/**
 * Everything the pages show, loaded once per build: each essay and note with
 * its rendered body and what the remark plugins recorded about it, and the
 * cross-links worked out from those records. Checks that need every document
 * at once (a claim id used in two files, a cited note that vanished) run here
 * and fail the build with the author's file and line.
 */

type RenderResult = Awaited<ReturnType<typeof render>>;

interface DocumentView {
  ref: DocumentRef;
  Content: RenderResult['Content'];
  derived: DerivedData;
}

export interface EssayView extends DocumentView {
  entry: CollectionEntry<'essays'>;
  sources: SourceEntry[];
}

export interface NoteView extends DocumentView {
  entry: CollectionEntry<'notes'>;
  /** The summary (the note's body) as plain text. */
  summary: string;
  /** Every place in an essay that cites the note. */
  citedIn: CitingPlace[];
}

/** A claim with what its share page shows. */
export interface ClaimView {
  claim: PlacedClaim;
  /** The essay or note the claim is in. */
  home: EssayView | NoteView;
  /** The notes it cites, with their numbers in its document. */
  sources: { number: number; note: NoteView }[];
  /** The claim in its page: /essays/<slug>/#<id>. */
  inContext: string;
}

export interface Corpus {
  urls: SiteUrls;
  /** Newest first. */
  essays: EssayView[];
  /** In title order. */
  notes: NoteView[];
  note(id: string): NoteView;
  /** Every claim, in document then reading order. */
  claims: ClaimView[];
  claim(id: string): ClaimView | undefined;
  /** What old, published claim ids that are gone turn into: for their pages and share pages. */
  landings: Landing[];
  /** Every recorded revision of every claim id, current, moved or retired (src/site/claim-history.ts). */
  revisions: RevisionView[];
}

/** Static paths for routes with one page per essay (the essay, its evidence map). */
export async function essayPaths(): Promise<{ params: { essay: string }; props: { essay: EssayView } }[]> {
  const corpus = await getCorpus();
  return corpus.essays.map((essay) => ({ params: { essay: essay.entry.id }, props: { essay } }));
}

/** The corpus of the content as it is now: worked out once per build, and in the dev server once per state of the content. */
export function getCorpus(): Promise<Corpus> {
  if (import.meta.env.DEV) return devCorpus();
  return buildContext().memo('corpus', loadCorpus);
}

/**
 * The dev server's last corpus and what it was worked out from: the index's
 * catalog (the claim registry, the drafts) and the stored entries, each by its
 * digest (which covers everything it shows). Astro's store changes under the
 * pages after an edit, and the catalog before it: the corpus is worked out again
 * when either has changed, not for every page (290 ms a page at N = 1,000). In
 * a module variable, not the build context, so that a change to this code,
 * which Vite loads anew, starts afresh.
 */
let lastDevCorpus: { catalog: unknown; entries: string; corpus: Promise<Corpus> } | undefined;

async function devCorpus(): Promise<Corpus> {
  const catalog = buildContext().index.current();
  const [essays, notes] = await Promise.all([getCollection('essays'), getCollection('notes')]);
  const entries = [...essays, ...notes].map((e) => `${e.collection}/${e.id} ${e.digest ?? ''}`).join('\n');
  if (lastDevCorpus?.catalog !== catalog || lastDevCorpus.entries !== entries) {
    lastDevCorpus = { catalog, entries, corpus: loadCorpus() };
  }
  return lastDevCorpus.corpus;
}

async function loadCorpus(): Promise<Corpus> {
  const context = buildContext();
  const { registry, registryFile } = context.index.current();
  const [essayEntries, noteEntries] = await Promise.all([getCollection('essays'), getCollection('notes')]);

  const essays: EssayView[] = await Promise.all(
    essayEntries.map(async (entry) => {
      const { Content, remarkPluginFrontmatter } = await render(entry);
      const derived = readDerived(remarkPluginFrontmatter);
      const ref: DocumentRef = { kind: 'essay', id: entry.id, title: entry.data.title, url: urls.essay(entry.id), file: derived.file };
      return { entry, ref, Content, derived, sources: sourcesOf(derived.citations) };
    }),
  );
  essays.sort((a, b) => b.entry.data.published.getTime() - a.entry.data.published.getTime() || a.entry.id.localeCompare(b.entry.id));

  const notes: NoteView[] = await Promise.all(
    noteEntries.map(async (entry) => {
      const { Content, remarkPluginFrontmatter } = await render(entry);
      const derived = readDerived(remarkPluginFrontmatter);
      const ref: DocumentRef = { kind: 'note', id: entry.id, title: entry.data.title, url: urls.note(entry.id), file: derived.file };
      return { entry, ref, Content, derived, summary: derived.text, citedIn: [] };
    }),
  );
  notes.sort((a, b) => a.entry.data.title.localeCompare(b.entry.data.title, SITE_LANGUAGE) || a.entry.id.localeCompare(b.entry.id));
  const noteById = new Map(notes.map((n) => [n.entry.id, n]));

  const documents = [...essays, ...notes];
  const problems: Problem[] = [];
  for (const { ref, derived } of documents) {
    for (const use of derived.citations) {
      if (!noteById.has(use.note)) {
        problems.push({ location: { file: ref.file, line: use.line, column: use.column }, message: `The citation [@${use.note}] names a note that does not exist.`, hint: 'Restore the note or change the citation.' });
      }
    }
  }
  for (const essay of essays) problems.push(...sectionProblems(essay));

  const citing = documents.map(({ ref, derived }) => ({ doc: ref, citations: derived.citations, claims: derived.claims, paragraphs: derived.paragraphs }));
  const places = citingPlaces(citing);
  for (const note of notes) note.citedIn = (places.get(note.entry.id) ?? []).filter((p) => p.doc.kind === 'essay');

  const { claims, problems: claimProblems } = indexClaims(
    documents.map(({ ref, derived }) => {
      const numbers = new Map(derived.citations.map((c) => [c.note, c.number]));
      return { doc: ref, claims: derived.claims, numberOf: (note: string) => numbers.get(note) ?? 0, sectionOf: (claim: string) => derived.sections[claim] };
    }),
  );
  problems.push(...claimProblems);

  const docs = new Map(documents.map((d) => [`${d.ref.kind}s/${d.ref.id}`, d]));
  const { problems: registryProblems, landings, unpublished, unrecorded } = checkRegistry(
    registry,
    [...claims.values()].map((c) => ({ id: c.id, doc: `${c.doc.kind}s/${c.doc.id}`, file: c.doc.file, line: c.line, column: c.column, text: c.text, sources: c.notes })),
    { registry: registryFile, doc: (doc) => docs.get(doc)?.ref.file },
  );
  problems.push(...registryProblems);
  // A published claim reworded but not yet republished: the dev server shows the new words (and warns), a build stops.
  if (context.devServer) for (const problem of unrecorded) context.warnOnce(formatProblem(problem));
  else problems.push(...unrecorded);
  problems.push(...landingIdProblems(landings, (doc) => {
    const found = docs.get(doc);
    return found && { file: found.ref.file, headings: found.derived.headings };
  }));
  throwIfProblems('The content does not hold together.', problems);
  // A draft's claims are unpublished on purpose (the dev server shows drafts; a build leaves them out).
  const drafts = new Set(essays.filter((e) => isDraft(e.entry.data)).map((e) => `essays/${e.entry.id}`));
  const toPublish = unpublished.filter((c) => !drafts.has(c.doc));
  if (toPublish.length > 0 && registry.size > 0) {
    context.warnOnce(`${toPublish.length} claim${toPublish.length === 1 ? ' is' : 's are'} not in ${registryFile} yet: ${toPublish.map((c) => c.id).join(', ')}. Run "npm run claims:publish" to publish them, so the build guards their links.`);
  }

  const claimViews: ClaimView[] = [...claims.values()].map((claim) => {
    const home = docs.get(`${claim.doc.kind}s/${claim.doc.id}`)!;
    return {
      claim,
      home,
      sources: claim.notes.map((id, i) => ({ number: claim.numbers[i]!, note: noteById.get(id)! })),
      inContext: `${claim.doc.url}#${claim.id}`,
    };
  });
  const claimById = new Map(claimViews.map((c) => [c.claim.id, c]));
  const revisions = revisionViews({
    registry,
    landings,
    current: (id) => claimById.get(id)?.claim,
    note: (slug) => {
      const note = noteById.get(slug);
      return note && { title: note.entry.data.title, url: note.ref.url };
    },
    urls,
  });
  // The build steps after the pages draw each claim's share picture and index it for search.
  context.publishClaims({
    cards: [
      ...claimViews.map(({ claim, home }) => ({
        card: claimCard(claim, home.ref.title),
        path: `c/${claim.id}/card.png`,
      })),
      ...revisionCards(revisions, (doc) => docs.get(doc)?.ref.title),
      ...pageCards({ essays, notes }),
    ],
    searchRecords: claimSearchRecords({
      notes: notes.map((n) => ({ id: n.entry.id, themes: n.entry.data.themes })),
      claims: claimViews.map((view) => view.claim),
      language: SITE_LANGUAGE,
    }),
  });

  for (const document of citing.filter((d) => d.doc.kind === 'essay')) {
    for (const warning of outsideClaimWarnings(document)) context.warnOnce(warning);
  }
  for (const id of uncitedNotes(notes.map((n) => n.entry.id), places)) context.warnOnce(`Note "${id}" (${noteById.get(id)!.ref.file}) is not cited by any essay.`);

  return {
    urls,
    essays,
    notes,
    note: (id) => {
      const note = noteById.get(id);
      if (!note) throw new Error(`No note "${id}".`);
      return note;
    },
    claims: claimViews,
    claim: (id) => claimById.get(id),
    landings,
    revisions,
  };
}

/** When an essay lists its sections, the body's "##" headings must match the list. */
function sectionProblems(essay: EssayView): Problem[] {
  const listed = essay.entry.data.sections;
  if (!listed) return [];
  const headings = essay.derived.headings.filter((h) => h.depth === 2);
  const found = headings.map((h) => h.text);
  if (listed.length === found.length && listed.every((s, i) => s === found[i])) return [];
  // At the first heading that differs from the list, where there is one.
  const differs = headings.find((h, i) => h.text !== listed[i]);
  return [{
    location: { file: essay.ref.file, line: differs?.line, column: differs?.column },
    message: `The front matter lists the sections ${JSON.stringify(listed)}, but the body's "##" headings are ${JSON.stringify(found)}.`,
    hint: 'Make the two agree: links to a section break when it is renamed, so change the list only on purpose.',
  }];
}

const essayViewCard = (e: EssayView): CardData => essayCard({ id: e.entry.id, title: e.entry.data.title, standfirst: e.entry.data.standfirst, sources: e.sources.length });
const noteViewCard = (n: NoteView): CardData => noteCard({ id: n.entry.id, title: n.entry.data.title, summary: n.summary, papers: n.entry.data.papers.length });

/**
 * The share pictures of the site, its essays and its notes, and where each goes in the built site (a path
 * without the base). An essay or note whose text the card's fonts cannot draw (another script) has none.
 */
function pageCards({ essays, notes }: { essays: readonly EssayView[]; notes: readonly NoteView[] }): { card: CardData; path: string }[] {
  const cards: { card: CardData; path: string }[] = [
    { card: siteCard(), path: 'card.png' },
    ...essays.map((e) => ({ card: essayViewCard(e), path: `essays/${e.entry.id}/card.png` })),
    ...notes.map((n) => ({ card: noteViewCard(n), path: `notes/${n.entry.id}/card.png` })),
  ];
  return cards.filter(({ card }) => cardDrawable(card));
}

/**
 * The share picture of each revision page (c/<id>/<n>/card.png): its words,
 * with the date under an earlier one. The latest revision's card draws what
 * the claim's own does, so it is drawn once (the cache is keyed by content).
 */
function revisionCards(revisions: readonly RevisionView[], titleOf: (doc: string) => string | undefined): { card: CardData; path: string }[] {
  return revisions.map((r) => {
    const title = titleOf(r.doc) ?? SITE_NAME;
    const card: CardData = { id: `${r.id}/${r.n}`, text: r.revision.text, from: r.latest ? title : `${title} · as of ${formatDate(new Date(r.revision.date))}`, siteName: SITE_NAME, sources: r.revision.sources.length };
    return { card, path: `c/${r.id}/${r.n}/card.png` };
  });
}

/** The share picture of an essay's or note's page (a URL path), or undefined where its text cannot be drawn: the page then shows the site's. */
export function shareImage(view: EssayView | NoteView): string | undefined {
  if (view.ref.kind === 'essay') return cardDrawable(essayViewCard(view as EssayView)) ? urls.essayImage(view.entry.id) : undefined;
  return cardDrawable(noteViewCard(view as NoteView)) ? urls.noteImage(view.entry.id) : undefined;
}
