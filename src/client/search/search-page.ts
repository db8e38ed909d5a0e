import { getInstanceManager } from '@pagefind/component-ui';
import type { PagefindResults } from '@pagefind/component-ui';
import { PAGEFIND_OPTIONS } from './pagefind.ts';
import {
  closestThemes,
  EMPTY_SEARCH,
  filterChips,
  hasFilters,
  isActive,
  pagefindFilters,
  pressChip,
  readSearchState,
  resultView,
  searchPageUrl,
  type FilterChip,
  type FilterCounts,
  type ResultData,
  type SearchState,
} from './search-ui.ts';
import { drawChips, drawNoResults, resultItem } from './render.ts';

/**
 * The search page. Pagefind's Component UI draws the results
 * (<pagefind-results>, which loads each result's data as it scrolls into
 * view, keyboard navigation included) and the count (<pagefind-summary>, with
 * its screen-reader announcements); the page's own parts are the field (the
 * form's input, so the page still submits without JavaScript), the filter
 * chips, the result template (kind label, claim with its place), the
 * "nothing found" suggestions, and keeping the URL in step with the search so
 * it can be shared.
 */

const form = document.querySelector<HTMLFormElement>('form[data-search-page]');
const app = document.querySelector<HTMLElement>('[data-search-app]');
if (form && app) start(form, app);

function start(form: HTMLFormElement, app: HTMLElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const chips = app.querySelector<HTMLElement>('[data-search-chips]')!;
  const empty = app.querySelector<HTMLElement>('[data-search-empty]')!;
  const results = app.querySelector<PagefindResults>('pagefind-results')!;
  const summary = app.querySelector<HTMLElement>('pagefind-summary')!;
  const searchPath = form.getAttribute('action') ?? '/search/';
  const notesUrl = form.dataset['notes'] ?? '/notes/';
  const allThemes = JSON.parse(form.dataset['themes'] ?? '{}') as Record<string, number>;

  // <pagefind-config> in the page gave the bundle path and highlight parameter; these are the options every search uses.
  const instance = getInstanceManager().getInstance('default');
  Object.assign(instance.pagefindOptions, PAGEFIND_OPTIONS);
  results.resultTemplate = (data) => resultItem(resultView(data as ResultData));

  let state: SearchState = readSearchState(new URLSearchParams(window.location.search));
  // Words typed while this code was loading are the reader's newest.
  if (input.value.trim()) state = { ...state, query: input.value.trim() };
  else input.value = state.query;
  app.hidden = false;

  const run = () => {
    history.replaceState(null, '', searchPageUrl(searchPath, state));
    document.title = document.title.replace(/^(Search: .*? · |Search · )/, state.query ? `Search: ${state.query} · ` : 'Search · ');
    if (!isActive(state)) {
      instance.faceted = false;
      chips.hidden = true;
      empty.hidden = true;
      instance.triggerSearchWithFilters('', {});
      return;
    }
    // With filters and no words, list everything the filters allow.
    instance.faceted = state.query === '';
    instance.triggerSearchWithFilters(state.query, pagefindFilters(state) as unknown as Record<string, string[]>);
  };

  const pressed = (chip: FilterChip) => {
    state = pressChip(state, chip);
    run();
  };

  instance.on('results', (...args: unknown[]) => {
    const found = args[0] as { results: unknown[]; filters?: FilterCounts; totalFilters?: FilterCounts; unfilteredResultCount?: number; unfilteredTotalCount?: number };
    if (!isActive(state)) return;
    const count = found.results.length;
    drawChips(chips, filterChips({ count, unfilteredCount: found.unfilteredResultCount ?? found.unfilteredTotalCount ?? count, filtered: found.filters ?? {}, unfiltered: found.totalFilters ?? {} }, state), pressed);
    if (count === 0 && !hasFilters(state)) chips.hidden = true;
    if (count === 0) {
      const themes = closestThemes(state.query, allThemes).map((theme) => ({ theme, url: searchPageUrl(searchPath, { ...EMPTY_SEARCH, themes: [theme] }) }));
      drawNoResults(empty, state.query, themes, notesUrl);
    }
    empty.hidden = count !== 0;
    // The suggestions say "No results" already.
    summary.hidden = count === 0;
    app.dataset['searchQuery'] = state.query;
    app.dataset['searchState'] = count === 0 ? 'empty' : 'results';
  });

  instance.on('error', () => {
    app.dataset['searchState'] = 'error';
  });

  let typing: number | undefined;
  input.addEventListener('input', () => {
    window.clearTimeout(typing);
    typing = window.setTimeout(() => {
      state = { ...state, query: input.value.trim() };
      run();
    }, 150);
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.clearTimeout(typing);
    state = { ...state, query: input.value.trim() };
    run();
  });

  // Down from the field moves into the results, as from Pagefind's own input.
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && instance.focusNextResults(input)) event.preventDefault();
  });

  if (isActive(state)) run();
}
