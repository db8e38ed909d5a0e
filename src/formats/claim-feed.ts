import type { DocumentRef } from '../site/citation-index.ts';
import { absoluteUrl, type SiteUrls } from '../site/urls.ts';

/**
 * The claims as data (/c/claims.json): enough to cite, link and draw each one.
 * Every URL is absolute, `card` (the share picture) too.
 */
export interface ClaimFeedItem {
  id: string;
  text: string;
  /** The permanent link: the share page. */
  url: string;
  /** The claim in its essay or note. */
  context: string;
  /** The share picture (PNG, 1200x630). */
  card: string;
  document: { kind: DocumentRef['kind']; id: string; title: string; url: string };
  sources: { number: number; id: string; title: string; url: string }[];
}

interface ClaimLike {
  claim: { id: string; text: string };
  home: { ref: DocumentRef };
  sources: { number: number; note: { ref: DocumentRef } }[];
  inContext: string;
}

export function claimFeed(corpus: { urls: SiteUrls; claims: readonly ClaimLike[] }, site: string): { claims: ClaimFeedItem[] } {
  const origin = site.replace(/\/$/, '');
  return {
    claims: corpus.claims.map(({ claim, home, sources, inContext }) => ({
      id: claim.id,
      text: claim.text,
      url: absoluteUrl(origin, corpus.urls.claim(claim.id)),
      context: absoluteUrl(origin, inContext),
      card: absoluteUrl(origin, corpus.urls.claimImage(claim.id)),
      document: { kind: home.ref.kind, id: home.ref.id, title: home.ref.title, url: absoluteUrl(origin, home.ref.url) },
      sources: sources.map(({ number, note }) => ({ number, id: note.ref.id, title: note.ref.title, url: absoluteUrl(origin, note.ref.url) })),
    })),
  };
}
