import type { PlacedClaim } from '../site/claims.ts';
import { siteUrls } from '../site/urls.ts';
import { SITE_LANGUAGE } from '../site/identity.ts';

/**
 * What the search index holds besides the pages themselves: one record per
 * claim, so that a claim is found on its own and its hit lands on the claim,
 * not at the top of its essay. Pages (essays and notes) are indexed from their
 * built HTML; claims are custom records built here from the corpus and added
 * through Pagefind's Node API (src/integrations/pagefind.ts), which is the
 * route that ranked claims best (docs/search.md).
 *
 * Record URLs are paths from the site root, without the base path: Pagefind's
 * browser code puts its own base URL (where /pagefind/ is served) in front of
 * every result URL, custom records included.
 */

/** The kinds of search record, as stored in the `kind` meta and filter. */
export const SEARCH_KINDS = ['essay', 'note', 'claim'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Filter names, shared by the pages' data-pagefind-filter attributes, the records and the UI. */
export const SEARCH_FILTERS = { kind: 'kind', theme: 'theme', essay: 'essay' } as const;

export interface ClaimSearchRecord {
  /** Path of the claim's permalink from the site root: `/essays/<essay>/#<claim-id>`. */
  url: string;
  /** The claim's text, without citation markers. */
  content: string;
  language: string;
  meta: {
    /** The claim's text again: what a result shows as its title (see claimTitle). */
    title: string;
    kind: 'claim';
    /** The claim id. */
    claim: string;
    /** Title of the essay (or note) the claim is in. */
    place: string;
    /** "essay" or "note": the kind of page the claim is in. */
    placeKind: 'essay' | 'note';
  };
  filters: Record<string, string[]>;
}

/** The corpus as search sees it: what each note is about, and every claim with its place. */
export interface SearchCorpus {
  notes: readonly { id: string; themes: readonly string[] }[];
  claims: Iterable<PlacedClaim>;
  language: string;
}

/**
 * One record per claim. Its themes are those of the notes it cites (and, for a
 * claim written in a note, that note's own), so the theme filter finds the
 * claims that rest on a theme's notes; its essay filter is its essay's title.
 */
export function claimSearchRecords(corpus: SearchCorpus): ClaimSearchRecord[] {
  const urls = siteUrls('/');
  const themesOf = new Map(corpus.notes.map((n) => [n.id, n.themes]));
  const records: ClaimSearchRecord[] = [];
  for (const claim of corpus.claims) {
    const page = claim.doc.kind === 'essay' ? urls.essay(claim.doc.id) : urls.note(claim.doc.id);
    const noteIds = claim.doc.kind === 'note' ? [claim.doc.id, ...claim.notes] : claim.notes;
    const themes = uniqueSorted(noteIds.flatMap((id) => themesOf.get(id) ?? []));
    const filters: Record<string, string[]> = { [SEARCH_FILTERS.kind]: ['claim'] };
    if (themes.length > 0) filters[SEARCH_FILTERS.theme] = themes;
    if (claim.doc.kind === 'essay') filters[SEARCH_FILTERS.essay] = [claim.doc.title];
    records.push({
      url: `${page}#${claim.id}`,
      content: claim.text,
      language: corpus.language,
      meta: { title: claimTitle(claim.text), kind: 'claim', claim: claim.id, place: claim.doc.title, placeKind: claim.doc.kind },
      filters,
    });
  }
  return records;
}

/**
 * A claim's title is its own text, shortened at a word boundary. Pagefind
 * boosts title matches fivefold, so a claim whose words match the query
 * competes with the note titles on equal terms; the essay's title would have
 * made every claim of an essay match every query about the essay.
 */
export function claimTitle(text: string, maxLength = 160): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= maxLength) return clean;
  const cut = clean.slice(0, maxLength - 1);
  const atWord = cut.slice(0, Math.max(cut.lastIndexOf(' '), Math.floor(maxLength / 2))).replace(/[\s,;:—–-]+$/, '');
  return `${atWord}…`;
}

function uniqueSorted(values: readonly string[]): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b, SITE_LANGUAGE));
}
