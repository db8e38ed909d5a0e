import { describe, expect, it } from 'vitest';
import { parseRegistry } from '../../src/catalog/claim-registry.ts';
import { compareWordings, isRevision, normalizeWording, recordRevisions, type WordedClaim } from '../../src/catalog/claim-revisions.ts';

const was = { text: 'RL sharpens the “format” it’s given – within 10–20 steps.', sources: ['alpha', 'beta'] };

describe('what counts as a revision', () => {
  it('a changed word, number or punctuation mark is one', () => {
    for (const text of [
      'RL narrows the “format” it’s given – within 10–20 steps.',
      'RL sharpens the “format” it’s given – within 10–30 steps.',
      'RL sharpens the “format” it’s given – within 10–20 steps!',
      'rl sharpens the “format” it’s given – within 10–20 steps.',
      'RL sharpens the “format” it’s given – within 10–20 steps',
    ]) expect(compareWordings(was, { text, sources: was.sources }), text).toEqual({ words: true, sources: false });
  });

  it('a change in the notes cited, or in their order, is one', () => {
    expect(compareWordings(was, { text: was.text, sources: ['alpha'] })).toEqual({ words: false, sources: true });
    expect(compareWordings(was, { text: was.text, sources: ['beta', 'alpha'] })).toEqual({ words: false, sources: true });
    expect(compareWordings(was, { text: was.text, sources: ['alpha', 'beta', 'gamma'] })).toEqual({ words: false, sources: true });
  });

  it('words and sources changed together are one, with both named', () => {
    expect(compareWordings(was, { text: 'RL sharpens it.', sources: ['gamma'] })).toEqual({ words: true, sources: true });
  });

  it('white space, NFC, straight or curly quotes, dashes and "..." are not', () => {
    for (const text of [
      '  RL  sharpens the\n“format”\u00A0it’s given – within 10–20 steps. ',
      'RL sharpens the "format" it\'s given - within 10-20 steps.',
      'RL sharpens the "format" it\'s given — within 10-20 steps.',
      'RL sharp\u00ADens the “format” it’s given – within 10–20 steps.',
    ]) expect(isRevision(was, { text, sources: was.sources }), text).toBe(false);
    expect(isRevision({ text: 'Caf\u00E9 results…', sources: [] }, { text: 'Cafe\u0301 results...', sources: [] })).toBe(false);
    expect(normalizeWording('“It’s” – fine…')).toBe('"It\'s" - fine...');
  });
});

describe('recordRevisions', () => {
  const registry = parseRegistry(JSON.stringify({
    fresh: { doc: 'essays/e' },
    same: { doc: 'essays/e', revisions: [{ date: '2026-01-02', text: 'Same words.', sources: ['alpha'] }] },
    changed: { doc: 'essays/e', revisions: [{ date: '2026-01-02', text: 'Old words.', sources: ['alpha'] }] },
    old: { doc: 'essays/e', moved: 'same', revisions: [{ date: '2025-12-01', text: 'Older.', sources: [] }] },
  }, null, 2), 'claims.json').registry;
  const claims: WordedClaim[] = [
    { id: 'fresh', doc: 'essays/e', text: 'Fresh.', sources: [] },
    { id: 'same', doc: 'essays/e', text: 'Same  words.', sources: ['alpha'] },
    { id: 'changed', doc: 'essays/e', text: 'New words.', sources: ['alpha'] },
    { id: 'unpublished', doc: 'essays/e', text: 'Not in the registry.', sources: [] },
  ];
  const options = { firstDate: () => '2026-01-02', today: '2026-03-12' };

  it('without a reason, records nothing and names the claims that need one', () => {
    const result = recordRevisions(registry, claims, options);
    expect(result.needReason.map((n) => [n.claim.id, n.number, n.latest.text])).toEqual([['changed', 2, 'Old words.']]);
    expect(result.recorded).toEqual([]);
    expect(result.registry.get('fresh')?.revisions).toBeUndefined();
  });

  it('with a reason, records revision 1 where none is, appends where the wording changed, and keeps all history', () => {
    const result = recordRevisions(registry, claims, { ...options, reason: ' Softened\n the claim. ' });
    expect(result.needReason).toEqual([]);
    expect(result.recorded.map((r) => [r.id, r.number])).toEqual([['fresh', 1], ['changed', 2]]);
    expect(result.registry.get('fresh')?.revisions).toEqual([{ date: '2026-01-02', text: 'Fresh.', sources: [] }]);
    expect(result.registry.get('changed')?.revisions).toEqual([
      { date: '2026-01-02', text: 'Old words.', sources: ['alpha'] },
      { date: '2026-03-12', text: 'New words.', sources: ['alpha'], reason: 'Softened the claim.' },
    ]);
    expect(result.registry.get('same')).toEqual(registry.get('same'));
    expect(result.registry.get('old')).toEqual(registry.get('old'));
    expect(result.registry.has('unpublished')).toBe(false);
  });

  it('records first revisions without a reason when nothing was reworded', () => {
    const result = recordRevisions(registry, claims.filter((c) => c.id !== 'changed'), options);
    expect(result.recorded.map((r) => r.id)).toEqual(['fresh']);
  });
});
