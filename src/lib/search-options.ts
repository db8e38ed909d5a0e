/**
 * Search settings the browser code and the ranking script share, so that the
 * ranking measured in the README is the ranking readers get.
 */

/**
 * Pagefind ranking. Records run from one-sentence claims to a 700-word essay;
 * pageLength 1.0 (default 0.75) lets a short record that matches, which is the
 * more specific answer, come before a long one that matches as well. Page
 * titles count once, through Pagefind's title boost, as a claim's does: the
 * essay and note <h1> carry data-pagefind-weight="1" instead of the default 7.
 * Measured with `npm run search-ranking` (README, "Search").
 */
export const SEARCH_RANKING = { pageLength: 1.0 } as const;

/** The query parameter that carries the searched words to the page a result opens, for pagefind-highlight.js. */
export const HIGHLIGHT_PARAM = 'highlight';

/** How many results the header's list shows; the search page shows them all. */
export const HEADER_RESULT_LIMIT = 8;
