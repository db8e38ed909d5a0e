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
      { depth: 2, text: 'Early days', id: 'early-days' },
      { depth: 3, text: 'Detail', id: 'detail' },
      { depth: 2, text: 'Early days', id: 'early-days-1' },
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
      'Ids in content/essays/test.mdx clash.\n\ncontent/essays/test.mdx:3:1: The id "early" is given to two elements on this page: at line 1 and here.\n  Each id on a page must be unique: rename one of them.',
    );
  });
});
