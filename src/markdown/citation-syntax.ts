/**
 * The citation syntax, Pandoc's: `[@format-collapse]` cites one note,
 * `[@sparse-parameter-updates; @what-rl-changes]` cites several at one spot.
 * This module finds citations in a run of text and says what is wrong with a
 * malformed one; resolving ids against the notes is the plugin's job.
 */

export interface CitationKey {
  /** The note id as written, without the "@". */
  id: string;
  /** Offset of the "@" within the text searched. */
  offset: number;
}

export interface CitationToken {
  /** Offsets of the whole `[@…]` within the text searched. */
  start: number;
  end: number;
  keys: CitationKey[];
  /** Set when the brackets hold something that is not a list of `@id`s. */
  problem?: string;
}

// `[@` opens a citation; it ends at the first `]` on the same line.
const CITATION = /\[@[^\]\n]*\]/g;
const KEY = /^@([^\s;,@\]]+)$/;

export function findCitations(text: string): CitationToken[] {
  const tokens: CitationToken[] = [];
  for (const match of text.matchAll(CITATION)) {
    const start = match.index;
    const raw = match[0];
    const inner = raw.slice(1, -1);
    const keys: CitationKey[] = [];
    let problem: string | undefined;
    let cursor = 1;
    for (const part of inner.split(/[;,]/)) {
      const lead = part.length - part.trimStart().length;
      const key = KEY.exec(part.trim());
      if (key?.[1]) {
        keys.push({ id: key[1], offset: start + cursor + lead });
      } else {
        problem ??= part.trim() === ''
          ? `The citation ${raw} has an empty entry.`
          : `The citation ${raw} holds "${part.trim()}", which is not a note id written as @note-id.`;
      }
      cursor += part.length + 1;
    }
    tokens.push(problem ? { start, end: start + raw.length, keys, problem } : { start, end: start + raw.length, keys });
  }
  return tokens;
}

/**
 * Merges citations that stand side by side (only white space between them)
 * into one group, so `[@a] [@b]` reads as `[1, 2]`. Returns groups of tokens.
 */
export function groupAdjacent(text: string, tokens: readonly CitationToken[]): CitationToken[][] {
  const groups: CitationToken[][] = [];
  for (const token of tokens) {
    const last = groups.at(-1);
    const previous = last?.at(-1);
    if (last && previous && text.slice(previous.end, token.start).trim() === '') last.push(token);
    else groups.push([token]);
  }
  return groups;
}
