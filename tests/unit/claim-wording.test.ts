import { describe, expect, it } from 'vitest';
import { claimWordings } from '../../src/catalog/claim-scan.ts';
import remarkCitations from '../../src/plugins/remark-citations.ts';
import remarkClaimParagraphs from '../../src/plugins/remark-claim-paragraphs.ts';
import remarkClaims from '../../src/plugins/remark-claims.ts';
import remarkSmartPunctuation from '../../src/plugins/remark-smart-punctuation.ts';
import remarkGfm from 'remark-gfm';
import { renderMdx } from '../support/render-mdx.ts';

/**
 * A claim's wording as `npm run claims:publish` records it must be what a
 * reader sees in the rendered claim (and what the build checks it against).
 */
const root = '/project';
const path = '/project/content/essays/e.mdx';
const notes = new Map([['alpha', { title: 'A?' }], ['beta', { title: 'B?' }], ['gamma', { title: 'C?' }]]);
const wordings = (body: string) => claimWordings(`---\ntitle: "E?"\n---\n\n${body}\n`, { path, root, notes });

describe('claimWordings', () => {
  it('flattens emphasis, leaves citation markers out and collapses white space', async () => {
    expect(await wordings('<Claim id="a">Format *diversity*   collapses **within** `one`\nepoch [@alpha].</Claim>')).toEqual([
      { id: 'a', text: 'Format diversity collapses within one epoch.', sources: ['alpha'] },
    ]);
  });

  it('lists the cited notes in the order cited, each once, side-by-side citations included', async () => {
    const [claim] = await wordings('<Claim id="a">One [@beta] and two [@alpha; @beta] [@gamma].</Claim>');
    expect(claim).toEqual({ id: 'a', text: 'One and two.', sources: ['beta', 'alpha', 'gamma'] });
  });

  it('curls quotes and dashes as the page does, and keeps an escaped citation as text', async () => {
    const [claim] = await wordings('<Claim id="a">The "format" -- it\'s \\[@alpha] here... [@alpha]</Claim>');
    expect(claim).toEqual({ id: 'a', text: 'The “format” — it’s [@alpha] here…', sources: ['alpha'] });
  });

  it('reads several claims in a paragraph, and a link\'s text', async () => {
    const found = await wordings('<Claim id="a">See [the paper](https://example.org) [@alpha].</Claim> <Claim id="b">No source here.</Claim>\n\nText. <Claim id="c">Third [@gamma].</Claim>');
    expect(found).toEqual([
      { id: 'a', text: 'See the paper.', sources: ['alpha'] },
      { id: 'b', text: 'No source here.', sources: [] },
      { id: 'c', text: 'Third.', sources: ['gamma'] },
    ]);
  });

  it('equals what the site\'s plugins record for the rendered claim', async () => {
    const body = '<Claim id="a">A *"quoted"* ~~word~~ -- and more [@alpha] [@beta].</Claim>';
    const { derived } = await renderMdx(body, [
      remarkSmartPunctuation,
      remarkGfm,
      remarkClaimParagraphs,
      [remarkCitations, { root, notes: () => notes, noteHref: (id: string) => `/notes/${id}/` }],
      [remarkClaims, { root }],
    ], path);
    const [claim] = await wordings(body);
    expect(claim).toEqual({ id: 'a', text: derived.claims[0]!.text, sources: derived.claims[0]!.notes });
  });

  it('throws the plugins\' message for a citation of a missing note', async () => {
    await expect(wordings('<Claim id="a">Gone [@nope].</Claim>')).rejects.toThrow(/\[@nope\] names a note that does not exist/);
  });
});
