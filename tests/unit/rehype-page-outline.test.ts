import rehypeSlug from 'rehype-slug';
import { describe, expect, it } from 'vitest';
import rehypePageOutline from '../../src/plugins/rehype-page-outline.ts';
import remarkClaimAliases from '../../src/plugins/remark-claim-aliases.ts';
import remarkClaims from '../../src/plugins/remark-claims.ts';
import { errorOf, renderMdx } from '../support/render-mdx.ts';

const render = (md: string) => renderMdx(md, [[remarkClaims, { root: '/project' }]] as never, undefined, [rehypeSlug, [rehypePageOutline, { root: '/project' }]]);

describe('rehype-page-outline', () => {
  it('records headings with the ids rehype-slug gave them, repeats numbered', async () => {
    const { derived } = await render('## Early *days*\n\nText.\n\n### Detail\n\n## Early days');
    expect(derived.headings).toEqual([
      { depth: 2, text: 'Early days', id: 'early-days', line: 1, column: 1 },
      { depth: 3, text: 'Detail', id: 'detail', line: 5, column: 1 },
      { depth: 2, text: 'Early days', id: 'early-days-1', line: 7, column: 1 },
    ]);
  });

  it('gives each claim the "##" section above it, and none before the first', async () => {
    const { derived } = await render('<Claim id="first">A.</Claim>\n\n## One\n\n### Sub\n\n<Claim id="second">B.</Claim>\n\n## Two\n\n<Claim id="third">C.</Claim>');
    expect(derived.sections).toEqual({ second: 'one', third: 'two' });
  });

  it('fails on any two elements of the body with one id, naming the line', async () => {
    // A published id that moved to a claim here keeps an anchor, which a later heading's slug can meet.
    const registry = new Map([['early', { doc: 'essays/test', moved: 'now' }]]);
    const aliased = (md: string) =>
      renderMdx(md, [[remarkClaims, { root: '/project' }], [remarkClaimAliases, { registry: () => registry, docOf: () => 'essays/test' }]] as never, undefined, [rehypeSlug, [rehypePageOutline, { root: '/project' }]]);
    expect(await errorOf(() => aliased('<Claim id="now">A.</Claim>\n\n## Early'))).toBe(
      'Ids in content/essays/test.mdx clash.\n\ncontent/essays/test.mdx:3:1: The id "early" is given to two elements on this page: the <span> at line 1 and the heading "## Early" here.\n  Each id on a page must be unique: rename one of them.',
    );
  });

  it('tells the author to reword the heading when the claim it clashes with is published, and at the heading\'s line', async () => {
    const withRegistry = (published: boolean) => (md: string) =>
      renderMdx(md, [[remarkClaims, { root: '/project' }]] as never, undefined, [rehypeSlug, [rehypePageOutline, { root: '/project', published: () => published }]]);
    const md = 'Intro.\n\n<Claim id="early-days">A.</Claim>\n\n## Early days\n\nText.';
    expect(await errorOf(() => withRegistry(true)(md))).toBe(`Ids in content/essays/test.mdx clash.

content/essays/test.mdx:5:1: The heading "## Early days" gets the id "early-days", which is the id of the published claim at line 3.
  The claim is published, so its id stays: reword the heading, whose id comes from its words.`);
    expect(await errorOf(() => withRegistry(false)(md))).toBe(`Ids in content/essays/test.mdx clash.

content/essays/test.mdx:3:1: Claim id "early-days" is also the id of the heading "## Early days" at line 5.
  The claim is not published yet: give it another id, or reword the heading, whose id comes from its words.`);
  });

  it('fails on a heading whose id the page itself uses', async () => {
    expect(await errorOf(() => render('Intro.\n\n## Sources\n\nText.'))).toBe(`Ids in content/essays/test.mdx clash.

content/essays/test.mdx:3:1: The heading "## Sources" gets the id "sources", which the page cannot give it: "sources" is used by the page itself (top, main, content, header, footer, search, sources, contents, cited-in, cite-this, claims, evidence, theme).
  Reword the heading: its id comes from its words.`);
  });
});
