import { describe, expect, it } from 'vitest';
import type { CitableWork } from '../../src/site/citable-work.ts';
import { citationReference, highwireDate, highwireTags, jsonLdText, paperJsonLd, workJsonLd } from '../../src/formats/scholarly-metadata.ts';

const zhao = { title: 'Echo Chamber: RL Post-training Amplifies Behaviors; Learned in Pretraining', firstAuthor: 'Rosie Zhao', year: 2025, arxiv: '2504.07912' };
const mukherjee = { title: 'RL Finetunes Small Subnetworks', firstAuthor: 'Sagnik Mukherjee', year: 2025, arxiv: '2505.11711' };

const essay: CitableWork = {
  kind: 'essay',
  id: 'e',
  title: 'How does it differ?',
  description: 'A standfirst.',
  url: 'https://x.org/base/essays/e/',
  publisher: 'Research Explainers',
  publisherUrl: 'https://x.org/base/',
  published: new Date('2026-11-29'),
  updated: new Date('2026-12-03'),
  authors: [{ name: 'Ada Lovelace', orcid: '0000-0002-1825-0097' }, { name: 'Research Explainers editors', organization: true }],
  papers: [zhao, mukherjee],
  notes: [
    { title: 'Does format collapse?', url: 'https://x.org/base/notes/a/', papers: [zhao] },
    { title: 'Few parameters?', url: 'https://x.org/base/notes/b/', papers: [mukherjee] },
  ],
};

describe('highwireDate', () => {
  it('writes YYYY/MM/DD in UTC', () => {
    expect(highwireDate(new Date('2026-01-05'))).toBe('2026/01/05');
  });
});

describe('citationReference', () => {
  it('writes the paper as citation_* fields, keeping ";" out of values', () => {
    expect(citationReference(zhao)).toBe(
      'citation_title=Echo Chamber: RL Post-training Amplifies Behaviors, Learned in Pretraining; citation_author=Rosie Zhao; ' +
        'citation_publication_date=2025; citation_arxiv_id=2504.07912; citation_public_url=https://arxiv.org/abs/2504.07912',
    );
  });
});

describe('highwireTags', () => {
  it('gives title, authors (family name first, with the ORCID iD), publisher, date, URL and a reference per paper', () => {
    const tags = highwireTags(essay);
    const value = (name: string) => tags.filter((t) => t.name === name).map((t) => t.content);
    expect(value('citation_title')).toEqual(['How does it differ?']);
    expect(value('citation_publisher')).toEqual(['Research Explainers']);
    expect(value('citation_publication_date')).toEqual(['2026/11/29']);
    expect(value('citation_public_url')).toEqual(['https://x.org/base/essays/e/']);
    expect(value('citation_reference')).toHaveLength(2);
    expect(value('citation_author')).toEqual(['Lovelace, Ada', 'Research Explainers editors']);
    expect(value('citation_author_orcid')).toEqual(['https://orcid.org/0000-0002-1825-0097']);
    // Each ORCID iD right after its author, as Highwire pairs them.
    expect(tags.map((t) => t.name).slice(1, 4)).toEqual(['citation_author', 'citation_author_orcid', 'citation_author']);
  });

  it('leaves the date out when it is not known', () => {
    expect(highwireTags({ ...essay, published: undefined }).some((t) => t.name === 'citation_publication_date')).toBe(false);
  });
});

describe('workJsonLd', () => {
  it('makes an essay a ScholarlyArticle citing its notes, published by the site', () => {
    expect(workJsonLd(essay)).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ScholarlyArticle',
      headline: 'How does it differ?',
      url: 'https://x.org/base/essays/e/',
      datePublished: '2026-11-29',
      dateModified: '2026-12-03',
      publisher: { '@type': 'Organization', name: 'Research Explainers', url: 'https://x.org/base/' },
      citation: [
        { '@type': 'ScholarlyArticle', name: 'Does format collapse?', url: 'https://x.org/base/notes/a/', isBasedOn: [{ '@type': 'ScholarlyArticle', '@id': 'https://arxiv.org/abs/2504.07912', name: zhao.title }] },
        { name: 'Few parameters?' },
      ],
    });
    expect(workJsonLd(essay)).toMatchObject({
      author: [
        { '@type': 'Person', name: 'Ada Lovelace', '@id': 'https://orcid.org/0000-0002-1825-0097' },
        { '@type': 'Organization', name: 'Research Explainers editors' },
      ],
    });
    expect(workJsonLd(essay)).not.toHaveProperty('editor');
  });

  it('makes a note a ScholarlyArticle about and based on its papers', () => {
    const note = workJsonLd({ ...essay, kind: 'note', papers: [zhao], notes: [] });
    expect(note).toMatchObject({
      '@type': 'ScholarlyArticle',
      isBasedOn: [paperJsonLd(zhao)],
      about: [{ '@id': 'https://arxiv.org/abs/2504.07912' }],
      citation: [{ '@id': 'https://arxiv.org/abs/2504.07912' }],
    });
  });

  it('makes a claim a Claim that appears in its essay and rests on its notes', () => {
    const claim = workJsonLd({ ...essay, kind: 'claim', title: 'RL narrows.', url: 'https://x.org/base/c/narrows/', partOf: { kind: 'essay', title: 'How does it differ?', url: 'https://x.org/base/essays/e/' } });
    expect(claim).toMatchObject({
      '@type': 'Claim',
      text: 'RL narrows.',
      url: 'https://x.org/base/c/narrows/',
      appearance: { '@type': 'ScholarlyArticle', url: 'https://x.org/base/essays/e/' },
      isBasedOn: [{ url: 'https://x.org/base/notes/a/' }, { url: 'https://x.org/base/notes/b/' }],
    });
  });
});

describe('paperJsonLd', () => {
  it('names the first author and credits the rest with "et al."', () => {
    expect(paperJsonLd(zhao)).toMatchObject({ author: { '@type': 'Person', name: 'Rosie Zhao' }, creditText: 'Rosie Zhao et al.', datePublished: '2025', url: 'https://arxiv.org/abs/2504.07912' });
  });
});

describe('jsonLdText', () => {
  it('cannot close its script element', () => {
    const text = jsonLdText({ name: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual({ name: '</script><script>alert(1)</script>' });
  });
});
