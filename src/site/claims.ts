import type { DocumentRef } from './citation-index.ts';
import type { ClaimRecord, HeadingRecord } from '../markdown/derived.ts';
import type { Landing } from '../catalog/claim-registry.ts';
import type { Problem } from '../catalog/problems.ts';
import { formatLocation } from '../catalog/problems.ts';

/**
 * Claims from every document in one index. A claim id is a permanent link
 * across the whole site (it also names the claim's share page), so two claims
 * may not share one, even on different pages.
 */
export interface PlacedClaim extends ClaimRecord {
  doc: DocumentRef;
  /** The claim's numbered sources in its document, in order. */
  numbers: number[];
  /** Id of the "##" heading the claim sits under, if any. */
  section: string | undefined;
}

export function indexClaims(
  documents: readonly { doc: DocumentRef; claims: readonly ClaimRecord[]; numberOf: (note: string) => number; sectionOf?: (claim: string) => string | undefined }[],
): { claims: Map<string, PlacedClaim>; problems: Problem[] } {
  const claims = new Map<string, PlacedClaim>();
  const problems: Problem[] = [];
  for (const { doc, claims: records, numberOf, sectionOf } of documents) {
    for (const record of records) {
      const earlier = claims.get(record.id);
      if (earlier) {
        problems.push({
          location: { file: doc.file, line: record.line, column: record.column },
          message: `Claim id "${record.id}" is used twice: at ${formatLocation({ file: earlier.doc.file, line: earlier.line, column: earlier.column })} and here.`,
          hint: 'A claim id is a permanent link across the whole site: give one of the two claims another id.',
        });
        continue;
      }
      claims.set(record.id, { ...record, doc, numbers: record.notes.map(numberOf), section: sectionOf?.(record.id) });
    }
  }
  return { claims, problems };
}

/**
 * A published id that moved to another page, or was retired, keeps a landing
 * on its old page under that id (src/components/ClaimLandings.astro), so a
 * heading there may not take it: the page would have two elements with one id,
 * and old links would land on the heading.
 */
export function landingIdProblems(
  landings: readonly Landing[],
  docOf: (doc: string) => { file: string; headings: readonly HeadingRecord[] } | undefined,
): Problem[] {
  const problems: Problem[] = [];
  for (const landing of landings) {
    if (landing.kind === 'alias') continue;
    const doc = docOf(landing.doc);
    const heading = doc?.headings.find((h) => h.id === landing.id);
    if (!doc || !heading) continue;
    problems.push({
      location: { file: doc.file, line: heading.line, column: heading.column },
      message: `The heading "${'#'.repeat(heading.depth)} ${heading.text}" gets the id "${landing.id}", which this page keeps for the ${landing.kind === 'retired' ? 'retired' : 'moved'} claim "${landing.id}", so that old links to it still land.`,
      hint: 'Reword the heading: its id comes from its words.',
    });
  }
  return problems;
}
