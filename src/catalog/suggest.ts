import { distance } from 'fastest-levenshtein';

/**
 * The known ids closest to a mistyped one, best first, for "Did you mean"
 * hints. An id is close when its edit distance is at most a third of the
 * longer id (at least 2), or when one contains the other.
 */
export function closestIds(wanted: string, known: Iterable<string>, limit = 3): string[] {
  const scored: { id: string; score: number }[] = [];
  for (const id of known) {
    const d = distance(wanted, id);
    const contains = id.includes(wanted) || wanted.includes(id);
    const threshold = Math.max(2, Math.floor(Math.max(wanted.length, id.length) / 3));
    if (d <= threshold || contains) scored.push({ id, score: contains ? Math.min(d, threshold) : d });
  }
  scored.sort((a, b) => a.score - b.score || a.id.localeCompare(b.id));
  return scored.slice(0, limit).map((s) => s.id);
}

/** `Did you mean "a"?`, `Did you mean "a" or "b"?`, or a fallback sentence. */
export function didYouMean(candidates: readonly string[], fallback: string): string {
  if (candidates.length === 0) return fallback;
  const quoted = candidates.map((c) => `"${c}"`);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
  return `Did you mean ${list}?`;
}
