import { HIGHLIGHT_PARAM } from '../../site/search-options.ts';
import { SEARCH_FILTERS } from '../../formats/search-records.ts';
import type { FilterCounts, PagefindFilters, ResultData } from './search-ui.ts';

/**
 * Pagefind's search API (pagefind.js in the built site's /pagefind/ folder),
 * loaded on the first search and set up once with the highlight parameter
 * that result URLs carry to the page they open. Ranking is Pagefind's default:
 * see docs/search.md for why no tuning is needed. The
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
  /** Fetches what a search for `term` with `filters` needs, without searching. */
  preload(term: string | null, options?: { filters?: PagefindFilters }): Promise<void>;
  /** Every filter value with its count, after loading every filter. */
  filters(): Promise<FilterCounts>;
  /** A second, independent search index over the same bundle. */
  createInstance(options: Record<string, unknown>): Pick<PagefindApi, 'filters'> & { destroy(): Promise<void> };
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
    // Fetches what the first search needs while the reader types the first word, and of the filters only the
    // kinds: a search counts its results for every filter it has loaded, and counting themes and essays too
    // made each search two to three times slower at 5,000 notes (docs/search.md). The header's chips are
    // kinds; themes and essays narrow results on the search page.
    const kindsOnly = { filters: { [SEARCH_FILTERS.kind]: { any: [] } } };
    await pagefind.preload(null, kindsOnly);
    // A search with no words, whose results are dropped: Pagefind's first search in a page is its slowest
    // (its WebAssembly runs for the first time), and this one needs no file the preload did not fetch. At
    // 5,000 notes it takes about 80 ms, while the reader is still typing, and about 30 ms off the first
    // results (docs/search.md).
    await pagefind.search(null, kindsOnly);
    return pagefind;
  })();
  return loading;
}

let filterValues: Promise<FilterCounts> | undefined;

/**
 * Every filter value with how many records have it (the themes offered when
 * nothing matched), read by an instance of its own and then let go, so that
 * the searching instance goes on counting kinds only.
 */
export function allFilterValues(api: PagefindApi): Promise<FilterCounts> {
  filterValues ??= (async () => {
    const instance = api.createInstance({ ...PAGEFIND_OPTIONS });
    try {
      return await instance.filters();
    } catch (error) {
      filterValues = undefined;
      throw error;
    } finally {
      void instance.destroy();
    }
  })();
  return filterValues;
}
