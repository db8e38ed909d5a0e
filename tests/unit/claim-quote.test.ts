import { describe, expect, it } from 'vitest';
import { formatClaimQuote } from '../../src/client/claim-quote.ts';

describe('formatClaimQuote', () => {
  it('writes the claim, its numbers, its origin, its link and its sources', () => {
    expect(formatClaimQuote({
      text: 'RL only touches a small slice.',
      from: 'How does prolonged RL differ?',
      url: 'https://x.org/c/small-slice/',
      sources: [
        { number: 2, title: 'Does RL update few parameters?', citation: 'Mukherjee et al., 2025', url: 'https://x.org/notes/a/' },
        { number: 3, title: 'What changes inside?', url: 'https://x.org/notes/b/' },
      ],
    })).toBe(
      '“RL only touches a small slice.” [2, 3]\n— How does prolonged RL differ?\nhttps://x.org/c/small-slice/\n' +
        '[2] Does RL update few parameters? (Mukherjee et al., 2025) https://x.org/notes/a/\n[3] What changes inside? https://x.org/notes/b/',
    );
  });

  it('leaves out numbers for a claim without sources', () => {
    expect(formatClaimQuote({ text: 'A reframe.', from: 'Q?', url: 'u', sources: [] })).toBe('“A reframe.”\n— Q?\nu');
  });
});
