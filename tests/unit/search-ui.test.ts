import { describe, expect, it } from 'vitest';
import { isSearchShortcut } from '../../src/client/search/shortcut.ts';
import {
  closestThemes,
  EMPTY_SEARCH,
  excerptParts,
  filterChips,
  isActive,
  pagefindFilters,
  pressChip,
  readSearchState,
  resultAnnouncement,
  resultView,
  searchPageUrl,
  wordsToPreload,
  type ResultCounts,
} from '../../src/client/search/search-ui.ts';

describe('search state in a shareable URL', () => {
  it('reads words, one kind, several themes and an essay', () => {
    const state = readSearchState(new URLSearchParams('q=+random+rewards+&kind=claim&theme=curriculum&theme=entropy&essay=How%3F'));
    expect(state).toEqual({ query: 'random rewards', kind: 'claim', themes: ['curriculum', 'entropy'], essay: 'How?' });
  });

  it('ignores a kind that does not exist, and empty or repeated themes', () => {
    expect(readSearchState(new URLSearchParams('kind=paper&theme=&theme=a&theme=a'))).toEqual({ ...EMPTY_SEARCH, themes: ['a'] });
  });

  it('writes the same state back, under the base path, leaving out what is empty', () => {
    const state = { query: 'pass@k', kind: 'note' as const, themes: ['reasoning boundary'], essay: null };
    const url = searchPageUrl('/explainers/search/', state);
    expect(url).toBe('/explainers/search/?q=pass%40k&kind=note&theme=reasoning+boundary');
    expect(readSearchState(new URL(url, 'http://x').searchParams)).toEqual(state);
    expect(searchPageUrl('/search/', EMPTY_SEARCH)).toBe('/search/');
  });

  it('is active with words or with a filter alone', () => {
    expect(isActive(EMPTY_SEARCH)).toBe(false);
    expect(isActive({ ...EMPTY_SEARCH, themes: ['entropy'] })).toBe(true);
  });
});

describe('pagefindFilters', () => {
  it('asks for one kind, any of the themes, and one essay', () => {
    expect(pagefindFilters({ query: 'x', kind: 'claim', themes: ['a', 'b'], essay: 'E' })).toEqual({ kind: 'claim', theme: { any: ['a', 'b'] }, essay: 'E' });
    expect(pagefindFilters(EMPTY_SEARCH)).toEqual({});
  });
});

describe('wordsToPreload', () => {
  it('drops a last word too short to fetch the index for, and keeps every word before it', () => {
    expect(wordsToPreload('spurious r', 3)).toBe('spurious');
    expect(wordsToPreload('spurious re', 3)).toBe('spurious');
    expect(wordsToPreload('spurious rew', 3)).toBe('spurious rew');
    expect(wordsToPreload('  entropy  ', 3)).toBe('entropy');
    expect(wordsToPreload('KL', 3)).toBe('');
    expect(wordsToPreload('', 3)).toBe('');
  });

  it('counts letters, not UTF-16 code units', () => {
    expect(wordsToPreload('reward 𝒜', 2)).toBe('reward');
    expect(wordsToPreload('reward 強化', 2)).toBe('reward 強化');
  });
});

