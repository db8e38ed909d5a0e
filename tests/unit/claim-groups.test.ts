import { describe, expect, it } from 'vitest';
import { groupClaims } from '../../src/site/claim-groups.ts';

describe('groupClaims', () => {
  it('groups by paragraph when the document has no sections, numbering paragraphs from 1', () => {
    const groups = groupClaims([{ id: 'a', block: 0 }, { id: 'b', block: 0 }, { id: 'c', block: 3 }], () => undefined);
    expect(groups.map((g) => [g.label, g.claims.map((c) => c.id)])).toEqual([['Paragraph 1', ['a', 'b']], ['Paragraph 2', ['c']]]);
  });

  it('groups by section heading when there are sections', () => {
    const groups = groupClaims([{ id: 'a', block: 0 }, { id: 'b', block: 2, section: 'early' }], (id) => (id === 'early' ? 'Early on' : undefined));
    expect(groups.map((g) => [g.label, g.claims.map((c) => c.id)])).toEqual([['Opening', ['a']], ['Early on', ['b']]]);
  });
});
