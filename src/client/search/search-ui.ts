import { distance } from 'fastest-levenshtein';
import { SEARCH_FILTERS, SEARCH_KINDS, type SearchKind } from '../../formats/search-records.ts';
import { SITE_LANGUAGE } from '../../site/identity.ts';

/**
 * The search interface's logic, without the DOM: what a search asks for (and
 * how it reads from and writes to a shareable /search/ URL), the Pagefind
 * filters it becomes, the filter chips shown for a set of results, what a
 * result says about itself, and which themes to offer when nothing matched.
 * The header's list and the search page both use it.
 */

export interface SearchState {
  query: string;
  /** One kind, or null for all kinds. */
  kind: SearchKind | null;
  /** Themes the results must have one of. */
  themes: string[];
  /** The essay (by title) a claim must belong to, or null. */
  essay: string | null;
}

export const EMPTY_SEARCH: SearchState = { query: '', kind: null, themes: [], essay: null };

/** Parameter names in a /search/ URL: `?q=entropy&kind=claim&theme=curriculum`. */
const PARAM = { query: 'q', kind: 'kind', theme: 'theme', essay: 'essay' } as const;

export function readSearchState(params: URLSearchParams): SearchState {
  const kind = params.get(PARAM.kind);
  return {
    query: (params.get(PARAM.query) ?? '').trim(),
    kind: isKind(kind) ? kind : null,
    themes: [...new Set(params.getAll(PARAM.theme).filter((t) => t.trim() !== ''))],
    essay: params.get(PARAM.essay) || null,
  };
}

/** The query string of the search page for a state, without "?"; empty parts are left out. */
export function searchQueryString(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set(PARAM.query, state.query);
  if (state.kind) params.set(PARAM.kind, state.kind);
  for (const theme of state.themes) params.append(PARAM.theme, theme);
  if (state.essay) params.set(PARAM.essay, state.essay);
  return params.toString();
}

/** The search page's URL for a state, under `searchPath` (such as "/search/" or "/base/search/"). */
export function searchPageUrl(searchPath: string, state: SearchState): string {
  const query = searchQueryString(state);
  return query ? `${searchPath}?${query}` : searchPath;
}

/** True when the state asks for something: words, or a filter to list by. */
export function isActive(state: SearchState): boolean {
  return state.query !== '' || hasFilters(state);
}

export function hasFilters(state: SearchState): boolean {
  return state.kind !== null || state.themes.length > 0 || state.essay !== null;
}

/**
 * The words whose index is worth fetching ahead of a search, while they are
 * still being typed: the query without a last word shorter than `minLetters`.
 * Pagefind matches the last word as a prefix, and one or two letters match
 * words spread over many index files (at 5,000 notes, "spurious r" fetched two
 * files more than "spurious rewards" needs).
 */
export function wordsToPreload(query: string, minLetters: number): string {
  const words = query.trim().split(/\s+/).filter(Boolean);
  const last = words.at(-1);
  if (last !== undefined && [...last].length < minLetters) words.pop();
  return words.join(' ');
}

/** Pagefind's filter object: one kind, any of the themes, one essay. */
export type PagefindFilters = Record<string, string | { any: string[] }>;

export function pagefindFilters(state: SearchState): PagefindFilters {
  const filters: PagefindFilters = {};
  if (state.kind) filters[SEARCH_FILTERS.kind] = state.kind;
  if (state.themes.length > 0) filters[SEARCH_FILTERS.theme] = { any: [...state.themes] };
  if (state.essay) filters[SEARCH_FILTERS.essay] = state.essay;
  return filters;
}

/** Pagefind's counts per filter value: for the current results (`filters`) or for everything (`totalFilters`). */
export type FilterCounts = Record<string, Record<string, number>>;

export interface FilterChip {
  filter: 'kind' | 'theme' | 'essay';
  /** The filter value; null for the "All" chip of kinds. */
  value: string | null;
  label: string;
  /** How many results the chip would leave; null when not known. */
  count: number | null;
  pressed: boolean;
}

export const KIND_LABELS: Record<SearchKind, { one: string; many: string }> = {
  essay: { one: 'Essay', many: 'Essays' },
  note: { one: 'Note', many: 'Notes' },
  claim: { one: 'Claim', many: 'Claims' },
};

/** What a search found, as the chips need it. */
export interface ResultCounts {
  /** Results for the words and every filter. */
  count: number;
  /** Results for the words alone. */
  unfilteredCount: number;
  /** Per filter value: results left if the value were added to the current filters (Pagefind's `filters`). */
  filtered: FilterCounts;
  /** Per filter value, for the words alone (Pagefind's `totalFilters`). */
  unfiltered: FilterCounts;
}