describe('filterChips', () => {
  const counts: ResultCounts = {
    count: 6,
    unfilteredCount: 6,
    filtered: { kind: { claim: 3, note: 2, essay: 1 }, theme: { curriculum: 3, entropy: 2, exploration: 0, 'reward signal': 1, mechanisms: 1, evaluation: 1 }, essay: { 'Essay A': 3 } },
    unfiltered: { kind: { claim: 3, note: 2, essay: 1 } },
  };

  it('offers All, the kinds found (claims first), and the themes the results have most', () => {
    const chips = filterChips(counts, EMPTY_SEARCH, { themeLimit: 3 });
    expect(chips.map((c) => `${c.label} ${c.count}${c.pressed ? ' (pressed)' : ''}`)).toEqual([
      'All 6 (pressed)',
      'Claims 3',
      'Notes 2',
      'Essays 1',
      'curriculum 3',
      'entropy 2',
      'evaluation 1',
    ]);
  });

  it('keeps pressed chips, and counts kinds for the words alone while one kind is pressed', () => {
    const pressed = { ...EMPTY_SEARCH, kind: 'claim' as const, themes: ['exploration'] };
    const chips = filterChips({ ...counts, count: 3, filtered: { ...counts.filtered, kind: { claim: 3 } } }, pressed, { themeLimit: 1 });
    expect(chips.map((c) => `${c.label} ${c.count}${c.pressed ? ' (pressed)' : ''}`)).toEqual([
      'All 6',
      'Claims 3 (pressed)',
      'Notes 2',
      'Essays 1',
      'curriculum 3',
      'exploration 0 (pressed)',
    ]);
  });

  it('shows essay chips only when results span several essays', () => {
    expect(filterChips(counts, EMPTY_SEARCH).some((c) => c.filter === 'essay')).toBe(false);
    const two = { ...counts, filtered: { ...counts.filtered, essay: { 'Essay A': 3, 'Essay B': 1 } } };
    expect(filterChips(two, EMPTY_SEARCH).filter((c) => c.filter === 'essay').map((c) => c.label)).toEqual(['Essay A', 'Essay B']);
  });

  it('shows the essays with most results, at most essayLimit, and the pressed one', () => {
    const many = { ...counts, filtered: { ...counts.filtered, essay: { 'Essay A': 1, 'Essay B': 4, 'Essay C': 2, 'Essay D': 0 } } };
    const essays = (state: typeof EMPTY_SEARCH) => filterChips(many, state, { essayLimit: 2 }).filter((c) => c.filter === 'essay').map((c) => `${c.label} ${c.count}${c.pressed ? ' (pressed)' : ''}`);
    expect(essays(EMPTY_SEARCH)).toEqual(['Essay B 4', 'Essay C 2']);
    expect(essays({ ...EMPTY_SEARCH, essay: 'Essay D' })).toEqual(['Essay B 4', 'Essay C 2', 'Essay D 0 (pressed)']);
  });

  it('offers chips for the chosen filters only', () => {
    const chips = filterChips({ ...counts, filtered: { ...counts.filtered, essay: { 'Essay A': 3, 'Essay B': 1 } } }, EMPTY_SEARCH, { facets: ['kind'] });
    expect(chips.map((c) => c.label)).toEqual(['All', 'Claims', 'Notes', 'Essays']);
    expect(filterChips(counts, EMPTY_SEARCH, { facets: ['theme'] }).map((c) => c.filter)).toEqual(['theme', 'theme', 'theme', 'theme']);
  });
});

describe('pressChip', () => {
  it('selects one kind, and None again when pressed twice or with All', () => {
    const claims = pressChip(EMPTY_SEARCH, { filter: 'kind', value: 'claim' });
    expect(claims.kind).toBe('claim');
    expect(pressChip(claims, { filter: 'kind', value: 'claim' }).kind).toBeNull();
    expect(pressChip(claims, { filter: 'kind', value: null }).kind).toBeNull();
    expect(pressChip(claims, { filter: 'kind', value: 'note' }).kind).toBe('note');
  });

  it('toggles themes one by one, and the essay', () => {
    const one = pressChip(EMPTY_SEARCH, { filter: 'theme', value: 'entropy' });
    const two = pressChip(one, { filter: 'theme', value: 'curriculum' });
    expect(two.themes).toEqual(['entropy', 'curriculum']);
    expect(pressChip(two, { filter: 'theme', value: 'entropy' }).themes).toEqual(['curriculum']);
    expect(pressChip(EMPTY_SEARCH, { filter: 'essay', value: 'E' }).essay).toBe('E');
  });
});

