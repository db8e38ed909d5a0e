import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishableClaims } from '../../src/catalog/claim-scan.ts';
import { createContentIndex } from '../../src/catalog/content-index.ts';
import { isDraft, shownEntries } from '../../src/catalog/drafts.ts';
import { LOCAL_ORIGIN, readSettings } from '../../src/catalog/settings.ts';
import { PROJECT } from '../support/sites.ts';

/** Drafts: shown by the dev server, left out of a build and of the claims npm run claims:publish publishes. */

describe('the draft rule', () => {
  it('marks an entry a draft only when its front matter says draft: true', () => {
    expect(isDraft({ draft: true })).toBe(true);
    expect([isDraft({ draft: false }), isDraft({}), isDraft(undefined)]).toEqual([false, false, false]);
  });

  it('shows drafts in the dev server only', () => {
    const entries = [{ id: 'a', data: {} }, { id: 'b', data: { draft: true } }, { id: 'c', data: { draft: false } }];
    expect(shownEntries(entries, { drafts: true }).map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(shownEntries(entries, { drafts: false }).map((e) => e.id)).toEqual(['a', 'c']);
  });
});

describe('claims:publish on the good fixture, which holds a draft essay', () => {
  const catalog = createContentIndex(readSettings({ LOCAL_URL: LOCAL_ORIGIN, CONTENT_DIR: join(PROJECT, 'tests/fixtures/good/content') }, PROJECT)).current();

  it('reads the draft without a problem', () => {
    expect(catalog.problems).toEqual([]);
    expect(catalog.essays.get('draft-essay')?.data?.['draft']).toBe(true);
  });

  it('publishes every claim but the draft\'s, and names the draft it left out', () => {
    const { claims, drafts } = publishableClaims(catalog);
    expect(drafts).toEqual(['essays/draft-essay']);
    expect(claims.map((c) => c.id)).not.toContain('draft-finding');
    expect(claims.map((c) => c.id)).toContain('opening-claim');
    expect(catalog.registry.has('draft-finding')).toBe(false);
  });
});
