import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, cardLayout, cardTextSize, truncate, wrapWords, type CardData, type CardFont, type CardMeasure } from '../../src/formats/claim-card.ts';

describe('cardTextSize', () => {
  it('sets short claims large and long ones smaller', () => {
    const sizes = [40, 120, 200, 300, 600].map((n) => cardTextSize(n).fontSize);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(new Set(sizes).size).toBe(5);
  });
});

describe('truncate', () => {
  it('cuts long text at a word, with an ellipsis', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('one two three four five', 14)).toBe('one two three…');
  });

  it('drops the punctuation the cut ends on, so no full stop stands before the ellipsis', () => {
    expect(truncate('One sentence. Two sentences here', 15)).toBe('One sentence…');
    expect(truncate('first, second, third', 16)).toBe('first, second…');
  });
});

describe('wrapWords', () => {
  const width = (line: string) => line.length; // one unit a character
  it('fills each line with as many words as fit', () => {
    expect(wrapWords('aa bb cc dd', 5, width)).toEqual(['aa bb', 'cc dd']);
    expect(wrapWords('aa bb cc dd', 5, width).join(' ')).toBe('aa bb cc dd');
    expect(wrapWords('aa bb cc dd', 4, width)).toEqual(['aa', 'bb', 'cc', 'dd']);
    expect(wrapWords('  aa\n bb  ', 80, width)).toEqual(['aa bb']);
    expect(wrapWords('', 10, width)).toEqual([]);
  });
  it('breaks after a hyphen between letters, as CSS does, and nowhere else within a word', () => {
    expect(wrapWords('to out-of-domain use', 10, width)).toEqual(['to out-of-', 'domain use']);
    expect(wrapWords('to out-of-domain use', 7, width)).toEqual(['to out-', 'of-', 'domain', 'use']);
    expect(wrapWords('from -5 to 5-fold', 8, width)).toEqual(['from -5', 'to', '5-fold']);
  });
  it('gives a word wider than the line a line of its own', () => {
    expect(wrapWords('a longword b', 4, width)).toEqual(['a', 'longword', 'b']);
  });
  it('keeps every line within the width and every word, in order', () => {
    const text = 'Mechanically, RL only ever touches a small, structurally consistent slice of the network — 5 to 30 percent of parameters.';
    for (const max of [13, 20, 33, 50]) {
      const lines = wrapWords(text, max, width);
      expect(lines.join(' ')).toBe(text);
      for (const [i, line] of lines.entries()) {
        expect(line.length).toBeLessThanOrEqual(max);
        // Greedy: the next line's first word would not have fitted.
        if (i + 1 < lines.length) expect(`${line} ${lines[i + 1]!.split(' ')[0]}`.length).toBeGreaterThan(max);
      }
    }
  });
});

describe('cardLayout', () => {
  // A font whose characters are all half as wide as its size, with an ascent of 0.8 and a descent of 0.2 of it.
  const measure: CardMeasure = {
    width: (text: string, font: CardFont) => text.length * (font.size / 2 + font.letterSpacing),
    ascent: (font) => font.size * 0.8,
    descent: (font) => font.size * 0.2,
  };
  const card: CardData = { id: 'x', text: 'RL touches few parameters.', from: 'What does RL change?', siteName: 'Site', sources: 2 };

  it('sets the label, the claim in quotation marks and the question under it, top to bottom', () => {
    const lines = cardLayout(card, measure);
    expect(lines.map((l) => l.text)).toEqual(['SITE · CLAIM · 2 SOURCES', '“RL touches few parameters.”', 'What does RL change?']);
    expect(lines.map((l) => l.y)).toEqual([...lines.map((l) => l.y)].sort((a, b) => a - b));
    expect(lines[1]!.font.size).toBe(cardTextSize(card.text.length).fontSize);
    expect(lines.map((l) => l.color)).toEqual(['#a3461c', '#1d1d1f', '#55555c']);
  });

  it('spreads the blocks over the column: the label at its top, the line under the text at its bottom', () => {
    const lines = cardLayout(card, measure);
    const [label, , under] = lines;
    // The label's line is as tall as the font (ascent plus descent), the last line 1.3 times the size.
    expect(label!.y).toBeCloseTo(64 + 26 * 0.8);
    expect(under!.y + (26 * 1.3 - 26) / 2 + 26 * 0.2).toBeCloseTo(CARD_HEIGHT - 64);
  });

  it('wraps long text within the column and truncates it at a word, with an ellipsis', () => {
    const long = { ...card, kind: 'essay' as const, text: 'word '.repeat(120).trim(), from: 'summary '.repeat(40).trim() };
    const lines = cardLayout(long, measure);
    const body = lines.filter((l) => l.color === '#1d1d1f');
    expect(body.length).toBeGreaterThan(1);
    for (const line of lines) expect(measure.width(line.text, line.font)).toBeLessThanOrEqual(1024);
    expect(body.at(-1)!.text).toMatch(/ word…$/);
    expect(body[0]!.text.startsWith('“')).toBe(false);
    // The lines of a block are one line height apart.
    expect(body[1]!.y - body[0]!.y).toBeCloseTo(body[0]!.font.size * 1.25);
  });
});
