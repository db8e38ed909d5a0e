/**
 * Every URL the site makes, in one place, so that a deploy under a sub-path
 * (BASE_PATH) changes all of them at once. Paths end in "/": pages are built as
 * folders with an index.html.
 */
export interface SiteUrls {
  home: string;
  essay(id: string): string;
  note(id: string): string;
  notes: string;
  search: string;
  claims: string;
  /** The claim's share page. */
  claim(id: string): string;
  /** The claim's share picture. */
  claimImage(id: string): string;
  /** The share picture of an essay, a note, or the site (src/integrations/claim-cards/). */
  essayImage(id: string): string;
  noteImage(id: string): string;
  homeImage: string;
  /** The map of an essay's claims and the notes they rest on. */
  evidence(essayId: string): string;
  /** The RSS feed of essays and notes. */
  feed: string;
  /** The sitemap index that @astrojs/sitemap writes. */
  sitemap: string;
  /** A path under the site's base, for assets. */
  asset(path: string): string;
}

export function siteUrls(base: string): SiteUrls {
  const at = (path: string) => `${base}${path.replace(/^\/+/, '')}`;
  return {
    home: base,
    essay: (id) => at(`essays/${id}/`),
    note: (id) => at(`notes/${id}/`),
    notes: at('notes/'),
    search: at('search/'),
    claims: at('c/'),
    claim: (id) => at(`c/${id}/`),
    claimImage: (id) => at(`c/${id}/card.png`),
    essayImage: (id) => at(`essays/${id}/card.png`),
    noteImage: (id) => at(`notes/${id}/card.png`),
    homeImage: at('card.png'),
    evidence: (id) => at(`essays/${id}/evidence/`),
    feed: at('feed.xml'),
    sitemap: at('sitemap-index.xml'),
    asset: at,
  };
}

/** An absolute URL for canonical links and share metadata. */
export function absoluteUrl(site: string, path: string): string {
  return new URL(path, `${site}/`).href;
}
