/**
 * What reference managers and search engines read from a page's head: the
 * Highwire Press `citation_*` tags (Zotero's "Embedded Metadata" translator,
 * Google Scholar) and schema.org JSON-LD. Both are built from one
 * CitableWork, so they agree with "Cite this" and with each other.
 */
import type { CitableWork } from '../site/citable-work.ts';
import { arxivUrl, authorLine, type PaperLike } from '../site/papers.ts';
import { SITE_LANGUAGE } from '../site/identity.ts';
import { invertedName, orcidUrl, type Contributor } from '../catalog/site-config.ts';

export interface MetaTag {
  name: string;
  content: string;
}

/** "2026/11/29": the form Google Scholar's inclusion guidelines ask for; Zotero reads it too. */
export function highwireDate(date: Date): string {
  return date.toISOString().slice(0, 10).replaceAll('-', '/');
}

/**
 * A cited paper in Google Scholar's `citation_reference` form: the paper's own
 * `citation_*` fields, separated by "; ". A value may not hold ";", which
 * would end the field, so it becomes ",".
 */
export function citationReference(paper: PaperLike): string {
  const clean = (value: string) => value.replaceAll(';', ',').replace(/\s+/g, ' ').trim();
  return [
    `citation_title=${clean(paper.title)}`,
    `citation_author=${clean(paper.firstAuthor)}`,
    `citation_publication_date=${paper.year}`,
    `citation_arxiv_id=${paper.arxiv}`,
    `citation_public_url=${arxivUrl(paper)}`,
  ].join('; ');
}

/**
 * The Highwire Press tags of a work: what Google Scholar requires (title,
 * authors, date, on the page with the full text) and Zotero reads. Authors
 * are written "Family, Given", which neither can misread, each followed by
 * its ORCID iD when known. A website is not a journal, so there is no
 * `citation_journal_title`.
 */
export function highwireTags(work: CitableWork): MetaTag[] {
  const tags: MetaTag[] = [{ name: 'citation_title', content: work.title }];
  for (const author of work.authors) {
    tags.push({ name: 'citation_author', content: invertedName(author) });
    if (author.orcid) tags.push({ name: 'citation_author_orcid', content: orcidUrl(author.orcid) });
  }
  tags.push({ name: 'citation_publisher', content: work.publisher });
  if (work.published) tags.push({ name: 'citation_publication_date', content: highwireDate(work.published) });
  tags.push({ name: 'citation_public_url', content: work.url });
  tags.push({ name: 'citation_language', content: SITE_LANGUAGE });
  for (const paper of work.papers) tags.push({ name: 'citation_reference', content: citationReference(paper) });
  return tags;
}

type JsonLd = Record<string, unknown>;

/** A paper as schema.org knows it. Only its first author is known, so `creditText` says "et al.". */
export function paperJsonLd(paper: PaperLike): JsonLd {
  return {
    '@type': 'ScholarlyArticle',
    '@id': arxivUrl(paper),
    name: paper.title,
    author: { '@type': 'Person', name: paper.firstAuthor },
    creditText: authorLine(paper),
    datePublished: String(paper.year),
    url: arxivUrl(paper),
    identifier: { '@type': 'PropertyValue', propertyID: 'arXiv', value: paper.arxiv },
  };
}

/** A contributor as schema.org knows it: a Person (with the ORCID iD as its @id) or an Organization. */
export function contributorJsonLd(person: Contributor): JsonLd {
  if (person.organization) return { '@type': 'Organization', name: person.name };
  return { '@type': 'Person', name: person.name, ...(person.orcid ? { '@id': orcidUrl(person.orcid), sameAs: orcidUrl(person.orcid) } : {}) };
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * schema.org data for a work:
 * - an essay is a ScholarlyArticle whose `citation` lists the notes it cites,
 *   each with the papers it is based on;
 * - a note is a ScholarlyArticle `about` and `isBasedOn` its papers (a
 *   Review would claim an evaluation, and search engines expect a rating on
 *   one; a note summarises), citing them;
 * - a claim is a Claim (schema.org's type for a statement made in a work),
 *   whose `appearance` is its essay and which `isBasedOn` the notes it cites;
 * - one recorded wording of a claim is a Claim too, with its `version` number,
 *   an `exampleOfWork` of the claim at its latest address (schema.org's
 *   relation of an edition to its work), which lists them as `workExample`s.
 */
export function workJsonLd(work: CitableWork): JsonLd {
  const publisher = { '@type': 'Organization', name: work.publisher, url: work.publisherUrl };
  const people: JsonLd = { author: work.authors.map(contributorJsonLd) };
  if (work.editors && work.editors.length > 0) people['editor'] = work.editors.map(contributorJsonLd);
  const dates: JsonLd = {};
  if (work.published) dates['datePublished'] = isoDay(work.published);
  if (work.updated) dates['dateModified'] = isoDay(work.updated);
  // A cited note names its papers by @id (their arXiv page) and title; the
  // note's own page describes them in full.
  const noteRefs = work.notes.map((note) => ({
    '@type': 'ScholarlyArticle',
    name: note.title,
    url: note.url,
    isBasedOn: note.papers.map((p) => ({ '@type': 'ScholarlyArticle', '@id': arxivUrl(p), name: p.title })),
  }));

  if (work.kind === 'claim') {
    const appearance = work.partOf ? { '@type': 'ScholarlyArticle', name: work.partOf.title, url: work.partOf.url } : undefined;
    return {
      '@context': 'https://schema.org',
      '@type': 'Claim',
      '@id': work.url,
      url: work.url,
      text: work.title,
      name: work.title,
      ...dates,
      ...people,
      publisher,
      ...(appearance ? { appearance, firstAppearance: appearance } : {}),
      // A claim that cites no note rests on nothing the page can name: no empty list.
      ...(noteRefs.length > 0 ? { isBasedOn: noteRefs } : {}),
      ...(work.revision ? { version: work.revision.number, exampleOfWork: { '@type': 'Claim', '@id': work.revision.of, url: work.revision.of } } : {}),
      // Its wordings, the other way round: each an example of this claim.
      ...(work.wordings && work.wordings.length > 0 ? { workExample: work.wordings.map((w) => ({ '@type': 'Claim', '@id': w.url, url: w.url, version: w.number, datePublished: isoDay(w.date) })) } : {}),
    };
  }

  const article: JsonLd = {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    '@id': work.url,
    url: work.url,
    mainEntityOfPage: work.url,
    headline: work.title,
    name: work.title,
    description: work.description,
    inLanguage: SITE_LANGUAGE,
    ...dates,
    ...people,
    publisher,
    isPartOf: { '@type': 'WebSite', name: work.publisher, url: work.publisherUrl },
  };
  if (work.kind === 'essay') {
    article['citation'] = noteRefs;
  } else {
    // Each paper is described once; `about` and `citation` point at it by its @id.
    article['isBasedOn'] = work.papers.map(paperJsonLd);
    article['about'] = work.papers.map((p) => ({ '@id': arxivUrl(p) }));
    article['citation'] = work.papers.map((p) => ({ '@id': arxivUrl(p) }));
  }
  return article;
}

/**
 * JSON for a `<script type="application/ld+json">` element: "<" is written
 * as \u003c, so no text in the data can close the element.
 */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
