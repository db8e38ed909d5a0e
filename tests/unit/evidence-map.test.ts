import { describe, expect, it } from 'vitest';
import { layoutEvidenceMap, MAP_GEOMETRY, noteRadius, shortLabel, spread, summarizeEvidence, supportOf } from '../../src/site/evidence-map.ts';

const notes = [
  { id: 'b', title: 'Does B hold?', number: 2 },
  { id: 'a', title: 'Does A hold?', number: 1 },
  { id: 'c', title: 'Does C hold?', number: 3 },
];
const claims = [
  { id: 'frame', text: 'A framing sentence.', block: 0, notes: [] },
  { id: 'one', text: 'A rests on A.', block: 0, notes: ['a'] },
  { id: 'two', text: 'This rests on A and B.', block: 2, notes: ['a', 'b'] },
  { id: 'three', text: 'C alone.', block: 3, notes: ['c'] },
];

describe('shortLabel', () => {
  it('keeps short text as it is, folding white space', () => {
    expect(shortLabel('  A  short\nlabel ', 20)).toBe('A short label');
  });

  it('cuts long text at a word boundary and marks the cut', () => {
    expect(shortLabel('Format diversity collapses within the very first epoch', 30)).toBe('Format diversity collapses…');
    expect(shortLabel('Format diversity collapses within the very first epoch', 30).length).toBeLessThanOrEqual(30);
  });

  it('does not leave punctuation before the ellipsis', () => {
    expect(shortLabel('One, two — three four five six', 13)).toBe('One, two…');
  });
});

describe('supportOf', () => {
  it('tells claims with no note, a single note and several apart', () => {
    expect([0, 1, 2, 5].map(supportOf)).toEqual(['none', 'single', 'several', 'several']);
  });
});

describe('noteRadius', () => {
  it('grows with the degree but stays inside a row', () => {
    expect(noteRadius(1)).toBe(8);
    expect(noteRadius(4)).toBe(11);
    expect(noteRadius(100)).toBe(MAP_GEOMETRY.row / 2 - 2);
    expect(noteRadius(0)).toBe(8);
  });
});

describe('spread', () => {
  it('keeps wanted positions that are far enough apart', () => {
    expect(spread([10, 50, 90], 30, 0, 100)).toEqual([10, 50, 90]);
  });

  it('pushes crowded items apart, in order', () => {
    expect(spread([10, 10, 10], 30, 0, 200)).toEqual([10, 40, 70]);
  });

  it('pulls items back inside the end', () => {
    expect(spread([80, 90, 95], 30, 0, 100)).toEqual([40, 70, 100]);
  });
});

describe('layoutEvidenceMap', () => {
  const layout = layoutEvidenceMap(claims, notes);

  it('puts the claims in reading order down one side, grouped by paragraph', () => {
    expect(layout.claims.map((c) => c.id)).toEqual(['frame', 'one', 'two', 'three']);
    expect(layout.claims.every((c) => c.x === MAP_GEOMETRY.claimX)).toBe(true);
    const ys = layout.claims.map((c) => c.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(layout.groups.map((g) => [g.label, g.claims])).toEqual([
      ['Paragraph 1', ['frame', 'one']],
      ['Paragraph 2', ['two']],
      ['Paragraph 3', ['three']],
    ]);
    // Rows are a full row apart, so each claim's link is a large enough target.
    expect(ys[1]! - ys[0]!).toBe(MAP_GEOMETRY.row);
  });

  it('puts the notes in source-number order down the other side, a row apart', () => {
    expect(layout.notes.map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect(layout.notes.every((n) => n.x === MAP_GEOMETRY.noteX)).toBe(true);
    for (let i = 1; i < layout.notes.length; i++) expect(layout.notes[i]!.y - layout.notes[i - 1]!.y).toBeGreaterThanOrEqual(MAP_GEOMETRY.row);
  });

  it('draws one line per citation, from the claim to the note', () => {
    expect(layout.edges.map((e) => `${e.claim}>${e.note}`)).toEqual(['one>a', 'two>a', 'two>b', 'three>c']);
    const claim = layout.claims.find((c) => c.id === 'two')!;
    const note = layout.notes.find((n) => n.id === 'b')!;
    const edge = layout.edges.find((e) => e.claim === 'two' && e.note === 'b')!;
    expect(edge.d.startsWith(`M${claim.x + 6} ${claim.y}C`)).toBe(true);
    expect(edge.d.endsWith(`${note.x - note.r} ${note.y}`)).toBe(true);
  });

  it('weighs notes by the claims that rest on them, and marks claims resting on one note', () => {
    const a = layout.notes.find((n) => n.id === 'a')!;
    expect(a).toMatchObject({ degree: 2, soleSourceOf: 1 });
    expect(a.r).toBeGreaterThan(layout.notes.find((n) => n.id === 'c')!.r);
    expect(layout.claims.map((c) => c.support)).toEqual(['none', 'single', 'several', 'single']);
  });

  it('ignores citations of notes it was not given', () => {
    const only = layoutEvidenceMap([{ id: 'x', text: 'X.', block: 0, notes: ['gone', 'a'] }], notes);
    expect(only.claims[0]!.notes).toEqual(['a']);
    expect(only.edges).toHaveLength(1);
  });

  it('is tall enough for both columns', () => {
    const many = layoutEvidenceMap([claims[1]!], Array.from({ length: 10 }, (_, i) => ({ id: `n${i}`, title: `N${i}?`, number: i + 1 })));
    expect(Math.max(...many.notes.map((n) => n.y + n.r))).toBeLessThanOrEqual(many.height);
    expect(Math.max(...layout.claims.map((c) => c.y))).toBeLessThan(layout.height);
  });
});

describe('summarizeEvidence', () => {
  it('counts claims, paragraphs, notes, citations, single-note and unsourced claims, and the most cited notes', () => {
    const summary = summarizeEvidence(layoutEvidenceMap(claims, notes));
    expect({ ...summary, mostCited: summary.mostCited.map((n) => n.id) }).toEqual({ claims: 4, paragraphs: 3, notes: 3, outsideClaims: 0, citations: 4, single: 2, none: 1, mostCited: ['a'] });
  });

  it('names no most cited note when every note is cited once', () => {
    expect(summarizeEvidence(layoutEvidenceMap([claims[1]!], notes)).mostCited).toEqual([]);
  });

  it('counts apart the notes the essay cites only outside its claims', () => {
    expect(summarizeEvidence(layoutEvidenceMap([claims[1]!], notes))).toMatchObject({ notes: 1, outsideClaims: 2 });
  });
});
