import { HIGHLIGHT_PARAM } from '../../lib/search-options.ts';
import type { FilterCounts, PagefindFilters, ResultData } from '../../lib/search-ui.ts';

/**
 * Pagefind's search API (pagefind.js in the built site's /pagefind/ folder),
 * loaded on the first search and set up once with the highlight parameter
 * that result URLs carry to the page they open. Ranking is Pagefind's default:
 * see the README ("Search") for why no tuning is needed. The
 * bundle is not part of the Vite build (Pagefind writes it after Astro), so it
 * is imported from its URL at run time.
 */

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<ResultData>;
}

export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  /** Null when a newer search superseded this one (debouncedSearch only). */
  search(term: string | null, options?: { filters?: PagefindFilters }): Promise<PagefindSearch | null>;
  filters(): Promise<FilterCounts>;
}

/** Options every search on the site uses, also given to the Component UI on the search page. */
export const PAGEFIND_OPTIONS = { highlightParam: HIGHLIGHT_PARAM } as const;

let loading: Promise<PagefindApi> | undefined;

/** Pagefind from `bundle` (the /pagefind/ folder's URL, with the site's base path), ready to search. */
export function loadPagefind(bundle: string): Promise<PagefindApi> {
  loading ??= (async () => {
    const url = `${bundle}pagefind.js`;
    let pagefind: PagefindApi;
    try {
      pagefind = (await import(/* @vite-ignore */ url)) as PagefindApi;
    } catch (error) {
      loading = undefined;
      throw new Error(`Search could not load ${url}: is the site built with its search index (npm run build)?`, { cause: error });
    }
    await pagefind.options({ ...PAGEFIND_OPTIONS });
    // Loads the filter index too (searches report filter counts only once it is in), and with it the rest of what
    // the first search needs, while the reader types the first word.
    await pagefind.filters();
    return pagefind;
  })();
  return loading;
}
