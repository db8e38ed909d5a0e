import { describe, expect, it } from 'vitest';
import type { CitableWork } from '../../src/site/citable-work.ts';
import { apaAlone, apaReferences, citationFormats, citationKey, cslItem, keptApaReferences, releaseApaEngine, type KeptReferences } from '../../src/formats/citation-formats.ts';

const essay: CitableWork = {
  kind: 'essay',
  id: 'prolonged-rl-training',
  title: 'How does prolonged RL training differ from standard RLVR approaches?',
  description: 'A standfirst.',
  url: 'https://example.org/explainers/essays/prolonged-rl-training/',
  publisher: 'Research Explainers',
  publisherUrl: 'https://example.org/explainers/',
  published: new Date('2026-11-29'),
  authors: [{ name: 'Ada Lovelace' }, { name: 'Research Explainers editors', organization: true }],
  papers: [],
  notes: [],
};

const claim: CitableWork = {
  ...essay,
  kind: 'claim',
  id: 'format-collapse-first-epoch',
  title: 'Format diversity collapses within the very first epoch — RL latches onto one “format”.',
  url: 'https://example.org/explainers/c/format-collapse-first-epoch/',
  partOf: { kind: 'essay', title: essay.title, url: essay.url },
};

describe('citationKey', () => {
  it('is the slug and year in characters every BibTeX tool accepts', () => {
    expect(citationKey(essay)).toBe('prolonged_rl_training_2026');
    expect(citationKey(claim)).toBe('claim_format_collapse_first_epoch_2026');
    expect(citationKey({ kind: 'note', id: 'a-note', published: undefined })).toBe('a_note');
  });
});

describe('cslItem', () => {
  it('describes an essay as a web page of the site, by its authors: a person by family and given names, a team whole', () => {
    const item = cslItem(essay);
    expect(item).toMatchObject({
      type: 'webpage',
      title: essay.title,
      'container-title': 'Research Explainers',
      publisher: 'Research Explainers',
      URL: essay.url,
      issued: { 'date-parts': [[2026, 11, 29]] },
    });
    expect(item.author).toEqual([{ family: 'Lovelace', given: 'Ada' }, { literal: 'Research Explainers editors' }]);
    expect(item.editor).toBeUndefined();
    expect(cslItem({ ...essay, editors: [{ name: 'Grace Hopper' }] }).editor).toEqual([{ family: 'Hopper', given: 'Grace' }]);
  });

  it('describes a claim as an entry in its essay, at its permanent link', () => {
    expect(cslItem(claim)).toMatchObject({ type: 'entry', 'container-title': essay.title, URL: claim.url });
  });

  it('leaves the date out when it is not known', () => {
    expect(cslItem({ ...essay, kind: 'note', published: undefined }).issued).toBeUndefined();
  });
});

describe('citationFormats', () => {
  it('writes an essay in APA style: the authors, the date, the title and the website', () => {
    expect(citationFormats(essay).apa).toBe(
      'Lovelace, A. & Research Explainers editors. (2026, November 29). How does prolonged RL training differ from standard RLVR approaches? Research Explainers. https://example.org/explainers/essays/prolonged-rl-training/',
    );
  });

  it('writes an undated note as "n.d.", with no "Retrieved" before the URL (there is no retrieval date to give)', () => {
    expect(citationFormats({ ...essay, kind: 'note', id: 'n', title: 'A question?', published: undefined, url: 'https://x.org/notes/n/' }).apa).toBe(
      'Lovelace, A. & Research Explainers editors. (n.d.). A question? Research Explainers. https://x.org/notes/n/',
    );
  });

  it('writes BibTeX with the key, the publisher and the URL, escaping what BibTeX needs escaped', () => {
    const { bibtex, key } = citationFormats(claim);
    expect(key).toBe('claim_format_collapse_first_epoch_2026');
    expect(bibtex.startsWith('@misc{claim_format_collapse_first_epoch_2026,')).toBe(true);
    expect(bibtex).toContain('publisher = {Research Explainers}');
    expect(bibtex).toContain('url = {https://example.org/explainers/c/format-collapse-first-epoch/}');
    expect(bibtex).toContain('year = {2026}');
    expect(bibtex).toContain('---'); // the em dash, as BibTeX writes it
    expect(bibtex).toContain('author = {Lovelace, Ada and {Research Explainers editors}}');
  });

  it('gives the claim its permalink and its essay in APA', () => {
    const { apa } = citationFormats(claim);
    expect(apa).toContain(`In ${essay.title}`);
    expect(apa).toContain('Research Explainers');
    expect(apa.endsWith(claim.url)).toBe(true);
  });

  it('gives CSL-JSON that parses back to the item', () => {
    const parsed = JSON.parse(citationFormats(essay).cslJson) as unknown[];
    expect(parsed).toEqual([JSON.parse(JSON.stringify(cslItem(essay)))]);
  });
});

describe('a claim in BibTeX', () => {
  it('names the essay it is part of in a note', () => {
    expect(citationFormats(claim).bibtex).toContain(`note = {A claim in the essay \`\`${essay.title}''}`);
  });
});

describe('apaReferences', () => {
  it('formats many works in one run, in their order, as each would be alone', () => {
    const works = [essay, { ...essay, id: 'other', title: 'Another question?', url: 'https://x.org/essays/other/' }];
    expect(apaReferences(works)).toEqual(works.map((w) => citationFormats(w).apa));
    expect(apaReferences([])).toEqual([]);
  });

  it('formats the same after the build lets go of the APA engine (citation-js makes a new one)', () => {
    const works = [essay, { ...essay, id: 'other', title: 'Another question?', url: 'https://x.org/essays/other/' }];
    const before = apaReferences(works);
    releaseApaEngine();
    expect(apaReferences(works)).toEqual(before);
  });
});

