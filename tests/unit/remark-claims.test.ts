import { describe, expect, it } from 'vitest';
import type { NoteCatalog } from '../../src/plugins/remark-citations.ts';
import remarkCitations from '../../src/plugins/remark-citations.ts';
import rehypeSlug from 'rehype-slug';
import rehypePageOutline from '../../src/plugins/rehype-page-outline.ts';
import remarkClaimParagraphs from '../../src/plugins/remark-claim-paragraphs.ts';
import remarkClaims from '../../src/plugins/remark-claims.ts';
import { errorOf, renderMdx } from '../support/render-mdx.ts';

const catalog: NoteCatalog = new Map([['format-collapse', { id: 'format-collapse', title: 'Q?', file: 'x' }]]);
const plugins = [
  remarkClaimParagraphs,
  [remarkCitations, { root: '/project', notes: () => catalog, noteHref: (id: string) => `/notes/${id}/` }],
  [remarkClaims, { root: '/project' }],
];
const render = (md: string) => renderMdx(md, plugins as never, undefined, [rehypeSlug, [rehypePageOutline, { root: '/project' }]]);

describe('remark-claims', () => {
  it('renders a claim as an element with its id and a permalink', async () => {
    const { html } = await render('Before. <Claim id="a-claim">It *holds*.</Claim> After.');
    expect(html).toBe(
      '<p>Before. <span id="a-claim" class="claim" data-claim="a-claim">It <em>holds</em>.<span class="claim-tools" data-pagefind-ignore=""><span class="claim-toolbar"><a href="#a-claim" class="claim-permalink" aria-label="Link to this claim">¶</a></span></span></span> After.</p>',
    );
  });

  it('keeps a paragraph made only of claims a paragraph, with spaces between them', async () => {
    const { html } = await render('<Claim id="one">One.</Claim> <Claim id="two">Two.</Claim>\n\n<Claim id="three">Three.</Claim>');
    expect(html.replace(/<span class="claim-tools".*?<\/a><\/span><\/span>/g, '')).toBe(
      '<p><span id="one" class="claim" data-claim="one">One.</span> <span id="two" class="claim" data-claim="two">Two.</span></p>\n<p><span id="three" class="claim" data-claim="three">Three.</span></p>',
    );
  });

  it('renders a claim spanning paragraphs as a block', async () => {
    const { html } = await render('<Claim id="long">\n\nFirst.\n\nSecond.\n\n</Claim>');
    expect(html).toMatch(/^<div id="long" class="claim" data-claim="long"><p>First.<\/p>\s*<p>Second.<\/p>/);
  });

  it('records each claim with its text, notes, the markers of its citations and its paragraph; the outline gives its section', async () => {
    const { derived } = await render('## Early\n\nIntro. <Claim id="fast">It is fast [@format-collapse].</Claim>');
    expect(derived.claims).toEqual([{ id: 'fast', text: 'It is fast.', notes: ['format-collapse'], markers: ['cite-format-collapse-1'], line: 3, column: 8, block: 1 }]);
    expect(derived.sections).toEqual({ fast: 'early' });
    expect(derived.headings).toEqual([{ depth: 2, text: 'Early', id: 'early', line: 1, column: 1 }]);
    expect(derived.text).toBe('Early\n\nIntro. It is fast.');
  });

  it('leaves the citation records as remark-citations made them', async () => {
    const { derived } = await render('Intro. <Claim id="fast">It is fast [@format-collapse].</Claim>');
    expect(derived.citations[0]).toMatchObject({ markerId: 'cite-format-collapse-1', sentence: 'It is fast.' });
    expect(derived.citations[0]).not.toHaveProperty('claim');
  });

  it('fails on an id that is not a short lowercase slug, naming the rule', async () => {
    expect(await errorOf(() => render('<Claim id="Format Collapse">X.</Claim>'))).toBe(
      'Claims in content/essays/test.mdx are not valid.\n\ncontent/essays/test.mdx:1:1: Claim id "Format Collapse" breaks a rule: The claim id "Format Collapse" contains spaces; use hyphens between words.\n  A claim id is a short lowercase slug, such as "format-collapse".',
    );
    expect(await errorOf(() => render(`<Claim id="${'x'.repeat(50)}">X.</Claim>`))).toContain('is 50 characters long; the limit is 40.');
    expect(await errorOf(() => render('<Claim id="sources">X.</Claim>'))).toContain('"sources" is used by the page itself');
    expect(await errorOf(() => render('<Claim id="cite-x">X.</Claim>'))).toContain('ids starting with "cite-" are kept for the page\'s own anchors');
  });

  it('fails on two claims with one id, naming both lines', async () => {
    expect(await errorOf(() => render('<Claim id="same">A.</Claim>\n\n<Claim id="same">B.</Claim>'))).toContain(
      'content/essays/test.mdx:3:1: Claim id "same" is used twice in this file: at line 1 and here.',
    );
  });

  it('fails on a claim without an id, with other attributes, or empty', async () => {
    expect(await errorOf(() => render('<Claim>A.</Claim>'))).toContain('A <Claim> has no id.');
    expect(await errorOf(() => render('<Claim id="a" kind="x">A.</Claim>'))).toContain('A <Claim> has the attribute "kind"');
    expect(await errorOf(() => render('<Claim id={"a"}>A.</Claim>'))).toContain('A <Claim> id is written as an expression');
    expect(await errorOf(() => render('<Claim id="a"></Claim>'))).toContain('Claim "a" has no text.');
  });

  it('fails on a claim id that is also a heading id, as the page really has it', async () => {
    expect(await errorOf(() => render('## Early days\n\n<Claim id="early-days">A.</Claim>'))).toBe(
      'Ids in content/essays/test.mdx clash.\n\ncontent/essays/test.mdx:3:1: Claim id "early-days" is also the id of the heading "## Early days" at line 1.\n  The claim is not published yet: give it another id, or reword the heading, whose id comes from its words.',
    );
    // rehype-slug numbers a repeated heading: the second "Early" is "early-1", which the old guess missed.
    expect(await errorOf(() => render('## Early\n\n## Early\n\n<Claim id="early-1">A.</Claim>'))).toContain('Claim id "early-1" is also the id of the heading "## Early" at line 3.');
  });
});
