import { describe, expect, it } from 'vitest';
import { BASE_CHARACTERS, fontCharacters } from '../../src/formats/web-fonts.ts';

describe('fontCharacters', () => {
  it('holds the base set and every character of the texts, once each, in code point order', () => {
    const chars = fontCharacters(['Über “naïve” RL — 𝑥', 'naïve\n\tagain']);
    for (const char of [...BASE_CHARACTERS, 'Ü', 'ï', '—', '𝑥']) expect(chars).toContain(char);
    const list = [...chars];
    expect(new Set(list).size).toBe(list.length);
    const points = list.map((c) => c.codePointAt(0)!);
    expect(points).toEqual([...points].sort((a, b) => a - b));
  });

  it('leaves out control characters (line breaks, tabs)', () => {
    expect(fontCharacters(['a\nb\tc\r'])).not.toMatch(/[\n\t\r]/);
  });
});
