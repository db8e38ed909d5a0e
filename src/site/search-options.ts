/** Search settings the header's list, the search page and the highlighter share. */

/** The query parameter that carries the searched words to the page a result opens, for pagefind-highlight.js. */
export const HIGHLIGHT_PARAM = 'highlight';

/** How many results the header's list shows; the search page shows them all. */
export const HEADER_RESULT_LIMIT = 8;
