import { describe, expect, it } from 'vitest';
import { formatMdxError, mdxErrorHint } from '../../src/markdown/mdx-error-hint.ts';

describe('mdxErrorHint', () => {
  it('says how to fix the usual MDX syntax errors', () => {
    expect(mdxErrorHint('Expected a closing tag for `<Claim>` (9:1-9:24) before the end of `paragraph`')).toBe(
      'Close the tag: write </Claim> where the passage ends, in the same paragraph as <Claim>.',
    );
    expect(mdxErrorHint('Unexpected closing slash `/` in tag, expected an open tag first')).toMatch(/^This closing tag has no opening tag/);
    expect(mdxErrorHint('Could not parse expression with acorn')).toMatch(/write \\\{ for a brace/);
    expect(mdxErrorHint('Unexpected character `1` (U+0031) before name')).toMatch(/write \\< or \\\{/);
    expect(mdxErrorHint('Something new')).toMatch(/^Check the MDX at that line/);
  });
});

describe('formatMdxError', () => {
  it('puts the place first, in the project\'s format', () => {
    expect(formatMdxError('content/essays/a.mdx', 9, 1, 'Boom')).toBe('content/essays/a.mdx:9:1: Boom\n  Check the MDX at that line: every <Claim> needs its </Claim>, and "<" and "{" in text are written \\< and \\{.');
    expect(formatMdxError('a.mdx', undefined, undefined, 'Boom').split('\n')[0]).toBe('a.mdx: Boom');
  });
});
