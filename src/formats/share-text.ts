import { truncate } from './claim-card.ts';

/**
 * The words a shared page shows beside its picture, where the page's own text
 * would not do: a claim's text is its og:title (whole), so its <title> is cut
 * short and its description says where it stands and what it rests on.
 */

/** The longest <title> text before the site's name: what a tab or a search result shows whole. */
export const SHORT_TITLE_CHARS = 60;

/** "Claim: RL touches few parameters…": the claim's text, cut at a word to fit a tab. */
export function claimHeadTitle(text: string): string {
  return `Claim: ${truncate(text, SHORT_TITLE_CHARS - 'Claim: '.length)}`;
}

/**
 * A claim's description: its place among its document's claims (which makes
 * every claim's its own), its section when it has one, and the notes it rests on.
 */
export function claimDescription(claim: { kind: 'essay' | 'note'; documentTitle: string; position: number; of: number; section?: string | undefined; sources: readonly string[] }): string {
  const where = `Claim ${claim.position} of ${claim.of} in the ${claim.kind} “${claim.documentTitle}”${claim.section ? `, section “${claim.section}”` : ''}`;
  if (claim.sources.length === 0) return `${where}.`;
  return `${where}, resting on ${claim.sources.length === 1 ? 'the note' : `${claim.sources.length} notes`}: ${claim.sources.join('; ')}.`;
}
