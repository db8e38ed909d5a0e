/**
 * The layout of an essay's "claims and evidence" map, worked out at build
 * time so the page ships a finished SVG: the claims in reading order down the
 * left, grouped by paragraph; the notes they cite down the right, in source
 * number order, each drawn near the claims that cite it; a line per citation.
 * A note's size grows with the number of claims resting on it, and each claim
 * says whether it rests on several notes, a single note, or none (framing or
 * inference). Coordinates are SVG user units; the component only renders.
 */

export interface MapClaimInput {
  id: string;
  text: string;
  /** The paragraph (top-level block) the claim sits in. */
  block: number;
  /** The notes it cites, without repeats. */
  notes: readonly string[];
}

export interface MapNoteInput {
  id: string;
  title: string;
  /** The note's number in the essay's sources. */
  number: number;
}

/** How much a claim leans on the notes: the map marks single-note claims apart. */
export type Support = 'none' | 'single' | 'several';

export interface MapClaimNode {
  id: string;
  text: string;
  label: string;
  /** The paragraph's place among those with claims, from 1. */
  paragraph: number;
  notes: string[];
  support: Support;
  x: number;
  y: number;
}

export interface MapNoteNode {
  id: string;
  title: string;
  label: string;
  number: number;
  /** How many claims cite it. */
  degree: number;
  /** How many claims cite it and nothing else. */
  soleSourceOf: number;
  x: number;
  y: number;
  r: number;
}

export interface MapEdge {
  claim: string;
  note: string;
  /** SVG path data: a curve from the claim's dot to the note's. */
  d: string;
}

export interface MapGroup {
  paragraph: number;
  label: string;
  /** Baseline of the group's heading. */
  y: number;
  claims: string[];
}

export interface EvidenceMapLayout {
  width: number;
  height: number;
  claims: MapClaimNode[];
  notes: MapNoteNode[];
  edges: MapEdge[];
  groups: MapGroup[];
  /** Where the two columns' labels end and start, for the component's text. */
  columns: { claimLabelEnd: number; claimX: number; noteX: number; noteLabelStart: number };
  /** The hit area of a row, at least 24 px tall at the width where the map is shown. */
  row: number;
}

export const MAP_GEOMETRY = {
  width: 880,
  claimLabelEnd: 400,
  claimX: 414,
  noteX: 546,
  noteLabelStart: 564,
  row: 32,
  groupHead: 26,
  groupGap: 12,
  top: 6,
  bottom: 12,
  // About 8 units a character at the map's 14 px type, with room for wide letters.
  claimLabelChars: 46,
  noteLabelChars: 33,
} as const;

