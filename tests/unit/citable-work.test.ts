import { describe, expect, it } from 'vitest';
import { noteDate, papersOf } from '../../src/site/citable-work.ts';

const paper = (arxiv: string) => ({ title: `Paper ${arxiv}`, firstAuthor: 'A B', year: 2025, arxiv });

describe('papersOf', () => {
  it('lists the papers behind notes once each, in order', () => {
    expect(papersOf([{ papers: [paper('1'), paper('2')] }, { papers: [paper('2'), paper('3')] }]).map((p) => p.arxiv)).toEqual(['1', '2', '3']);
  });
});

describe('noteDate', () => {
  const essays = [
    { published: new Date('2026-11-29'), notes: ['a', 'b'] },
    { published: new Date('2026-03-01'), notes: ['b'] },
  ];

  it('is the date of the earliest essay that cites the note', () => {
    expect(noteDate('a', essays)).toEqual(new Date('2026-11-29'));
    expect(noteDate('b', essays)).toEqual(new Date('2026-03-01'));
  });

  it('is unknown for a note no essay cites', () => {
    expect(noteDate('c', essays)).toBeUndefined();
  });
});
