/**
 * What the plugins learn about a document while they render it, handed to the
 * pages through Astro's `remarkPluginFrontmatter` (the `derived` key), like
 * Quartz's vfile DataMap: each plugin writes its own fields and reads others'
 * without changing them (remark-citations the citations, remark-claims the
 * claims and the text, rehype-page-outline the headings and each claim's section, from the ids the
 * page really has). The pages build the cross-links (sources lists,
 * "Cited in") from this, so nothing is parsed twice.
 */

export interface CitationUse {
  /** The cited note's id. */
  note: string;
  /** The note's number in this document: the order of first appearance, from 1. */
  number: number;
  /** 1 for the first time this document cites the note, 2 for the second… */
  occurrence: number;
  /** Id of the marker's link, the target of the sources list's back-links. */
  markerId: string;
  /** The sentence that carries the citation, as plain text (a claim's text stands in for it: see ClaimRecord.markers). */
  sentence: string;
  line: number;
  column: number;
}

export interface ClaimRecord {
  id: string;
  /** The claim's text without citation markers. */
  text: string;
  /** Cited notes, in order of appearance within the claim, without repeats. */
  notes: string[];
  /** Ids of the citation markers inside the claim: those citations land on the claim. */
  markers: string[];
  line: number;
  column: number;
  /** 0-based index of the top-level block (paragraph) the claim sits in. */
  block: number;
}

export interface HeadingRecord {
  depth: number;
  text: string;
  id: string;
  /** The heading's line and column in the author's file, for messages. */
  line?: number | undefined;
  column?: number | undefined;
}

export interface DerivedData {
  /** The document's file, relative to the project root, for messages. */
  file: string;
  citations: CitationUse[];
  claims: ClaimRecord[];
  /** The headings with the ids the page gives them (rehype-slug's). */
  headings: HeadingRecord[];
  /** For each claim under a "##" heading, that heading's id. */
  sections: Record<string, string>;
  /** The whole body as plain text, paragraphs separated by blank lines, markers left out. */
  text: string;
  /** An essay's top-level paragraphs: their anchors and the citation markers they hold. */
  paragraphs?: { id: string; markers?: string[] | undefined }[] | undefined;
}

export function emptyDerived(): DerivedData {
  return { file: '', citations: [], claims: [], headings: [], sections: {}, text: '' };
}

interface FileLike {
  data: Record<string, unknown>;
}

/** The derived data of a file being processed, created on first use, kept where Astro exports front matter. */
export function derivedOf(file: FileLike): DerivedData {
  const astro = (file.data['astro'] ??= {}) as { frontmatter?: Record<string, unknown> };
  const frontmatter = (astro.frontmatter ??= {});
  return (frontmatter['derived'] ??= emptyDerived()) as DerivedData;
}

/** Reads the derived data back from `remarkPluginFrontmatter`, tolerating its absence. */
export function readDerived(frontmatter: Record<string, unknown> | undefined): DerivedData {
  const derived = frontmatter?.['derived'] as DerivedData | undefined;
  return derived ?? emptyDerived();
}
