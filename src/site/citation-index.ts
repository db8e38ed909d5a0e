import type { CitationUse, ClaimRecord } from '../markdown/derived.ts';
import { formatLocation } from '../catalog/problems.ts';

/**
 * The cross-links between documents and notes, worked out once from what the
 * remark plugins recorded: each document's numbered sources with their
 * back-links (Wikipedia's "^ a b"), and for each note every place that cites
 * it, linking to the claim when the citation sits in one (a permanent id),
 * otherwise to its paragraph (an essay's paragraphs have anchors), and to the
 * marker only when neither is known.
 */

export interface DocumentRef {
  kind: 'essay' | 'note';
  id: string;
  title: string;
  /** The page's URL. */
  url: string;
  /** The source file, relative to the project root. */
  file: string;
}

export interface CitingDocument {
  doc: DocumentRef;
  citations: readonly CitationUse[];
  claims: readonly ClaimRecord[];
  /** The document's anchored paragraphs, with the citation markers in each (essays only). */
  paragraphs?: readonly { id: string; markers?: readonly string[] | undefined }[] | undefined;
}

export interface Backref {
  /** Id of the citation marker to return to. */
  markerId: string;
  /** "a", "b", … for a note cited more than once. */
  label: string;
}

export interface SourceEntry {
  note: string;
  number: number;
  backrefs: Backref[];
}

/** A document's sources in number order, each with a back-link to every marker that cites it. */
export function sourcesOf(citations: readonly CitationUse[]): SourceEntry[] {
  const byNote = new Map<string, SourceEntry>();
  for (const use of citations) {
    const entry = byNote.get(use.note) ?? { note: use.note, number: use.number, backrefs: [] };
    entry.backrefs.push({ markerId: use.markerId, label: '' });
    byNote.set(use.note, entry);
  }
  const entries = [...byNote.values()].sort((a, b) => a.number - b.number);
  for (const entry of entries) entry.backrefs.forEach((b, i) => (b.label = backrefLabel(i)));
  return entries;
}

/** a, b, … z, aa, ab, … as Wikipedia labels repeated back-links. */
export function backrefLabel(index: number): string {
  let label = '';
  let n = index;
  do {
    label = String.fromCharCode(97 + (n % 26)) + label;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return label;
}

export interface CitingPlace {
  doc: DocumentRef;
  /** The note's number in that document. */
  number: number;
  /** The citing sentence, or the claim's text. */
  sentence: string;
  /** Fragment to link to: the claim's id, or the marker's. */
  anchor: string;
  claim?: string | undefined;
}

/** For each note id, every place that cites it, in document then reading order, one per claim. */
export function citingPlaces(documents: readonly CitingDocument[]): Map<string, CitingPlace[]> {
  const places = new Map<string, CitingPlace[]>();
  for (const { doc, citations, claims, paragraphs } of documents) {
    // A citation inside a claim lands on the claim, and quotes it.
    const claimOfMarker = new Map(claims.flatMap((claim) => claim.markers.map((marker) => [marker, claim] as const)));
    // A citation outside any claim lands on its paragraph: a marker's id changes whenever an earlier citation of the note is added.
    const paragraphOfMarker = new Map((paragraphs ?? []).flatMap((p) => (p.markers ?? []).map((marker) => [marker, p.id] as const)));
    const seen = new Set<string>();
    for (const use of citations) {
      const claim = claimOfMarker.get(use.markerId);
      const anchor = claim?.id ?? paragraphOfMarker.get(use.markerId) ?? use.markerId;
      const key = `${use.note}#${anchor}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const list = places.get(use.note) ?? [];
      list.push({ doc, number: use.number, sentence: claim?.text ?? use.sentence, anchor, claim: claim?.id });
      places.set(use.note, list);
    }
  }
  return places;
}

/**
 * A warning for each citation of a document that sits in no claim: "Cited in"
 * can link to its paragraph, but not permanently.
 */
export function outsideClaimWarnings(document: CitingDocument): string[] {
  const inClaims = new Set(document.claims.flatMap((claim) => claim.markers));
  return document.citations
    .filter((use) => !inClaims.has(use.markerId))
    .map((use) => `${formatLocation({ file: document.doc.file, line: use.line, column: use.column })}: The citation [@${use.note}] is outside any <Claim>, so the note's "Cited in" links to its paragraph, whose anchor moves when paragraphs are added above it. Wrap the sentence in <Claim id="…">…</Claim> to give it a permanent link.`);
}

/** Notes that no essay cites, in the order given. */
export function uncitedNotes(noteIds: readonly string[], places: ReadonlyMap<string, readonly CitingPlace[]>): string[] {
  return noteIds.filter((id) => !(places.get(id) ?? []).some((p) => p.doc.kind === 'essay'));
}
