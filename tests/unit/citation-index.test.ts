import { describe, expect, it } from 'vitest';
import { backrefLabel, citingPlaces, outsideClaimWarnings, sourcesOf, uncitedNotes, type DocumentRef } from '../../src/site/citation-index.ts';
import type { CitationUse, ClaimRecord } from '../../src/markdown/derived.ts';

function use(note: string, number: number, occurrence: number): CitationUse {
  return { note, number, occurrence, markerId: `cite-${note}-${occurrence}`, sentence: `About ${note}.`, line: 1, column: 1 };
}

/** A claim around the given citation markers. */
function claim(id: string, markers: string[]): ClaimRecord {
  return { id, text: `Claim ${id}.`, notes: [], markers, line: 1, column: 1, block: 0 };
}

const essay: DocumentRef = { kind: 'essay', id: 'e', title: 'E?', url: '/essays/e/', file: 'content/essays/e.mdx' };

describe('sourcesOf', () => {
  it('lists each note once, in number order, with a back-link per citation', () => {
    const sources = sourcesOf([use('b', 1, 1), use('a', 2, 1), use('b', 1, 2)]);
    expect(sources).toEqual([
      { note: 'b', number: 1, backrefs: [{ markerId: 'cite-b-1', label: 'a' }, { markerId: 'cite-b-2', label: 'b' }] },
      { note: 'a', number: 2, backrefs: [{ markerId: 'cite-a-1', label: 'a' }] },
    ]);
  });
});

describe('backrefLabel', () => {
  it('counts a…z then aa, ab as Wikipedia does', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(backrefLabel)).toEqual(['a', 'b', 'z', 'aa', 'ab', 'az', 'ba']);
  });
});

describe('citingPlaces', () => {
  it('links to the claim when there is one (quoting it), else to the paragraph, and to the marker only when neither is known', () => {
    const paragraphs = [{ id: 'paragraph-2', markers: ['cite-a-2'] }];
    const places = citingPlaces([{ doc: essay, citations: [use('a', 1, 1), use('a', 1, 2), use('a', 1, 3)], claims: [claim('claim-x', ['cite-a-1'])], paragraphs }]);
    expect(places.get('a')?.map((p) => [p.anchor, p.claim, p.sentence])).toEqual([['claim-x', 'claim-x', 'Claim claim-x.'], ['paragraph-2', undefined, 'About a.'], ['cite-a-3', undefined, 'About a.']]);
  });

  it('links to the marker when the document has no paragraph anchors (quoting its sentence)', () => {
    const places = citingPlaces([{ doc: essay, citations: [use('a', 1, 1), use('a', 1, 2)], claims: [claim('claim-x', ['cite-a-1'])] }]);
    expect(places.get('a')?.map((p) => [p.anchor, p.claim, p.sentence])).toEqual([['claim-x', 'claim-x', 'Claim claim-x.'], ['cite-a-2', undefined, 'About a.']]);
  });

  it('lists a claim that cites a note twice once', () => {
    const places = citingPlaces([{ doc: essay, citations: [use('a', 1, 1), use('a', 1, 2)], claims: [claim('claim-x', ['cite-a-1', 'cite-a-2'])] }]);
    expect(places.get('a')).toHaveLength(1);
  });
});

describe('outsideClaimWarnings', () => {
  it('warns about each citation outside any claim, at its line and column', () => {
    const outside = { ...use('b', 2, 1), line: 9, column: 42 };
    expect(outsideClaimWarnings({ doc: essay, citations: [use('a', 1, 1), outside], claims: [claim('claim-x', ['cite-a-1'])] })).toEqual([
      'content/essays/e.mdx:9:42: The citation [@b] is outside any <Claim>, so the note\'s "Cited in" links to its paragraph, whose anchor moves when paragraphs are added above it. Wrap the sentence in <Claim id="…">…</Claim> to give it a permanent link.',
    ]);
  });
});

describe('uncitedNotes', () => {
  it('names the notes no essay cites', () => {
    const note: DocumentRef = { ...essay, kind: 'note', id: 'n' };
    const places = citingPlaces([
      { doc: essay, citations: [use('a', 1, 1)], claims: [] },
      { doc: note, citations: [use('b', 1, 1)], claims: [] },
    ]);
    expect(uncitedNotes(['a', 'b', 'c'], places)).toEqual(['b', 'c']);
  });
});
