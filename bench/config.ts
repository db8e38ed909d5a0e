import { join } from 'node:path';

/** Where the bench keeps things, and the few settings that tie it to each site's interface. */

export const PROJECT = join(import.meta.dirname, '..');
export const BENCH = join(PROJECT, 'bench');
/** Generated corpora and builds; git-ignored. */
export const WORK = join(BENCH, 'work');
export const RESULTS = join(BENCH, 'results');
export const PEER = join(BENCH, 'peers', 'starlight');
/** The bench's own README, whose results section each saved run rewrites (the project's README only links to it). */
export const BENCH_README = join(PROJECT, 'bench', 'README.md');

/** Corpus sizes run by default. 13 is the real content (12 notes and the essay). */
export const DEFAULT_SIZES = [13, 1000, 5000];
export const REAL_SIZE = 13;
/** Build runs per site and case, alternating ours and Starlight. */
export const BUILD_RUNS = 3;

/**
 * How the bench drives each site's search. `open` is clicked when the input
 * is not visible at first (a button or dialog); `input` is the field typed
 * into; `result` matches one drawn result (not a loading placeholder).
 * Selector lists separated by commas match whichever the interface uses.
 */
export interface SearchUi {
  open?: string;
  /** A key pressed to open search when `open` matches nothing, such as "/". */
  openKey?: string;
  input: string;
  result: string;
  /**
   * Optional, more exact: a selector that matches once the results for the
   * whole query are drawn, with {query} standing for the words typed (so
   * results still showing for the first letters do not count).
   */
  drawnWhen?: string;
}

export const SEARCH_UI: Record<'ours' | 'starlight', SearchUi> = {
  // The header combobox (src/components/SearchBox.astro): its DOM contract for
  // the bench is a result as `#site-search-listbox > [role="option"]`, and the
  // form's data-search-state "results" with data-search-query set once drawn.
  ours: {
    open: '[data-search-open]',
    openKey: '/',
    input: '#site-search-input, header input[type="search"]',
    result: '#site-search-listbox > [role="option"]',
    drawnWhen: '[data-header-search][data-search-state="results"][data-search-query="{query}"]',
  },
  // Starlight's search button opens a dialog holding Pagefind's Default UI.
  starlight: {
    open: 'button[data-open-modal]',
    input: '#starlight__search input',
    result: '#starlight__search .pagefind-ui__result-link',
  },
};

/** Pages each site is measured on, as paths under its base, given the corpus's essay and note. */
export const pagePaths = {
  essay: (slug: string) => `essays/${slug}/`,
  note: (slug: string) => `notes/${slug}/`,
  /** Our full search page; Starlight has none (its search is a dialog on every page). */
  search: 'search/',
};
