import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { MARKER, plainText, sentenceWithMarker, stripMarkers } from '../../src/markdown/plain-text.ts';
import type { CitationNode } from '../../src/markdown/mdast-nodes.ts';

const citation: CitationNode = { type: 'citation', children: [], data: { uses: [] } };

const tree: Root = {
  type: 'root',
  children: [
    { type: 'paragraph', children: [{ type: 'text', value: 'First   sentence ' }, citation, { type: 'text', value: '. Second ' }, { type: 'emphasis', children: [{ type: 'text', value: 'one' }] }, { type: 'text', value: '.' }] },
    { type: 'paragraph', children: [{ type: 'text', value: 'Next paragraph.' }] },
  ],
};

describe('plainText', () => {
  it('keeps paragraphs apart, folds spaces, and drops markers with the space before them', () => {
    expect(plainText(tree)).toBe('First sentence. Second one.\n\nNext paragraph.');
  });

  it('keeps markers when asked', () => {
    expect(plainText(tree, { keepMarkers: true })).toBe(`First sentence ${MARKER}. Second one.\n\nNext paragraph.`);
  });
});

describe('sentenceWithMarker', () => {
  it('returns the sentence that holds the n-th marker', () => {
    const text = `One claim ${MARKER}. Another claim ${MARKER} ${MARKER}. Done.`;
    expect(sentenceWithMarker(text, 0)).toBe('One claim.');
    expect(sentenceWithMarker(text, 1)).toBe('Another claim.');
    expect(sentenceWithMarker(text, 2)).toBe('Another claim.');
  });

  it('is not fooled by abbreviations such as "vs."', () => {
    const text = `Early vs. late training differ ${MARKER}.`;
    expect(sentenceWithMarker(text, 0)).toBe('Early vs. late training differ.');
  });
});

describe('stripMarkers', () => {
  it('removes a marker and the space before it', () => {
    expect(stripMarkers(`best ${MARKER}. So`)).toBe('best. So');
    expect(stripMarkers(`a ${MARKER} and b`)).toBe('a and b');
  });
});