describe('excerptParts', () => {
  it('splits Pagefind\'s excerpt into plain and matched text, decoding what it escaped', () => {
    expect(excerptParts('a &lt;b&gt; <mark>random</mark> &amp; <mark>rewards&#39;</mark> end')).toEqual([
      { text: 'a <b> ', matched: false },
      { text: 'random', matched: true },
      { text: ' & ', matched: false },
      { text: "rewards'", matched: true },
      { text: ' end', matched: false },
    ]);
  });

  it('marks the word, not the punctuation Pagefind marks with it', () => {
    expect(excerptParts('high <mark>entropy,</mark> then <mark>(entropy)</mark> and <mark>pass@k.</mark>')).toEqual([
      { text: 'high ', matched: false },
      { text: 'entropy', matched: true },
      { text: ', then (', matched: false },
      { text: 'entropy', matched: true },
      { text: ') and ', matched: false },
      { text: 'pass@k', matched: true },
      { text: '.', matched: false },
    ]);
  });

  it('never lets a tag through as markup', () => {
    expect(excerptParts('<img src=x onerror=alert(1)>text').map((p) => p.text).join('')).toBe('text');
  });
});

describe('resultView', () => {
  it('leads a claim with the claim itself, and says where it is', () => {
    const view = resultView({ url: '/essays/e/?highlight=random#c', excerpt: '<mark>Random</mark> rewards help.', meta: { kind: 'claim', title: 'Random rewards help.', place: 'How?', placeKind: 'essay' } });
    expect(view.kindLabel).toBe('Claim');
    expect(view.heading).toEqual([{ text: 'Random', matched: true }, { text: ' rewards help.', matched: false }]);
    expect(view.detail).toEqual([{ text: 'In the essay “How?”', matched: false }]);
    expect(view.url).toBe('/essays/e/?highlight=random#c');
  });

  it('leads a note or essay with its question, then the excerpt', () => {
    const view = resultView({ url: '/notes/n/', excerpt: 'about <mark>entropy</mark>', meta: { kind: 'note', title: 'Does order matter?' } });
    expect(view.kindLabel).toBe('Note');
    expect(view.heading).toEqual([{ text: 'Does order matter?', matched: false }]);
    expect(view.detail.map((p) => p.text).join('')).toBe('about entropy');
  });
});

describe('resultAnnouncement', () => {
  it('says how many results the words found', () => {
    expect(resultAnnouncement(1, 'entropy')).toBe('1 result for “entropy”');
    expect(resultAnnouncement(0, 'zzz')).toBe('No results for “zzz”');
    expect(resultAnnouncement(12, '')).toBe('12 results');
  });
});

describe('closestThemes', () => {
  const themes = { curriculum: 6, entropy: 2, exploration: 2, 'reward hacking': 2, 'parameter sparsity': 5, evaluation: 4 };

  it('finds themes a word starts, or nearly spells', () => {
    expect(closestThemes('entropi collapse', themes)[0]).toBe('entropy');
    expect(closestThemes('rewards', themes)[0]).toBe('reward hacking');
    expect(closestThemes('curicculum', themes)[0]).toBe('curriculum');
  });

  it('makes up the list with the largest themes, so there is always somewhere to go', () => {
    expect(closestThemes('quantum chromodynamics', themes)).toEqual(['curriculum', 'parameter sparsity', 'evaluation']);
    expect(closestThemes('sparse', themes, 2)).toEqual(['parameter sparsity', 'curriculum']);
  });
});

describe('isSearchShortcut', () => {
  const key = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

  it('opens search with "/" unless the reader is typing in a field', () => {
    expect(isSearchShortcut(key('/'), false)).toBe(true);
    expect(isSearchShortcut(key('/'), true)).toBe(false);
  });

  it('opens search with Ctrl+K or Cmd+K, even from a field', () => {
    expect(isSearchShortcut(key('k', { ctrlKey: true }), true)).toBe(true);
    expect(isSearchShortcut(key('K', { metaKey: true }), false)).toBe(true);
    expect(isSearchShortcut(key('k'), false)).toBe(false);
    expect(isSearchShortcut(key('k', { ctrlKey: true, altKey: true }), false)).toBe(false);
  });
});
