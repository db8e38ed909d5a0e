import { describe, expect, it } from 'vitest';
import type { PlacedClaim } from '../../src/site/claims.ts';
import { claimSearchRecords, claimTitle } from '../../src/formats/search-records.ts';

function claim(id: string, text: string, notes: string[], doc: PlacedClaim['doc']): PlacedClaim {
  return { id, text, notes, markers: [], line: 1, column: 1, block: 0, doc, numbers: notes.map((_, i) => i + 1), section: undefined };
}

const essay = { kind: 'essay' as const, id: 'prolonged-rl', title: 'How does prolonged RL differ?', url: '/base/essays/prolonged-rl/', file: 'content/essays/prolonged-rl.mdx' };
const note = { kind: 'note' as const, id: 'random-rewards', title: 'Why do random rewards help?', url: '/base/notes/random-rewards/', file: 'content/notes/random-rewards.mdx' };
const notes = [
  { id: 'random-rewards', themes: ['reward signal', 'pretraining prior'] },
  { id: 'catalyst-not-teacher', themes: ['pretraining prior', 'parameter sparsity'] },
];

describe('claimSearchRecords', () => {
  const [inEssay, inNote, uncited] = claimSearchRecords({
    notes,
    language: 'en',
    claims: [
      claim('rewards-as-catalyst', 'Random rewards still improve some models.', ['random-rewards', 'catalyst-not-teacher'], essay),
      claim('latent-code', 'Random rewards surface latent code reasoning.', [], note),
      claim('reading-the-question', 'This reads the question as asking…', [], essay),
    ],
  });

  it('links each claim to its permalink, from the site root (Pagefind adds the base path)', () => {
    expect(inEssay!.url).toBe('/essays/prolonged-rl/#rewards-as-catalyst');
    expect(inNote!.url).toBe('/notes/random-rewards/#latent-code');
  });

  it('holds the claim text, its kind, its place and the language of the pages', () => {
    expect(inEssay).toMatchObject({
      content: 'Random rewards still improve some models.',
      language: 'en',
      meta: { title: 'Random rewards still improve some models.', kind: 'claim', claim: 'rewards-as-catalyst', place: 'How does prolonged RL differ?', placeKind: 'essay' },
    });
  });

  it('filters by kind, by the themes of the notes it cites, and by its essay', () => {
    expect(inEssay!.filters).toEqual({ kind: ['claim'], theme: ['parameter sparsity', 'pretraining prior', 'reward signal'], essay: ['How does prolonged RL differ?'] });
  });

  it("gives a claim written in a note that note's themes, and no essay", () => {
    expect(inNote!.filters).toEqual({ kind: ['claim'], theme: ['pretraining prior', 'reward signal'] });
  });

  it('leaves out the theme filter of a claim that cites nothing', () => {
    expect(uncited!.filters).toEqual({ kind: ['claim'], essay: ['How does prolonged RL differ?'] });
  });
});

describe('claimTitle', () => {
  it('keeps a short claim whole, with its white space folded', () => {
    expect(claimTitle('Format  diversity\ncollapses.')).toBe('Format diversity collapses.');
  });

  it('cuts a long claim at a word boundary, with an ellipsis', () => {
    const title = claimTitle('one two three four five six seven eight nine ten', 20);
    expect(title).toBe('one two three four…');
    expect(title.length).toBeLessThanOrEqual(20);
  });
});