/** The text cut at a word boundary to at most `max` characters, with "…" when cut. */
export function shortLabel(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.—–-]+$/, '')}…`;
}

/** A note's radius: grows with the square root of its degree, so area tracks the number of claims, and stays within a row. */
export function noteRadius(degree: number, row: number = MAP_GEOMETRY.row): number {
  return Math.min(row / 2 - 2, 8 + 3 * (Math.sqrt(Math.max(degree, 1)) - 1));
}

export function supportOf(noteCount: number): Support {
  return noteCount === 0 ? 'none' : noteCount === 1 ? 'single' : 'several';
}

/**
 * Spreads items along one axis: each as near its wanted position as it can
 * be, in the given order, at least `gap` apart, within [min, max] when they
 * fit. The forward pass pushes down, the backward pass pulls back inside.
 */
export function spread(wanted: readonly number[], gap: number, min: number, max: number): number[] {
  const placed: number[] = [];
  for (const [i, y] of wanted.entries()) placed.push(Math.max(y, min, i > 0 ? placed[i - 1]! + gap : min));
  for (let i = placed.length - 1; i >= 0; i--) {
    const limit = i === placed.length - 1 ? max : placed[i + 1]! - gap;
    if (placed[i]! > limit) placed[i] = Math.max(limit, min + i * gap);
  }
  return placed;
}

const round = (n: number) => Math.round(n * 10) / 10;

export function layoutEvidenceMap(claimsIn: readonly MapClaimInput[], notesIn: readonly MapNoteInput[]): EvidenceMapLayout {
  const g = MAP_GEOMETRY;
  const known = new Set(notesIn.map((n) => n.id));
  const blocks = [...new Set(claimsIn.map((c) => c.block))];

  // Claims: rows in reading order, with a heading before each paragraph.
  const groups: MapGroup[] = [];
  const claims: MapClaimNode[] = [];
  let y = g.top;
  for (const claim of claimsIn) {
    const paragraph = blocks.indexOf(claim.block) + 1;
    let group = groups.at(-1);
    if (!group || group.paragraph !== paragraph) {
      if (group) y += g.groupGap;
      group = { paragraph, label: `Paragraph ${paragraph}`, y: y + g.groupHead * 0.7, claims: [] };
      groups.push(group);
      y += g.groupHead;
    }
    const notes = claim.notes.filter((n) => known.has(n));
    claims.push({
      id: claim.id,
      text: claim.text,
      label: shortLabel(claim.text, g.claimLabelChars),
      paragraph,
      notes,
      support: supportOf(notes.length),
      x: g.claimX,
      y: y + g.row / 2,
    });
    group.claims.push(claim.id);
    y += g.row;
  }
  const claimsBottom = y;

  // Notes: in number order, each near the middle of the claims citing it.
  const ordered = [...notesIn].sort((a, b) => a.number - b.number);
  const citing = (id: string) => claims.filter((c) => c.notes.includes(id));
  const wanted = ordered.map((note, i) => {
    const ys = citing(note.id).map((c) => c.y);
    return ys.length > 0 ? ys.reduce((a, b) => a + b, 0) / ys.length : g.top + g.row / 2 + i * g.row;
  });
  const ys = spread(wanted, g.row, g.top + g.row / 2, Math.max(claimsBottom, g.top + ordered.length * g.row) - g.row / 2);
  const notes: MapNoteNode[] = ordered.map((note, i) => {
    const by = citing(note.id);
    return {
      id: note.id,
      title: note.title,
      label: shortLabel(note.title, g.noteLabelChars),
      number: note.number,
      degree: by.length,
      soleSourceOf: by.filter((c) => c.notes.length === 1).length,
      x: g.noteX,
      y: round(ys[i]!),
      r: round(noteRadius(by.length)),
    };
  });

  const noteById = new Map(notes.map((n) => [n.id, n]));
  const edges: MapEdge[] = claims.flatMap((claim) =>
    claim.notes.map((id) => {
      const note = noteById.get(id)!;
      const x1 = claim.x + 6;
      const x2 = note.x - note.r;
      const mid = round((x1 + x2) / 2);
      return { claim: claim.id, note: id, d: `M${x1} ${claim.y}C${mid} ${claim.y} ${mid} ${note.y} ${x2} ${note.y}` };
    }),
  );

  const notesBottom = notes.length > 0 ? Math.max(...notes.map((n) => n.y)) + g.row / 2 : 0;
  return {
    width: g.width,
    height: Math.ceil(Math.max(claimsBottom, notesBottom) + g.bottom),
    claims,
    notes,
    edges,
    groups,
    columns: { claimLabelEnd: g.claimLabelEnd, claimX: g.claimX, noteX: g.noteX, noteLabelStart: g.noteLabelStart },
    row: g.row,
  };
}

export interface EvidenceSummary {
  claims: number;
  paragraphs: number;
  /** Notes that at least one claim cites. */
  notes: number;
  /** Notes the essay cites only outside its claims. */
  outsideClaims: number;
  citations: number;
  single: number;
  none: number;
  /** The notes most claims rest on (all tied at the top), when any note is cited more than once. */
  mostCited: MapNoteNode[];
}

/** The map in numbers, for the sentence above it. */
export function summarizeEvidence(layout: EvidenceMapLayout): EvidenceSummary {
  const top = Math.max(0, ...layout.notes.map((n) => n.degree));
  return {
    claims: layout.claims.length,
    paragraphs: layout.groups.length,
    notes: layout.notes.filter((n) => n.degree > 0).length,
    outsideClaims: layout.notes.filter((n) => n.degree === 0).length,
    citations: layout.edges.length,
    single: layout.claims.filter((c) => c.support === 'single').length,
    none: layout.claims.filter((c) => c.support === 'none').length,
    mostCited: top > 1 ? layout.notes.filter((n) => n.degree === top) : [],
  };
}