/** Which filters get chips, and how many theme and essay chips at most (pressed ones are always shown). */
export interface ChipOptions {
  facets?: readonly FilterChip['filter'][];
  themeLimit?: number;
  essayLimit?: number;
}

/**
 * The chips for a set of results: "All" and each kind with its count (kinds
 * with no results are left out unless pressed), then the themes the results
 * have most (at most `themeLimit`, plus any pressed), then the essays the
 * results have most when they span several (at most `essayLimit`, plus the
 * pressed one). While a kind is pressed, the kind chips count the words'
 * results of every kind, so the reader sees where switching would lead.
 */
export function filterChips(counts: ResultCounts, state: SearchState, options: ChipOptions = {}): FilterChip[] {
  const { facets = ['kind', 'theme', 'essay'], themeLimit = 4, essayLimit = 4 } = options;
  const chips: FilterChip[] = [];
  if (facets.includes('kind')) {
    const kindCounts = (state.kind ? counts.unfiltered : counts.filtered)[SEARCH_FILTERS.kind] ?? {};
    chips.push({ filter: 'kind', value: null, label: 'All', count: state.kind ? counts.unfilteredCount : counts.count, pressed: state.kind === null });
    for (const kind of SEARCH_KINDS_IN_CHIP_ORDER) {
      // The pressed kind's count is what is shown.
      const count = state.kind === kind ? counts.count : (kindCounts[kind] ?? 0);
      if (count > 0 || state.kind === kind) chips.push({ filter: 'kind', value: kind, label: KIND_LABELS[kind].many, count, pressed: state.kind === kind });
    }
  }
  if (facets.includes('theme')) {
    const themeCounts = counts.filtered[SEARCH_FILTERS.theme] ?? {};
    for (const theme of mostFound(themeCounts, themeLimit, state.themes)) {
      chips.push({ filter: 'theme', value: theme, label: theme, count: themeCounts[theme] ?? 0, pressed: state.themes.includes(theme) });
    }
  }
  if (facets.includes('essay')) {
    const essayCounts = counts.filtered[SEARCH_FILTERS.essay] ?? {};
    const found = Object.values(essayCounts).filter((n) => n > 0).length;
    if (found > 1 || state.essay) {
      const pressed = state.essay ? [state.essay] : [];
      for (const essay of mostFound(essayCounts, essayLimit, pressed)) {
        chips.push({ filter: 'essay', value: essay, label: essay, count: essayCounts[essay] ?? 0, pressed: state.essay === essay });
      }
    }
  }
  return chips;
}

/** The `limit` values with the most results (ties alphabetical), then any pressed value not among them. */
function mostFound(counts: Record<string, number>, limit: number, pressed: readonly string[]): string[] {
  const found = Object.entries(counts).filter(([, n]) => n > 0);
  found.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], SITE_LANGUAGE));
  const shown = found.slice(0, limit).map(([value]) => value);
  for (const value of pressed) if (!shown.includes(value)) shown.push(value);
  return shown;
}

/** Claims first: they are the most specific answers; then notes, then essays. */
const SEARCH_KINDS_IN_CHIP_ORDER: readonly SearchKind[] = ['claim', 'note', 'essay'];

/** The state after pressing a chip: a kind or essay chip selects one (or none); theme chips toggle. */
export function pressChip(state: SearchState, chip: Pick<FilterChip, 'filter' | 'value'>): SearchState {
  if (chip.filter === 'kind') return { ...state, kind: state.kind === chip.value || chip.value === null ? null : (chip.value as SearchKind) };
  if (chip.filter === 'essay') return { ...state, essay: state.essay === chip.value ? null : chip.value };
  const theme = chip.value ?? '';
  return { ...state, themes: state.themes.includes(theme) ? state.themes.filter((t) => t !== theme) : [...state.themes, theme] };
}

/** "5 results", "1 result", "No results". */
export function resultCountText(count: number): string {
  if (count === 0) return 'No results';
  return `${count} ${count === 1 ? 'result' : 'results'}`;
}

/** What a live region says once results are in: "5 results for “entropy”". */
export function resultAnnouncement(count: number, query: string): string {
  return query ? `${resultCountText(count)} for “${query}”` : resultCountText(count);
}

/** What a Pagefind result needs to be shown: its data() fields that the UI reads. */
export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}

