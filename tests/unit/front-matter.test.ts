import { describe, expect, it } from 'vitest';
import { formatFieldPath, splitFrontMatter } from '../../src/catalog/front-matter.ts';

const source = `---
title: "A question?"
papers:
  - title: Paper
    year: 2025
---

Body text.
`;

describe('splitFrontMatter', () => {
  it('separates the data from the body and knows where the body starts', () => {
    const split = splitFrontMatter(source);
    expect(split.data).toEqual({ title: 'A question?', papers: [{ title: 'Paper', year: 2025 }] });
    expect(split.body).toBe('\nBody text.\n');
    expect(split.bodyLine).toBe(7);
  });

  it('gives the file line of a field, or of its nearest parent when missing', () => {
    const split = splitFrontMatter(source);
    expect(split.lineOf(['title'])).toBe(2);
    expect(split.lineOf(['papers', 0, 'year'])).toBe(5);
    expect(split.lineOf(['papers', 0, 'arxiv'])).toBe(4);
    expect(split.lineOf(['themes'])).toBe(2);
  });

  it('reports YAML errors at their line', () => {
    const split = splitFrontMatter('---\ntitle: ok\nbad: [unclosed\n---\nBody');
    expect(split.yamlErrors[0]?.line).toBeGreaterThanOrEqual(3);
    expect(split.data).toBeUndefined();
  });

  it('knows a file without front matter', () => {
    expect(splitFrontMatter('Just text').hasFrontMatter).toBe(false);
  });
});

describe('formatFieldPath', () => {
  it('writes paths as an author reads them', () => {
    expect(formatFieldPath(['papers', 0, 'year'])).toBe('papers[0].year');
    expect(formatFieldPath([])).toBe('');
  });
});
