import { HEADER_RESULT_LIMIT } from '../../site/search-options.ts';
import {
  closestThemes,
  EMPTY_SEARCH,
  filterChips,
  hasFilters,
  pagefindFilters,
  pressChip,
  resultAnnouncement,
  resultCountText,
  resultView,
  searchPageUrl,
  wordsToPreload,
  type FilterChip,
  type FilterCounts,
  type SearchState,
} from './search-ui.ts';
import { SEARCH_FILTERS } from '../../formats/search-records.ts';
import { allFilterValues, loadPagefind, type PagefindApi, type PagefindSearch } from './pagefind.ts';
import { drawChips, drawNoResults, resultOption } from './render.ts';

/**
 * Words shorter than this are searched only once typing pauses. One or two letters match most of
 * the index, so such a search is the slowest there is (120-350 ms at 5,000 notes, against 10-150 ms
 * for a whole word, in Chromium on the bench's corpus), and while words are being typed its
 * results are never the ones wanted. Short words such as "RL" or "KL" are still searched, a
 * moment after the last key.
 */
const SEARCH_AT_ONCE_FROM = 3;
const SHORT_WORDS_PAUSE_MS = 150;

/**
 * Keys less than this apart are one burst (rolled keys, a held key, a test driver): no one reads
 * results between them, and a search started mid-burst is still running when the last key comes,
 * so the words wanted wait for it (50-100 ms at 5,000 notes). A burst's words are searched once
 * it has ended; meanwhile each key fetches the index its words will need. At a human typing pace
 * keys are 100 ms or more apart and each is searched at once.
 */
const BURST_MS = 30;

/** The header narrows by kind only; the search page also by theme and essay (see loadPagefind for why). */
const HEADER_FACETS = ['kind'] as const;

/**
 * The header's search field as an ARIA combobox (the APG "list autocomplete"
 * pattern): results appear in a listbox as the reader types; Up and Down move
 * the active option (aria-activedescendant, focus stays in the field), Enter
 * opens it (or, with no active option, the search page for the words), Escape
 * closes the list and then clears the field. Filter chips, the count, and "See
 * all results" sit in the same popup, reachable with Tab; the popup closes
 * when focus leaves the form. The form stays a plain GET form to /search/
 * underneath, which is what works without JavaScript.
 *
 * Loaded by bootstrap.ts on the reader's first focus, keystroke or shortcut.
 * The DOM contract the benchmark relies on (docs/search.md): each drawn
 * result is `#site-search-listbox > [role="option"]`, and the form's
 * data-search-state becomes "results" (or "empty") with data-search-query set
 * to the words once they are drawn.
 */

interface Parts {
  input: HTMLInputElement;
  popup: HTMLElement;
  listbox: HTMLElement;
  chips: HTMLElement;
  summary: HTMLElement;
  status: HTMLElement;
  empty: HTMLElement;
  more: HTMLAnchorElement;
}