export interface ResultView {
  kind: SearchKind;
  kindLabel: string;
  /**
   * What the result's link says: an essay's or note's question; for a claim,
   * the claim itself (Pagefind's excerpt of it, matched words marked).
   */
  heading: ExcerptPart[];
  /** The line under it: an essay's or note's excerpt; for a claim, where it is. */
  detail: ExcerptPart[];
  url: string;
}

export function resultView(data: ResultData): ResultView {
  const kind = isKind(data.meta['kind']) ? data.meta['kind'] : 'note';
  const excerpt = excerptParts(data.excerpt);
  if (kind === 'claim') {
    const place = `In the ${data.meta['placeKind'] === 'note' ? 'note' : 'essay'} “${data.meta['place'] ?? ''}”`;
    const heading = excerpt.length > 0 ? excerpt : [{ text: data.meta['title'] ?? '', matched: false }];
    return { kind, kindLabel: KIND_LABELS[kind].one, heading, detail: [{ text: place, matched: false }], url: data.url };
  }
  return { kind, kindLabel: KIND_LABELS[kind].one, heading: [{ text: data.meta['title'] ?? data.url, matched: false }], detail: excerpt, url: data.url };
}

export interface ExcerptPart {
  text: string;
  matched: boolean;
}

/**
 * Pagefind's excerpt is escaped text with the matched words in <mark>; this
 * turns it into text parts, so the UI builds it with text nodes and never
 * parses HTML. Pagefind marks a word with the punctuation around it
 * ("entropy,"); the mark keeps the word only.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const add = (text: string, matched: boolean) => {
    if (text === '') return;
    const previous = parts.at(-1);
    if (previous && !previous.matched && !matched) previous.text += text;
    else parts.push({ text, matched });
  };
  const pattern = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  for (const match of excerpt.matchAll(pattern)) {
    if (match.index > last) add(decodeEntities(stripTags(excerpt.slice(last, match.index))), false);
    const [, before = '', word = '', after = ''] = /^(\p{P}*)(.*?)((?:(?!['’])\p{P})*)$/su.exec(decodeEntities(stripTags(match[1]!)))!;
    // Punctuation inside the word (don't, pass@k) and a closing apostrophe (rewards') stay marked; only what brackets the word goes.
    if (word === '') add(before + after, true);
    else {
      add(before, false);
      add(word, true);
      add(after, false);
    }
    last = match.index + match[0].length;
  }
  if (last < excerpt.length) add(decodeEntities(stripTags(excerpt.slice(last))), false);
  return parts;
}

function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, '');
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos|nbsp);/gi, (_, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }[lower] ?? '';
  });
}

/**
 * The themes closest to a query that found nothing, for "try a theme
 * instead": a theme is close when one of its words starts like a query word
 * or is a few letters from it. The rest of the list is made up with the
 * themes that hold the most, so there is always somewhere to go.
 */
export function closestThemes(query: string, themes: Readonly<Record<string, number>>, limit = 3): string[] {
  const words = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
  const scored = Object.entries(themes).map(([theme, count]) => ({ theme, count, score: Math.min(...words.map((w) => wordScore(w, theme)), Infinity) }));
  const close = scored.filter((s) => s.score <= 0.34).sort((a, b) => a.score - b.score || b.count - a.count || a.theme.localeCompare(b.theme, SITE_LANGUAGE));
  const rest = scored.filter((s) => s.score > 0.34).sort((a, b) => b.count - a.count || a.theme.localeCompare(b.theme, SITE_LANGUAGE));
  return [...close, ...rest].slice(0, limit).map((s) => s.theme);
}

/**
 * 0 for a word the theme has (or that starts one of its words), 0.2 for one
 * that shares its stem (a common start of four letters or more, most of the
 * shorter word: "sparse" and "sparsity"); otherwise edit distance over length.
 */
function wordScore(word: string, theme: string): number {
  let best = Infinity;
  for (const part of theme.toLowerCase().split(/\s+/)) {
    if (part.startsWith(word) || word.startsWith(part)) return 0;
    const shared = commonPrefixLength(word, part);
    if (shared >= Math.max(4, Math.ceil(0.6 * Math.min(word.length, part.length)))) best = Math.min(best, 0.2);
    best = Math.min(best, distance(word, part) / Math.max(word.length, part.length));
  }
  return best;
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return i;
}

function isKind(value: unknown): value is SearchKind {
  return typeof value === 'string' && (SEARCH_KINDS as readonly string[]).includes(value);
}
