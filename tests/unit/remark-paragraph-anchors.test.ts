import { describe, expect, it } from 'vitest';
import remarkCitations from '../../src/plugins/remark-citations.ts';
import remarkParagraphAnchors from '../../src/plugins/remark-paragraph-anchors.ts';
import { renderMdx } from '../support/render-mdx.ts';

describe('remark-paragraph-anchors', () => {
  it('gives an essay\'s top-level paragraphs ids', async () => {
    const { html } = await renderMdx('## A heading\n\nThe first paragraph has quite a few words in it.\n\n> A quote is not counted.\n\nSecond.', [[remarkParagraphAnchors, { applies: () => true }]] as never);
    expect(html).toContain('<p id="paragraph-1">The first paragraph has');
    expect(html).toContain('<p id="paragraph-2">Second.</p>');
  });

  it('records the citation markers each paragraph holds', async () => {
    const notes = new Map([['a', { title: 'A?' }], ['b', { title: 'B?' }]]);
    const { derived } = await renderMdx('First [@a].\n\nSecond [@b] and [@a].', [
      [remarkCitations, { root: '/project', notes: () => notes, noteHref: (id: string) => `/notes/${id}/` }],
      [remarkParagraphAnchors, { applies: () => true }],
    ] as never, '/project/content/essays/e.mdx');
    expect(derived.paragraphs?.map((p) => p.markers)).toEqual([['cite-a-1'], ['cite-b-1', 'cite-a-2']]);
  });

  it('leaves other files alone', async () => {
    const { html } = await renderMdx('A note.', [[remarkParagraphAnchors, { applies: () => false }]] as never);
    expect(html).toBe('<p>A note.</p>');
  });
});
