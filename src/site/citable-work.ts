import type { Contributor } from '../catalog/site-config.ts';
import type { PaperLike } from './papers.ts';

/**
 * A page someone may cite (an essay, a note, or a claim's share page),
 * described once so that "Cite this", the Highwire Press tags and the
 * schema.org data all say the same thing. Its authors are its essay's (front
 * matter), or the site's (site.config.ts); the site is its publisher.
 */
export interface CitableWork {
  kind: 'essay' | 'note' | 'claim';
  /** The essay's or note's slug, or the claim's id. */
  id: string;
  /** The title, or for a claim its text. */
  title: string;
  /** One or two sentences: the standfirst, the summary, or for a claim where it comes from. */
  description: string;
  /** Absolute URL of the page; for a claim, its permanent link (/c/<id>/). */
  url: string;
  /** Who wrote it: at least one. */
  authors: readonly Contributor[];
  /** Who edits the site, if named. */
  editors?: readonly Contributor[] | undefined;
  /** The name of the site that publishes it. */
  publisher: string;
  /** The site's home page, absolute. */
  publisherUrl: string;
  /** When it was first published, if known. */
  published?: Date | undefined;
  /** When it was last revised, if it was. */
  updated?: Date | undefined;
  /** For a claim: the essay or note it is part of. */
  partOf?: { kind: 'essay' | 'note'; title: string; url: string } | undefined;
  /** The papers it rests on, directly (a note) or through its notes (an essay, a claim). */
  papers: readonly PaperLike[];
  /** The notes it cites (an essay, a claim), absolute URLs. */
  notes: readonly { title: string; url: string; papers: readonly PaperLike[] }[];
  /**
   * For one recorded wording of a claim (/c/<id>/<n>/): its number and the
   * claim's latest address, absolute. `url` is then the revision's own page
   * and `published` the day it was published.
   */
  revision?: { number: number; of: string } | undefined;
  /** For a claim at its latest address: its recorded wordings, oldest first, each with its own page (absolute). */
  wordings?: readonly { number: number; url: string; date: Date }[] | undefined;
}

/** The papers behind a list of notes, each once, in the order the notes give them. */
export function papersOf(notes: readonly { papers: readonly PaperLike[] }[]): PaperLike[] {
  const seen = new Set<string>();
  const papers: PaperLike[] = [];
  for (const note of notes) {
    for (const paper of note.papers) {
      if (seen.has(paper.arxiv)) continue;
      seen.add(paper.arxiv);
      papers.push(paper);
    }
  }
  return papers;
}

/**
 * When a note was published. Notes carry no date of their own; a note goes
 * public with the first essay that cites it, so that essay's date is the
 * earliest date the note is known to have been on the site. A note that no
 * essay cites has no known date, and its citation says so ("n.d.").
 */
export function noteDate(noteId: string, essays: readonly { published: Date; notes: readonly string[] }[]): Date | undefined {
  let earliest: Date | undefined;
  for (const essay of essays) {
    if (!essay.notes.includes(noteId)) continue;
    if (!earliest || essay.published < earliest) earliest = essay.published;
  }
  return earliest;
}
