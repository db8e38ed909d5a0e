import type { ClaimView, Corpus, EssayView, NoteView } from './corpus.ts';
import type { RevisionView } from './claim-history.ts';
import { noteDate, papersOf, type CitableWork } from './citable-work.ts';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { apaReferences, keptApaReferences, releaseApaEngine, type KeptReferences } from '../formats/citation-formats.ts';
import { buildContext } from '../catalog/build-context.ts';
import type { Contributor } from '../catalog/site-config.ts';
import { SITE_AUTHORS, SITE_EDITORS, SITE_NAME } from './identity.ts';
import { CACHE_DIR } from './settings.ts';
import { absoluteUrl } from './urls.ts';

/**
 * The essay, note or claim of a page as a CitableWork, with absolute URLs
 * from the site's origin (SITE_ORIGIN) and its base path (corpus.urls).
 */

function noteRef(note: NoteView, origin: string) {
  return { title: note.entry.data.title, url: absoluteUrl(origin, note.ref.url), papers: note.entry.data.papers };
}

/** The date of a note: that of the first essay to cite it (see noteDate). */
export function noteWorkDate(note: NoteView, corpus: Corpus): Date | undefined {
  return noteDate(note.entry.id, corpus.essays.map((e) => ({ published: e.entry.data.published, notes: e.sources.map((s) => s.note) })));
}

function base(corpus: Corpus, origin: string) {
  return { publisher: SITE_NAME, publisherUrl: absoluteUrl(origin, corpus.urls.home), editors: SITE_EDITORS };
}

/** An essay's authors: those its front matter names, or the site's. */
export function essayAuthors(essay: EssayView): readonly Contributor[] {
  return essay.entry.data.authors ?? SITE_AUTHORS;
}

/** A note's authors: those of the first essay to cite it (the one that dates it, see noteDate), or the site's. */
export function noteAuthors(note: NoteView, corpus: Corpus): readonly Contributor[] {
  const citing = corpus.essays.filter((e) => e.sources.some((s) => s.note === note.entry.id));
  const first = citing.sort((a, b) => a.entry.data.published.getTime() - b.entry.data.published.getTime())[0];
  return first ? essayAuthors(first) : SITE_AUTHORS;
}

export function essayWork(essay: EssayView, corpus: Corpus, origin: string): CitableWork {
  const notes = essay.sources.map((s) => noteRef(corpus.note(s.note), origin));
  return {
    kind: 'essay',
    id: essay.entry.id,
    title: essay.entry.data.title,
    description: essay.entry.data.standfirst,
    url: absoluteUrl(origin, essay.ref.url),
    authors: essayAuthors(essay),
    ...base(corpus, origin),
    published: essay.entry.data.published,
    updated: essay.entry.data.updated,
    papers: papersOf(notes),
    notes,
  };
}

export function noteWork(note: NoteView, corpus: Corpus, origin: string): CitableWork {
  return {
    kind: 'note',
    id: note.entry.id,
    title: note.entry.data.title,
    description: note.summary,
    url: absoluteUrl(origin, note.ref.url),
    authors: noteAuthors(note, corpus),
    ...base(corpus, origin),
    published: noteWorkDate(note, corpus),
    papers: note.entry.data.papers,
    notes: [],
  };
}

export function claimWork(view: ClaimView, corpus: Corpus, origin: string): CitableWork {
  const { claim, home } = view;
  const notes = view.sources.map((s) => noteRef(s.note, origin));
  const dated = home.ref.kind === 'essay' ? (home as EssayView).entry.data : undefined;
  const wordings = corpus.revisions.filter((r) => r.id === claim.id);
  // A citation dates the words it quotes: once a claim has been reworded, its latest address shows the words
  // of its latest wording, so that is the day cited (APA, BibTeX, Scholar's citation_publication_date, JSON-LD).
  const reworded = wordings.length > 1 ? new Date(wordings.at(-1)!.revision.date) : undefined;
  return {
    kind: 'claim',
    id: claim.id,
    title: claim.text,
    description: home.ref.title,
    url: absoluteUrl(origin, corpus.urls.claim(claim.id)),
    authors: home.ref.kind === 'essay' ? essayAuthors(home as EssayView) : noteAuthors(home as NoteView, corpus),
    ...base(corpus, origin),
    published: reworded ?? (dated ? dated.published : noteWorkDate(home as NoteView, corpus)),
    updated: reworded ? undefined : dated?.updated,
    partOf: { kind: home.ref.kind, title: home.ref.title, url: absoluteUrl(origin, home.ref.url) },
    papers: papersOf(notes),
    notes,
    wordings: wordings.map((r) => ({ number: r.n, url: absoluteUrl(origin, r.url), date: new Date(r.revision.date) })),
  };
}

