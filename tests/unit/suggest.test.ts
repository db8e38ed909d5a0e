import { describe, expect, it } from 'vitest';
import { closestIds, didYouMean } from '../../src/catalog/suggest.ts';

const known = ['format-collapse', 'sparse-parameter-updates', 'what-rl-changes', 'random-rewards', 'training-order'];

describe('closestIds', () => {
  it('finds a mistyped id', () => {
    expect(closestIds('format-colapse', known)).toEqual(['format-collapse']);
    expect(closestIds('random-reward', known)).toEqual(['random-rewards']);
  });

  it('finds an id that contains the one written', () => {
    expect(closestIds('collapse', known)).toEqual(['format-collapse']);
  });

  it('offers nothing for an id that resembles none', () => {
    expect(closestIds('quantum-chromodynamics', known)).toEqual([]);
  });

  it('orders by closeness and keeps at most the limit', () => {
    expect(closestIds('aaa', ['aab', 'abb', 'aaa-x', 'zzz'], 2)).toEqual(['aab', 'aaa-x']);
  });
});

describe('didYouMean', () => {
  it('writes one, two or more candidates', () => {
    expect(didYouMean(['a'], 'x')).toBe('Did you mean "a"?');
    expect(didYouMean(['a', 'b'], 'x')).toBe('Did you mean "a" or "b"?');
    expect(didYouMean(['a', 'b', 'c'], 'x')).toBe('Did you mean "a", "b" or "c"?');
    expect(didYouMean([], 'Add the note.')).toBe('Add the note.');
  });
});
