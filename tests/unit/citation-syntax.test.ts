import { describe, expect, it } from 'vitest';
import { findCitations, groupAdjacent } from '../../src/markdown/citation-syntax.ts';

describe('findCitations', () => {
  it('finds a single citation with its offsets', () => {
    const text = 'performs best [@format-collapse].';
    expect(findCitations(text)).toEqual([{ start: 14, end: 32, keys: [{ id: 'format-collapse', offset: 15 }] }]);
  });

  it('reads several ids in one bracket, separated by semicolons or commas', () => {
    const [token] = findCitations('x [@a; @b-c,@d] y');
    expect(token?.keys.map((k) => k.id)).toEqual(['a', 'b-c', 'd']);
    expect(token?.keys.map((k) => k.offset)).toEqual([3, 7, 12]);
  });

  it('leaves other brackets alone', () => {
    expect(findCitations('see [the paper](https://x) and [note] and a@b.c')).toEqual([]);
  });

  it('says what is wrong with a malformed citation', () => {
    expect(findCitations('[@]')[0]?.problem).toBe('The citation [@] holds "@", which is not a note id written as @note-id.');
    expect(findCitations('[@a; b]')[0]?.problem).toBe('The citation [@a; b] holds "b", which is not a note id written as @note-id.');
    expect(findCitations('[@a;]')[0]?.problem).toBe('The citation [@a;] has an empty entry.');
    expect(findCitations('[@a b]')[0]?.problem).toMatch(/holds "@a b"/);
  });
});

describe('groupAdjacent', () => {
  it('groups citations with only white space between them', () => {
    const text = 'x [@a] [@b] y [@c]';
    const groups = groupAdjacent(text, findCitations(text));
    expect(groups.map((g) => g.flatMap((t) => t.keys.map((k) => k.id)))).toEqual([['a', 'b'], ['c']]);
  });
});