export function enhanceHeaderSearch(form: HTMLFormElement): void {
  if (form.dataset['enhanced']) return;
  form.dataset['enhanced'] = 'true';
  const parts = findParts(form);
  const { input, popup, listbox, chips, summary, status, empty, more } = parts;
  const searchPath = form.getAttribute('action') ?? '/search/';
  const notesUrl = form.dataset['notes'] ?? '/notes/';
  const pagefind = loadPagefind(form.dataset['bundle'] ?? '/pagefind/');
  pagefind.catch((error: unknown) => fail(error));

  let state: SearchState = { ...EMPTY_SEARCH, query: input.value.trim() };
  let options: HTMLAnchorElement[] = [];
  let active = -1;
  // Bumped by every change of the words or filters: a search whose words are no longer
  // the newest stops before it fetches its results' excerpts or draws them.
  let wanted = 0;

  const setState = (name: 'idle' | 'loading' | 'results' | 'empty' | 'error') => {
    form.dataset['searchState'] = name;
  };

  const open = () => {
    popup.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };

  const close = () => {
    popup.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    activate(-1);
  };

  const activate = (index: number) => {
    options[active]?.setAttribute('aria-selected', 'false');
    active = index;
    const option = options[active];
    if (option) {
      option.setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };

  // Typing fires a search per keystroke (per burst, see BURST_MS), and Pagefind answers them one after another: a search
  // that starts while another is under way waits, and only the newest words are searched then.
  let searching = false;
  let waiting = false;
  const run = async () => {
    wanted += 1;
    if (searching) {
      waiting = true;
      return;
    }
    searching = true;
    try {
      await searchOnce();
    } finally {
      searching = false;
    }
    if (waiting) {
      waiting = false;
      void run();
    }
  };

  const searchOnce = async () => {
    const id = wanted;
    if (state.query === '') {
      close();
      setState('idle');
      status.textContent = '';
      return;
    }
    setState('loading');
    let api: PagefindApi;
    try {
      api = await pagefind;
    } catch {
      return;
    }
    const found = await api.search(state.query, { filters: pagefindFilters(state) });
    if (id !== wanted || !found) return;
    const shown = await Promise.all(found.results.slice(0, HEADER_RESULT_LIMIT).map((r) => r.data()));
    if (id !== wanted) return;
    await draw(api, found, shown.map(resultView));
  };

  const draw = async (api: PagefindApi, found: PagefindSearch, views: ReturnType<typeof resultView>[]) => {
    const total = found.results.length;
    options = views.map((view, i) => resultOption(view, `site-search-option-${i}`));
    active = -1;
    input.removeAttribute('aria-activedescendant');
    listbox.replaceChildren(...options);
    listbox.hidden = total === 0;
    drawChips(chips, filterChips({ count: total, unfilteredCount: found.unfilteredResultCount, filtered: found.filters, unfiltered: found.totalFilters }, state, { facets: HEADER_FACETS }), pressed);
    // Nothing to narrow: chips come back only to undo a filter that left nothing.
    if (total === 0 && !hasFilters(state)) chips.hidden = true;
    summary.textContent = total > HEADER_RESULT_LIMIT ? `${HEADER_RESULT_LIMIT} of ${total} results` : resultCountText(total);
    more.href = searchPageUrl(searchPath, state);
    more.textContent = total > HEADER_RESULT_LIMIT ? `See all ${total} results` : 'Open on the search page';
    if (total === 0) {
      // Without the filter values the notes index is still offered.
      const all = await allFilterValues(api).catch((error: unknown): FilterCounts => {
        console.error(error);
        return {};
      });
      const themes = closestThemes(state.query, all[SEARCH_FILTERS.theme] ?? {}).map((theme) => ({ theme, url: searchPageUrl(searchPath, { ...EMPTY_SEARCH, themes: [theme] }) }));
      drawNoResults(empty, state.query, themes, notesUrl);
    }
    empty.hidden = total !== 0;
    status.textContent = resultAnnouncement(total, state.query);
    form.dataset['searchQuery'] = state.query;
    setState(total === 0 ? 'empty' : 'results');
    open();
  };

  const pressed = (chip: FilterChip) => {
    state = pressChip(state, chip);
    void run();
  };

  const fail = (error: unknown) => {
    console.error(error);
    setState('error');
    listbox.replaceChildren();
    chips.hidden = true;
    summary.textContent = '';
    empty.replaceChildren(Object.assign(document.createElement('p'), { className: 'search-empty-message', textContent: 'Search could not load. Try the search page, or browse the notes.' }));
    empty.hidden = false;
    status.textContent = 'Search could not load.';
    if (input.value.trim()) open();
  };

  let later: number | undefined;
  let lastInput = -Infinity;
  input.addEventListener('input', (event) => {
    state = { ...state, query: input.value.trim() };
    const inBurst = event.timeStamp - lastInput < BURST_MS;
    lastInput = event.timeStamp;
    window.clearTimeout(later);
    if (state.query.length > 0 && state.query.length < SEARCH_AT_ONCE_FROM) {
      // A search under way is for words no longer wanted.
      wanted += 1;
      later = window.setTimeout(() => void run(), SHORT_WORDS_PAUSE_MS);
      return;
    }
    if (inBurst) {
      wanted += 1;
      const words = wordsToPreload(state.query, SEARCH_AT_ONCE_FROM);
      const filters = pagefindFilters(state);
      // A failed fetch shows when the search runs.
      if (words) pagefind.then((api) => api.preload(words, { filters })).catch(() => undefined);
      later = window.setTimeout(() => void run(), BURST_MS);
      return;
    }
    void run();
  });

  input.addEventListener('keydown', (event) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (popup.hidden) {
          if (state.query) {
            open();
            if (options.length === 0) void run();
          }
          return;
        }
        if (options.length > 0) activate(active + 1 >= options.length ? 0 : active + 1);
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (!popup.hidden && options.length > 0) activate(active <= 0 ? (active === 0 ? -1 : options.length - 1) : active - 1);
        return;
      case 'Enter': {
        const option = options[active];
        if (!popup.hidden && option) {
          event.preventDefault();
          window.location.assign(option.href);
        }
        // Otherwise the form submits: see the submit listener.
        return;
      }
      case 'Escape':
        if (!popup.hidden) {
          event.preventDefault();
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = '';
          state = { ...EMPTY_SEARCH };
          void run();
        }
        return;
    }
  });

  // Enter with no active option: the search page for the words and the chosen filters.
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.location.assign(searchPageUrl(searchPath, { ...state, query: input.value.trim() }));
  });

  input.addEventListener('focus', () => {
    if (state.query && (options.length > 0 || form.dataset['searchState'] === 'empty')) open();
  });

  // Close once focus has settled outside the form. Checked a moment later: redrawing the chips removes the
  // focused one (a focusout to nowhere) and then focuses its replacement.
  form.addEventListener('focusout', () => {
    window.setTimeout(() => {
      if (!form.contains(document.activeElement)) close();
    }, 0);
  });

  document.addEventListener('pointerdown', (event) => {
    if (!popup.hidden && event.target instanceof Node && !form.contains(event.target)) close();
  });

  // Options are links but stay out of the Tab order; a click on one must not blur-close the popup first.
  listbox.addEventListener('pointerdown', (event) => event.preventDefault());

  // Words typed before this module arrived.
  if (state.query) void run();
}

function findParts(form: HTMLFormElement): Parts {
  const find = <T extends HTMLElement>(selector: string): T => {
    const found = form.querySelector<T>(selector);
    if (!found) throw new Error(`The header search form has no ${selector}: see src/components/SearchBox.astro.`);
    return found;
  };
  return {
    input: find<HTMLInputElement>('input[name="q"]'),
    popup: find('[data-search-popup]'),
    listbox: find('[role="listbox"]'),
    chips: find('[data-search-chips]'),
    summary: find('[data-search-summary]'),
    status: find('[data-search-status]'),
    empty: find('[data-search-empty]'),
    more: find<HTMLAnchorElement>('[data-search-more]'),
  };
}
