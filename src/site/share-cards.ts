import { cardDrawable, type CardData } from '../formats/claim-card.ts';
import type { DerivedData } from '../markdown/derived.ts';
import { SITE_DESCRIPTION, SITE_NAME } from './identity.ts';

/**
 * What each share picture shows, in one place for the two that ask: the
 * pages (src/site/corpus.ts publishes every card of the site once it knows
 * them all), and the content layer, which knows an essay's or note's cards as
 * soon as it has rendered the file (the share-picture step starts drawing
 * them then, long before the pages; src/integrations/claim-cards/).
 */

export const siteCard = (): CardData => ({ id: 'site', kind: 'site', text: SITE_NAME, from: SITE_DESCRIPTION, siteName: SITE_NAME, sources: 0 });

/** An essay's card: its title, its standfirst, and how many notes it cites. */
export const essayCard = (essay: { id: string; title: string; standfirst: string; sources: number }): CardData =>
  ({ id: essay.id, kind: 'essay', text: essay.title, from: essay.standfirst, siteName: SITE_NAME, sources: essay.sources });

/** A note's card: its title, its summary as plain text, and how many papers it rests on. */
export const noteCard = (note: { id: string; title: string; summary: string; papers: number }): CardData =>
  ({ id: note.id, kind: 'note', text: note.title, from: note.summary, siteName: SITE_NAME, sources: note.papers });

/** A claim's card: its words, the title of the essay or note it is in, and how many notes it cites. */
export const claimCard = (claim: { id: string; text: string; notes: readonly string[] }, home: string): CardData =>
  ({ id: claim.id, text: claim.text, from: home, siteName: SITE_NAME, sources: claim.notes.length });

/**
 * The cards an essay's or note's file alone tells of, as the content layer
 * renders it: the page's own (where its fonts can draw it) and its claims'.
 * A forecast: the pages publish the cards the site has (a draft has none, a
 * claim's id may move), and a card drawn here but not published is only
 * work done early for nothing, never a wrong picture (cards are kept by what
 * they show).
 */
export function renderedEntryCards(folder: 'essays' | 'notes', id: string, data: Record<string, unknown>, derived: DerivedData): CardData[] {
  const title = String(data['title'] ?? '');
  const page = folder === 'notes'
    ? noteCard({ id, title, summary: derived.text, papers: Array.isArray(data['papers']) ? data['papers'].length : 0 })
    : essayCard({ id, title, standfirst: String(data['standfirst'] ?? ''), sources: new Set(derived.citations.map((c) => c.note)).size });
  return [...(cardDrawable(page) ? [page] : []), ...derived.claims.map((claim) => claimCard(claim, title))];
}
