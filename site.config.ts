import type { SiteConfig } from './src/catalog/site-config.ts';

/**
 * The site's address and identity: the one file to edit before publishing
 * (docs/publishing.md). The build reads it through src/catalog/settings.ts;
 * the pages through src/site/identity.ts.
 */
export default {
  /**
   * The address of the home page once deployed, such as
   * "https://explainers.example.org/" or, under a sub-path,
   * "https://you.github.io/explainers/". Every canonical link, citation,
   * feed entry and preview image is made from it. `npm run build` stops
   * while it is empty or a loopback address; the SITE_URL and BASE_PATH
   * variables override it for one build (the GitHub Pages workflow sets
   * them); `npm run serve` and `npm run dev` build for this machine
   * (LOCAL_URL) and need none of it.
   */
  url: '',
  /** The site's name: page titles, the feed, the publisher in every citation. */
  name: 'Research Explainers',
  /** One sentence: the home page, the feed, the home page's preview. */
  description: 'Short essays that answer research questions from notes on the papers behind them.',
  /** The language of the pages (`<html lang>`, og:locale, citations, the search index), as a BCP 47 tag. */
  language: 'en',
  /**
   * Who wrote the site: the authors of every essay that names none in its
   * front matter (`authors:`), and of its notes and claims. A person is
   * `{ name: 'Ada Lovelace', orcid: '0000-0002-1825-0097' }` (ORCID optional);
   * a team that signs as one is `{ name: '…', organization: true }`. Google
   * Scholar indexes people's names: put yours here.
   */
  authors: [{ name: 'Research Explainers editors', organization: true }],
  /** Who edits the site, if not (only) its authors: named as editors in the citations' data. Optional. */
  editors: [],
} satisfies SiteConfig;