/**
 * One recorded wording of a claim, cited as itself: its own address, the day
 * it was published, the notes it cited then (a note that is gone is left
 * out), and which claim it is a version of. Its authors and essay are those
 * of the document the id was published in, where that still exists.
 */
export function revisionWork(view: RevisionView, corpus: Corpus, origin: string): CitableWork {
  const [kind, slug] = view.doc.split('/') as ['essays' | 'notes', string];
  const essay = kind === 'essays' ? corpus.essays.find((e) => e.entry.id === slug) : undefined;
  const note = kind === 'notes' ? corpus.notes.find((n) => n.entry.id === slug) : undefined;
  const home = essay ?? note;
  const notes = view.sources.flatMap((s) => (s.url ? [noteRef(corpus.note(s.slug), origin)] : []));
  return {
    kind: 'claim',
    id: view.id,
    title: view.revision.text,
    description: home?.ref.title ?? SITE_NAME,
    url: absoluteUrl(origin, view.url),
    authors: essay ? essayAuthors(essay) : note ? noteAuthors(note, corpus) : SITE_AUTHORS,
    ...base(corpus, origin),
    published: new Date(view.revision.date),
    partOf: home && { kind: home.ref.kind, title: home.ref.title, url: absoluteUrl(origin, home.ref.url) },
    papers: papersOf(notes),
    notes,
    revision: { number: view.n, of: absoluteUrl(origin, view.claimUrl) },
  };
}

/**
 * A work's APA reference. Every work of the site (essays, notes, claims and
 * their recorded wordings) is sent to be formatted the first time one is asked
 * for, in chunks, in the order Astro renders their pages (the claims' routes
 * come first), so that each page finds its own ready or nearly so: a worker
 * thread formats them (src/integrations/apa-references/) while the pages
 * render. Each work's reference is kept in Astro's cache folder for the next
 * build, which formats only the works whose reference would read differently.
 * The dev server formats each page's own when the page is asked for.
 */
export async function apaReference(work: CitableWork, corpus: Corpus, origin: string): Promise<string> {
  // The dev server renders one page at a time, each worked out again after an edit: its own work's reference only
  // (about 8 ms; the batch took the first page seconds, and held up the first edit).
  const context = buildContext();
  if (context.devServer) return apaReferences([work])[0]!;
  const byUrl = context.memo(`apa ${origin}`, () => {
    const works = [
      ...corpus.revisions.map((r) => revisionWork(r, corpus, origin)),
      ...corpus.claims.map((c) => claimWork(c, corpus, origin)),
      ...corpus.essays.map((e) => essayWork(e, corpus, origin)),
      ...corpus.notes.map((n) => noteWork(n, corpus, origin)),
    ];
    const file = join(CACHE_DIR, 'apa-references.json');
    const before = readKept(file);
    const batch = keptApaReferences(works, before, context.apa?.format);
    batch.done.then(({ kept }) => {
      try {
        if (batch.made > 0 || Object.keys(kept.references).length !== Object.keys(before?.references ?? {}).length) {
          mkdirSync(dirname(file), { recursive: true });
          // Whole or not at all: another build may be reading it.
          writeFileSync(`${file}.${process.pid}`, JSON.stringify(kept));
          renameSync(`${file}.${process.pid}`, file);
        }
      } catch (error) {
        context.warnOnce(`Could not keep the APA references for the next build in ${file}: ${(error as Error).message}. The next build formats them all again.`);
      }
      // A build makes its batch once.
      if (context.apa) context.apa.release();
      else if (batch.made > 0) releaseApaEngine();
    }, () => {
      // A reference that could not be made fails the page that shows it, with the processor's message.
    });
    return new Map(works.map((w, i) => [w.url, batch.references[i]!]));
  });
  return (await byUrl.get(work.url)) ?? apaReferences([work])[0]!;
}

/** The references kept by the last build, if there are any to read. */
function readKept(file: string): KeptReferences | undefined {
  try {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as Partial<KeptReferences>;
    const references = kept.references;
    return typeof kept.engine === 'string' && references && typeof references === 'object' && Object.values(references).every((r) => typeof r === 'string') ? { engine: kept.engine, references } : undefined;
  } catch {
    return undefined;
  }
}