describe('keptApaReferences', () => {
  const works = [essay, { ...essay, id: 'other', title: 'Another question?', url: 'https://x.org/essays/other/' }];
  const marks = (kept: KeptReferences) => ({ ...kept, references: Object.fromEntries(Object.keys(kept.references).map((k, i) => [k, `kept ${i + 1}`])) });

  it('formats the works when nothing is kept, and keeps each one\'s reference by a hash of it', async () => {
    const batch = keptApaReferences(works, undefined);
    expect(batch.made).toBe(2);
    const { references, kept } = await batch.done;
    expect(references).toEqual(apaReferences(works));
    expect(await Promise.all(batch.references)).toEqual(references);
    expect(Object.keys(kept.references)).toHaveLength(2);
    for (const key of Object.keys(kept.references)) expect(key).toMatch(/^[0-9a-f]{32}$/);
  });

  it('reuses what was kept for the very same works', async () => {
    const { kept } = await keptApaReferences(works, undefined).done;
    // Not what the CSL processor would write: shows the kept references were used as they are.
    const marked = marks(kept);
    const batch = keptApaReferences(works, marked, () => Promise.reject(new Error('nothing should be formatted')));
    expect(batch.made).toBe(0);
    expect(await batch.done).toEqual({ references: ['kept 1', 'kept 2'], kept: marked });
  });

  it('formats again only the works that would read differently, and forgets the works that are gone', async () => {
    const marked = marks((await keptApaReferences(works, undefined).done).kept);
    const retitled = [works[0]!, { ...works[1]!, title: 'A third question?' }];
    const again = keptApaReferences(retitled, marked);
    expect(again.made).toBe(1);
    const { references, kept } = await again.done;
    expect(references[0]).toBe('kept 1');
    expect(references[1]).toMatch(/\(2026, November 29\)\. A third question\?/);
    expect(Object.values(kept.references)).toEqual(['kept 1', references[1]]);
    // Another engine's references are not used.
    expect(keptApaReferences(works, { ...marked, engine: 'another' }).made).toBe(2);
    // A note's summary is not part of its reference: a change to it keeps the reference.
    expect(keptApaReferences([{ ...works[0]!, description: 'Changed.' }, works[1]!], marked).made).toBe(0);
  });

  it('formats the missing works in chunks, in their order, each reference ready with its chunk', async () => {
    const many = Array.from({ length: 5 }, (_, i) => ({ ...essay, id: `w${i}`, title: `Question ${i}?`, url: `https://x.org/essays/w${i}/` }));
    const asked: string[][] = [];
    let releaseSecond: () => void = () => {};
    const secondHeld = new Promise<void>((resolve) => (releaseSecond = resolve));
    const batch = keptApaReferences(many, undefined, async (items) => {
      asked.push(items.map((item) => String(item.title)));
      if (asked.length === 2) await secondHeld;
      return items.map((item) => `ref ${String(item.title)}`);
    }, 2);
    expect(asked).toEqual([['Question 0?', 'Question 1?'], ['Question 2?', 'Question 3?'], ['Question 4?']]);
    // The first chunk's references are ready while the second's formatter has not answered.
    expect(await batch.references[1]).toBe('ref Question 1?');
    expect(await batch.references[4]).toBe('ref Question 4?');
    releaseSecond();
    expect((await batch.done).references).toEqual(many.map((w) => `ref ${w.title}`));
  });

  it('formats with APA less its disambiguation and its bibliography\'s sort, and says so when the style changes', () => {
    const style = '<style><citation disambiguate-add-givenname="true" disambiguate-add-names="true" disambiguate-add-year-suffix="true"><sort><key macro="a"/></sort></citation><bibliography><sort><key macro="b"/></sort><layout/></bibliography></style>';
    expect(apaAlone(style)).toBe('<style><citation disambiguate-add-givenname="false" disambiguate-add-names="false" disambiguate-add-year-suffix="false"><sort><key macro="a"/></sort></citation><bibliography><layout/></bibliography></style>');
    expect(() => apaAlone(style.replace('<bibliography>', '<bibliography><sort></sort>'))).toThrow(/APA style has changed/);
    expect(() => apaAlone(style.replace('<citation ', '<citation disambiguate-add-something="true" '))).toThrow(/APA style has changed/);
    // Two works by the same authors in the same year, each read as it would alone.
    for (const reference of apaReferences(works)) expect(reference).not.toMatch(/2026[a-z]/);
    // Works whose authors share a family name, or share some authors: in one batch, each reads as it does alone.
    const authors = [[{ name: 'Jane Doe' }], [{ name: 'Adam Doe' }], [{ name: 'Jane Doe' }, { name: 'Ann Roe' }, { name: 'Bo Poe' }], [{ name: 'Jane Doe' }, { name: 'Ann Roe' }, { name: 'Cy Loe' }]];
    const batch = authors.map((people, i) => ({ ...essay, id: `w${i}`, title: `Question ${i}?`, url: `https://x.org/essays/w${i}/`, authors: people }));
    expect(apaReferences(batch)).toEqual(batch.map((work) => apaReferences([work])[0]));
    expect(apaReferences(batch)[1]).toMatch(/^Doe, A\. \(2026, November 29\)\. Question 1\?/);
  });
});
