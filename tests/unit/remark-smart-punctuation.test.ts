import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkSmartypants from 'remark-smartypants';
import { unified, type Plugin } from 'unified';
import { describe, expect, it } from 'vitest';
import { listContentFiles } from '../../src/catalog/content-files.ts';
import { splitFrontMatter } from '../../src/catalog/front-matter.ts';
import remarkSmartPunctuation from '../../src/plugins/remark-smart-punctuation.ts';

/**
 * src/plugins/remark-smart-punctuation.ts stands in for remark-smartypants
 * (faster: it parses only text that holds what it changes): its output must be
 * remark-smartypants' own, on edge cases and on every file of content/.
 */
const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

function punctuated(markdown: string, plugin: Plugin<[Record<string, unknown>?], Root>, options: Record<string, unknown> = {}): Root {
  const tree = parser.parse(markdown) as Root;
  const transform = (plugin as unknown as (options: Record<string, unknown>) => (tree: Root) => void)(options);
  transform(tree);
  return tree;
}

const same = (markdown: string, options: Record<string, unknown> = {}) =>
  expect(punctuated(markdown, remarkSmartPunctuation as never, options)).toEqual(punctuated(markdown, remarkSmartypants as never, options));

const CASES = [
  'Plain words with nothing to change.',
  'It\'s the model\'s "format" -- and more... or . . . less',
  '"Quoted across *emphasis*" and [a "link"](https://example.org) \'single\'',
  '``Backticks\'\' and `inline "code"` then "after"',
  '# A "heading"\n\n"Starts a paragraph" and ends "here"\n\n| "a" | b -- c |\n| --- | --- |\n| \'d\' | e... |',
  '<Claim id="a">A "claim" -- it\'s [@alpha].</Claim> <span>"inline" element</span>',
  '<style>{`a { content: "x" }`}</style>\n\nThen "this".',
  'Two-thirds - not a dash; 1990--2000; a ---- b; end.. ok; dots . . . spaced',
  'The 80\'s and \'90s; rock \'n\' roll; "nested \'quotes\' here"',
  '',
];

describe('remarkSmartPunctuation', () => {
  it('gives remark-smartypants\' output on edge cases', () => {
    for (const markdown of CASES) same(markdown);
  });

  it('gives remark-smartypants\' output with its options (old-school dashes, every backtick, no quotes)', () => {
    for (const options of [{ dashes: 'oldschool' }, { dashes: 'inverted' }, { backticks: 'all', quotes: false }, { quotes: false }, { ellipses: false }]) {
      for (const markdown of CASES) same(markdown, options);
    }
  });

  it('gives remark-smartypants\' output on every file of content/', () => {
    const files = ['essays', 'notes'].flatMap((folder) => listContentFiles(join('content', folder)));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) same(splitFrontMatter(readFileSync(file, 'utf8')).body);
  });

  it('curls quotes and makes dashes and ellipses', () => {
    const tree = punctuated('"It\'s" -- done...', remarkSmartPunctuation as never);
    expect(JSON.stringify(tree)).toContain('“It’s” — done…');
  });
});
