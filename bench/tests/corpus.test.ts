import { describe, expect, it } from 'vitest';
import { countWords, essayMdx, generateCorpus, noteMdx, NOTE_WORDS, NOTES_PER_ESSAY } from '../corpus.ts';
import { seededRandom } from '../random.ts';
import { findCitations } from '../../src/markdown/citation-syntax.ts';
import { splitFrontMatter } from '../../src/catalog/front-matter.ts';
import { CLAIM_ID, NOTE_SLUG, ESSAY_SLUG, slugProblem } from '../../src/catalog/slugs.ts';
import { essaySchema } from '../../src/catalog/schemas/essay.ts';
import { noteSchema } from '../../src/catalog/schemas/note.ts';

/** The bench's corpus generator: deterministic, and content the site accepts. */

const files = (size: number, seed?: number) => {
  const corpus = generateCorpus(size, seed);
  return [...corpus.notes.map(noteMdx), ...corpus.essays.map(essayMdx)];
};

describe('seededRandom', () => {
  it('gives the same sequence for the same seed, and another for another seed', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const c = seededRandom(8);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('generateCorpus', () => {
  const size = 260;
  const corpus = generateCorpus(size);
  const slugs = new Set(corpus.notes.map((n) => n.slug));

  it('writes identical files from the same seed, and different ones from another', () => {
    expect(files(60)).toEqual(files(60));
    expect(files(60, 1)).not.toEqual(files(60));
  });

  it(`makes N notes and one essay per ${NOTES_PER_ESSAY} notes`, () => {
    expect(corpus.notes).toHaveLength(size);
    expect(corpus.essays).toHaveLength(Math.ceil(size / NOTES_PER_ESSAY));
    expect(generateCorpus(1000).essays).toHaveLength(40);
  });

  it('gives each essay five paragraphs and twelve claims', () => {
    for (const essay of corpus.essays) {
      expect(essay.paragraphs).toHaveLength(5);
      expect(essay.paragraphs.flatMap((p) => p.claims)).toHaveLength(12);
    }
  });

  it('writes notes of about 150 words', () => {
    const words = corpus.notes.map((n) => countWords(n.body));
    expect(Math.min(...words)).toBeGreaterThanOrEqual(NOTE_WORDS.min);
    expect(Math.max(...words)).toBeLessThanOrEqual(NOTE_WORDS.max);
    const mean = words.reduce((a, b) => a + b, 0) / words.length;
    expect(mean).toBeGreaterThan(140);
    expect(mean).toBeLessThan(165);
  });

  it('gives notes and essays unique, valid slugs, and claims unique, valid ids', () => {
    expect(slugs.size).toBe(size);
    for (const slug of slugs) expect(slugProblem(slug, NOTE_SLUG)).toBeUndefined();
    const essaySlugs = corpus.essays.map((e) => e.slug);
    expect(new Set(essaySlugs).size).toBe(essaySlugs.length);
    for (const slug of essaySlugs) expect(slugProblem(slug, ESSAY_SLUG)).toBeUndefined();
    const claimIds = corpus.essays.flatMap((e) => e.paragraphs.flatMap((p) => p.claims.map((c) => c.id)));
    expect(new Set(claimIds).size).toBe(claimIds.length);
    for (const id of claimIds) expect(slugProblem(id, CLAIM_ID)).toBeUndefined();
  });

  it('cites only notes that exist, and cites every note', () => {
    const cited = new Set<string>();
    for (const essay of corpus.essays) {
      const tokens = findCitations(essayMdx(essay));
      expect(tokens.length).toBe(12);
      for (const token of tokens) {
        expect(token.problem).toBeUndefined();
        for (const key of token.keys) {
          expect(slugs.has(key.id), key.id).toBe(true);
          cited.add(key.id);
        }
      }
    }
    expect(cited.size).toBe(size);
  });

  it('writes front matter that the site\'s schemas accept', () => {
    for (const note of corpus.notes.slice(0, 80)) {
      const { data } = splitFrontMatter(noteMdx(note));
      expect(noteSchema.safeParse(data).error).toBeUndefined();
    }
    for (const essay of corpus.essays) {
      const { data } = splitFrontMatter(essayMdx(essay));
      expect(essaySchema.safeParse(data).error).toBeUndefined();
    }
  });

  it('writes no characters MDX would read as code', () => {
    for (const text of files(100)) {
      const body = splitFrontMatter(text).body.replace(/<\/?Claim[^>]*>/g, '');
      expect(body).not.toMatch(/[{}<>]/);
    }
  });
});
