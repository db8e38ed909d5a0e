import { describe, expect, it } from 'vitest';
import { CLAIM_ID, NOTE_SLUG, slugFromPath, slugProblem, suggestSlug } from '../../src/catalog/slugs.ts';

describe('slugProblem', () => {
  it('accepts short lowercase hyphenated slugs', () => {
    expect(slugProblem('format-collapse', NOTE_SLUG)).toBeUndefined();
    expect(slugProblem('rl2-sparse-updates', CLAIM_ID)).toBeUndefined();
  });

  it('names the rule a bad id breaks', () => {
    expect(slugProblem('format collapse', CLAIM_ID)).toBe('The claim id "format collapse" contains spaces; use hyphens between words.');
    expect(slugProblem('Format-Collapse', CLAIM_ID)).toBe('The claim id "Format-Collapse" contains capital letters; use lowercase only.');
    expect(slugProblem('', CLAIM_ID)).toBe('The claim id is empty.');
    expect(slugProblem('a'.repeat(41), CLAIM_ID)).toBe(`The claim id "${'a'.repeat(41)}" is 41 characters long; the limit is 40.`);
    expect(slugProblem('format--collapse', CLAIM_ID)).toMatch(/is not a slug: use lowercase letters a-z, digits and single hyphens/);
    expect(slugProblem('format_collapse', NOTE_SLUG)).toMatch(/^The note slug "format_collapse" is not a slug/);
    expect(slugProblem('-lead', NOTE_SLUG)).toMatch(/is not a slug/);
    expect(slugProblem('café', NOTE_SLUG)).toMatch(/is not a slug/);
  });
});

describe('suggestSlug', () => {
  it('turns text into a slug within the length limit', () => {
    expect(suggestSlug('Format Collapse!', 40)).toBe('format-collapse');
    expect(suggestSlug('Café au lait', 40)).toBe('cafe-au-lait');
    expect(suggestSlug('one two three', 7)).toBe('one-two');
    expect(suggestSlug('日本語', 40)).toBe('');
  });
});

describe('slugFromPath', () => {
  it('takes the file name without folders or extension', () => {
    expect(slugFromPath('content/notes/rl/format-collapse.mdx')).toBe('format-collapse');
    expect(slugFromPath('a\\b\\c.md')).toBe('c');
  });
});
