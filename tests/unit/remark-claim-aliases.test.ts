import { describe, expect, it } from 'vitest';
import type { Registry } from '../../src/catalog/claim-registry.ts';
import remarkClaimAliases from '../../src/plugins/remark-claim-aliases.ts';
import remarkClaimParagraphs from '../../src/plugins/remark-claim-paragraphs.ts';
import remarkClaims from '../../src/plugins/remark-claims.ts';
import { renderMdx } from '../support/render-mdx.ts';

const registry: Registry = new Map([
  ['old-id', { doc: 'essays/test', moved: 'older-id' }],
  ['older-id', { doc: 'essays/test', moved: 'new-id' }],
  ['elsewhere', { doc: 'essays/other', moved: 'new-id' }],
]);
const render = (md: string, reg: Registry = registry) =>
  renderMdx(md, [remarkClaimParagraphs, [remarkClaims, { root: '/project' }], [remarkClaimAliases, { registry: () => reg, docOf: () => 'essays/test' }]] as never);
const aliasIds = (html: string) => [...html.matchAll(/<span id="([^"]+)" class="claim-alias">/g)].map((m) => m[1]);

describe('remark-claim-aliases', () => {
  it('puts every id of this page that moved, step by step, to a claim at the start of that claim', async () => {
    const { html } = await render('<Claim id="new-id">Now.</Claim>');
    expect(aliasIds(html).sort()).toEqual(['old-id', 'older-id']);
    expect(html).toMatch(/^<p><span id="new-id" class="claim" data-claim="new-id"><span id="(old|older)-id" class="claim-alias"><\/span>/);
  });

  it('adds nothing without a registry, or for ids published on another page', async () => {
    expect(aliasIds((await render('<Claim id="new-id">Now.</Claim>', new Map())).html)).toEqual([]);
    expect(aliasIds((await render('<Claim id="other">Now.</Claim>')).html)).toEqual([]);
  });
});
