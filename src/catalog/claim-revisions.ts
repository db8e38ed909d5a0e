import type { ClaimRevision, Registry, RegistryEntry } from './claim-registry.ts';

/**
 * Claim revisions: when a published claim's wording counts as changed, and
 * recording a new revision when it does (content/claims.json, "revisions").
 *
 * A claim's wording is its text as a reader sees it (plain text, citation
 * markers left out) and the notes it cites, in order. A change to either is a
 * revision: any word, number, letter case or punctuation mark that differs,
 * and any note added, dropped or cited in another order. These are NOT
 * revisions, because a reader could not tell the two wordings apart or they
 * mean the same to every reader:
 *
 * - white space: spaces, line breaks, non-breaking spaces, runs of them;
 * - Unicode normalization: "é" written as one character or as "e" plus an accent (NFC);
 * - straight or curly quotes and apostrophes (" “ ” ' ‘ ’), which the site curls anyway;
 * - one dash for another: a hyphen, an en dash (–), an em dash (—), a minus sign (−)
 *   (the site turns "--" into "—" anyway);
 * - "..." for "…";
 * - soft hyphens and zero-width spaces, which do not show.
 */

/** A claim's wording: what a revision records, and what the content says now. */
export interface Wording {
  text: string;
  sources: readonly string[];
}

/** The wording with every difference that is not a revision folded away. */
export function normalizeWording(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u00AD\u200B\u200C\u200D\u2060\uFEFF]/g, '')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What differs between two wordings: the words, the cited notes, both, or nothing (then it is not a revision). */
export function compareWordings(before: Wording, after: Wording): { words: boolean; sources: boolean } {
  return {
    words: normalizeWording(before.text) !== normalizeWording(after.text),
    sources: before.sources.length !== after.sources.length || before.sources.some((s, i) => s !== after.sources[i]),
  };
}

/** Whether `after` is a new revision of `before`. */
export function isRevision(before: Wording, after: Wording): boolean {
  const { words, sources } = compareWordings(before, after);
  return words || sources;
}

/** The wording a reader last saw published, or undefined when none is recorded. */
export function latestRevision(entry: Pick<RegistryEntry, 'revisions'>): ClaimRevision | undefined {
  return entry.revisions?.at(-1);
}

/** A claim as the content has it now, with its wording. */
export interface WordedClaim extends Wording {
  id: string;
  /** Where it is: "essays/<slug>". */
  doc: string;
}

export interface RecordedRevision {
  id: string;
  /** 1 for a first revision. */
  number: number;
  revision: ClaimRevision;
  /** What changed since the revision before (none for a first revision). */
  changed?: { words: boolean; sources: boolean } | undefined;
}

/**
 * Records the wordings of the registry's current claims: revision 1 for a
 * claim with none, a new revision for one whose wording or sources changed.
 * A claim that is not in the registry, or that moved or was retired, is left
 * alone (publish it first; a gone claim's history stays as it is). Nothing is
 * ever removed. When a claim needs a new revision and no reason is given, the
 * registry comes back unchanged and `needReason` names the claims.
 */
export function recordRevisions(
  registry: Registry,
  claims: readonly WordedClaim[],
  options: { firstDate: (claim: WordedClaim) => string; today: string; reason?: string | undefined },
): { registry: Map<string, RegistryEntry>; recorded: RecordedRevision[]; needReason: { claim: WordedClaim; latest: ClaimRevision; number: number }[] } {
  const next = new Map(registry);
  const recorded: RecordedRevision[] = [];
  const needReason: { claim: WordedClaim; latest: ClaimRevision; number: number }[] = [];
  const reason = options.reason?.replace(/\s+/g, ' ').trim() || undefined;
  for (const claim of claims) {
    const entry = next.get(claim.id);
    if (!entry || entry.moved !== undefined || entry.retired !== undefined || entry.doc !== claim.doc) continue;
    const latest = latestRevision(entry);
    const wording = { text: claim.text, sources: [...claim.sources] };
    if (!latest) {
      const revision: ClaimRevision = { date: options.firstDate(claim), ...wording };
      next.set(claim.id, { ...entry, revisions: [revision] });
      recorded.push({ id: claim.id, number: 1, revision });
      continue;
    }
    const changed = compareWordings(latest, claim);
    if (!changed.words && !changed.sources) continue;
    const number = entry.revisions!.length + 1;
    if (!reason) {
      needReason.push({ claim, latest, number });
      continue;
    }
    // A revision is never dated before the one it follows.
    const date = options.today < latest.date ? latest.date : options.today;
    const revision: ClaimRevision = { date, ...wording, reason };
    next.set(claim.id, { ...entry, revisions: [...entry.revisions!, revision] });
    recorded.push({ id: claim.id, number, revision, changed });
  }
  if (needReason.length > 0) return { registry: new Map(registry), recorded: [], needReason };
  return { registry: next, recorded, needReason };
}

/** Cited notes as the content writes them: [@a; @b], or "no notes". */
export function describeSources(sources: readonly string[]): string {
  return sources.length === 0 ? 'no notes' : `[${sources.map((s) => `@${s}`).join('; ')}]`;
}
