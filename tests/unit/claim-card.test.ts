import { describe, expect, it } from 'vitest';
import { cardTextSize, cardTree, truncate } from '../../src/formats/claim-card.ts';

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
});

describe('cardTree', () => {
  it('sets the claim in quotation marks with the site, the source count and the question', () => {
    const text = JSON.stringify(cardTree({ id: 'x', text: 'RL touches few parameters.', from: 'What does RL change?', siteName: 'Site', sources: 2 }));
    expect(text).toContain('“RL touches few parameters.”');
    expect(text).toContain('Site · Claim · 2 sources');
    expect(text).toContain('What does RL change?');
  });
});
