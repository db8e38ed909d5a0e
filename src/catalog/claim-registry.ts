import { location } from 'vfile-location';
import { formatLocation, type Problem } from './problems.ts';
import { CLAIM_ID, slugProblem } from './slugs.ts';
import { distance } from 'fastest-levenshtein';
import { closestIds, didYouMean } from './suggest.ts';
import { compareWordings, describeSources, latestRevision } from './claim-revisions.ts';

/**
 * The registry of published claim ids (content/claims.json): every id that has
 * been published, the page it was published on, and what became of it if it is
 * gone. A published link must keep working, so the build fails when a
 * published id vanishes without the registry saying where it went.
 *
 * ```json
 * {
 *   "format-collapse-first-epoch": { "doc": "essays/prolonged-rl-training" },
 *   "old-id": { "doc": "essays/prolonged-rl-training", "moved": "new-id" },
 *   "gone-id": { "doc": "essays/prolonged-rl-training", "retired": "Why it went.", "nearest": "some-claim" }
 * }
 * ```
 *
 * Each entry also keeps the claim's published wordings, oldest first, so a
 * shared link can show what its sharer saw (`/c/<id>/<n>/`, n counted from 1):
 *
 * ```json
 * "sharper-and-narrower": { "doc": "essays/prolonged-rl-training", "revisions": [
 *   { "date": "2026-11-29", "text": "The claim as first published.", "sources": ["note-slug"] },
 *   { "date": "2027-03-12", "text": "The claim as reworded.", "sources": ["note-slug", "other-note"], "reason": "Softened." }
 * ] }
 * ```
 */

/** One published wording of a claim. */
export interface ClaimRevision {
  /** The day it was published, YYYY-MM-DD. */
  date: string;
  /** The claim's words as a reader saw them (plain text, citation markers left out). */
  text: string;
  /** The notes it cited then, by slug, in the order cited. */
  sources: string[];
  /** Why it was reworded, in one line (never on the first revision). */
  reason?: string | undefined;
}

export interface RegistryEntry {
  /** Where the id was published: "essays/<slug>" or "notes/<slug>". */
  doc: string;
  /** The claim that replaced it. */
  moved?: string | undefined;
  /** Why the claim was withdrawn. */
  retired?: string | undefined;
  /** The claim to send its readers to instead. */
  nearest?: string | undefined;
  /** Its published wordings, oldest first: revision n is revisions[n - 1]. */
  revisions?: ClaimRevision[] | undefined;
  /** Line of the entry in the registry file. */
  line?: number | undefined;
}

export type Registry = ReadonlyMap<string, RegistryEntry>;

/** A claim as the build found it. */
export interface CurrentClaim {
  id: string;
  doc: string;
  file: string;
  line: number;
  column: number;
  /** Its words as a reader sees them (src/catalog/claim-scan.ts, claimWordings); when given, checked against its latest revision. */
  text?: string | undefined;
  /** The notes it cites, in order. */
  sources?: readonly string[] | undefined;
}

/** The command that records a published claim's new wording. */
export const PUBLISH_REVISION = 'npm run claims:publish -- --reason "why it changed"';

/** What to put on a page so that an old link to `id` still lands somewhere. */
export type Landing =
  | { kind: 'alias'; id: string; doc: string; target: string }
  | { kind: 'moved-away'; id: string; doc: string; target: string; targetDoc: string }
  | { kind: 'retired'; id: string; doc: string; reason: string; nearest: string; nearestDoc: string };

const DOC = /^(essays|notes)\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Reads the registry file's text. Problems (bad JSON, an entry of the wrong
 * shape) come back with the line they are on.
 */
export function parseRegistry(text: string, file: string): { registry: Map<string, RegistryEntry>; problems: Problem[] } {
  const registry = new Map<string, RegistryEntry>();
  const problems: Problem[] = [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const offset = Number(/position (\d+)/.exec(message)?.[1] ?? NaN);
    const { line, column } = Number.isNaN(offset) ? { line: 1, column: 1 } : lineAndColumn(text, offset);
    problems.push({ location: { file, line, column }, message: `The claim registry is not valid JSON: ${message}`, hint: 'Fix the JSON, or run `npm run claims:publish` to rewrite the file.' });
    return { registry, problems };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    problems.push({ location: { file, line: 1 }, message: 'The claim registry must be a JSON object whose keys are claim ids.', hint: 'Run `npm run claims:publish` to rewrite it.' });
    return { registry, problems };
  }
  for (const [id, value] of Object.entries(data)) {
    const location = { file, line: lineOfKey(text, id) };
    const broken = slugProblem(id, CLAIM_ID);
    if (broken) {
      problems.push({ location, message: `Registry entry "${id}": ${broken}`, hint: 'Registry keys are claim ids as published.' });
      continue;
    }
    const entry = value as Partial<Record<string, unknown>>;
    const doc = entry['doc'];
    const known = new Set(['doc', 'moved', 'retired', 'nearest', 'revisions']);
    const unknown = Object.keys(entry ?? {}).filter((k) => !known.has(k));
    if (typeof entry !== 'object' || entry === null || typeof doc !== 'string' || !DOC.test(doc)) {
      problems.push({ location, message: `Registry entry "${id}" has no valid "doc".`, hint: 'Write where the claim was published, such as "doc": "essays/prolonged-rl-training".' });
      continue;
    }
    if (unknown.length > 0) {
      problems.push({ location, message: `Registry entry "${id}" has unknown fields: ${unknown.join(', ')}.`, hint: 'An entry takes "doc", "revisions", and either "moved" or "retired" with "nearest".' });
      continue;
    }
    const moved = entry['moved'];
    const retired = entry['retired'];
    const nearest = entry['nearest'];
    if (moved !== undefined && retired !== undefined) {
      problems.push({ location, message: `Registry entry "${id}" is both moved and retired.`, hint: 'Keep one: "moved" when another claim says the same thing, "retired" when none does.' });
      continue;
    }
    if (moved !== undefined && (typeof moved !== 'string' || slugProblem(moved, CLAIM_ID))) {
      problems.push({ location, message: `Registry entry "${id}" moves to ${JSON.stringify(moved)}, which is not a claim id.`, hint: 'Write the id of the claim that replaced it.' });
      continue;
    }
    if (retired !== undefined && (typeof retired !== 'string' || retired.trim() === '' || typeof nearest !== 'string')) {
      problems.push({ location, message: `Registry entry "${id}" is retired without a reason and a nearest claim.`, hint: 'Write "retired": "why it was withdrawn", "nearest": "closest-claim-id".' });
      continue;
    }
    const revisions = parseRevisions(entry['revisions']);
    if (typeof revisions === 'string') {
      problems.push({ location, message: `Registry entry "${id}": ${revisions}`, hint: 'Each revision is { "date": "YYYY-MM-DD", "text": "the wording", "sources": ["note-slug"] }, with an optional "reason". Correct it by hand to what was published: revisions are the claim\'s history, which `npm run claims:publish` only adds to.' });
      continue;
    }
    registry.set(id, { doc, moved: moved as string | undefined, retired: retired as string | undefined, nearest: nearest as string | undefined, revisions, line: location.line });
  }
  return { registry, problems };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An entry's "revisions", or what is wrong with it. */
function parseRevisions(value: unknown): ClaimRevision[] | undefined | string {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0) return '"revisions" must be a list of at least one revision.';
  const revisions: ClaimRevision[] = [];
  for (const [i, raw] of value.entries()) {
    const r = raw as Partial<Record<string, unknown>> | null;
    const which = `revision ${i + 1}`;
    if (typeof r !== 'object' || r === null || Array.isArray(r)) return `${which} is not an object.`;
    const extra = Object.keys(r).filter((k) => !['date', 'text', 'sources', 'reason'].includes(k));
    if (extra.length > 0) return `${which} has unknown fields: ${extra.join(', ')}.`;
    const { date, text, sources, reason } = r;
    if (typeof date !== 'string' || !DATE.test(date) || Number.isNaN(Date.parse(date))) return `${which} has no valid "date" (found ${JSON.stringify(date)}, expected YYYY-MM-DD).`;
    if (i > 0 && date < revisions[i - 1]!.date) return `${which} is dated ${date}, before revision ${i} (${revisions[i - 1]!.date}).`;
    if (typeof text !== 'string' || text.trim() === '') return `${which} has no "text".`;
    if (!Array.isArray(sources) || !sources.every((s) => typeof s === 'string')) return `${which} has no "sources" list of note slugs.`;
    if (reason !== undefined && (typeof reason !== 'string' || reason.includes('\n'))) return `${which} has a "reason" that is not one line of text.`;
    revisions.push({ date, text, sources: sources as string[], ...(reason !== undefined ? { reason: reason as string } : {}) });
  }
  return revisions;
}

/**
 * Checks the claims the build found against the registry. Returns the
 * problems (a published id gone without a word, a move to nowhere) and, for
 * each page, what to put there so old links still land. Apart, in
 * `unrecorded`: published claims whose wording (given as `text` and
 * `sources`) differs from their latest revision, or that have none recorded
 * (src/catalog/claim-revisions.ts says what counts as a change); a build
 * fails on them, the dev server warns, so an author can watch the new wording
 * before publishing it.
 */
export function checkRegistry(
  registry: Registry,
  current: readonly CurrentClaim[],
  files: { registry: string; doc: (doc: string) => string | undefined },
): { problems: Problem[]; landings: Landing[]; unpublished: CurrentClaim[]; unrecorded: Problem[] } {
  const registryFile = files.registry;
  const problems: Problem[] = [];
  const unrecorded: Problem[] = [];
  const landings: Landing[] = [];
  const byId = new Map(current.map((c) => [c.id, c]));
  const where = (c: CurrentClaim) => formatLocation({ file: c.file, line: c.line, column: c.column });
  // Added to the entry, never replacing it: its "revisions" are the claim's history, which its landing still shows.
  const fix = () =>
    'Restore it; or, if it was reworded under a new id, add "moved": "new-claim-id" to its entry here; if it was withdrawn, add "retired": "why", "nearest": "claim-id". Keep the rest of the entry: its revisions are the claim\'s history.';

  for (const [id, entry] of registry) {
    const location = { file: registryFile, line: entry.line };
    const found = byId.get(id);
    if (entry.moved === undefined && entry.retired === undefined) {
      if (!found) {
        const successor = likelySuccessor(id, entry.doc, current, registry);
        const docFile = files.doc(entry.doc);
        problems.push(successor
          ? {
            location: { file: successor.claim.file, line: successor.claim.line, column: successor.claim.column },
            message: `The published claim "${id}" no longer exists, so links to it would break. "${successor.claim.id}" here, ${successor.only ? 'the only claim on this page not yet published' : 'of the claims on this page not yet published the one whose id is closest to it'}, looks like its successor.`,
            hint: `If it is, add "moved": "${successor.claim.id}" to the entry of "${id}" at ${registryFile}:${entry.line}, keeping the rest (its revisions are its history), and run "npm run claims:publish" to publish "${successor.claim.id}". If not, restore "${id}", or record it as withdrawn: add "retired": "why", "nearest": "claim-id" to that entry.`,
          }
          : {
            location: { file: registryFile, line: entry.line },
            message: `The published claim "${id}" of ${docFile ?? entry.doc} no longer exists, so links to it would break.`,
            hint: fix(),
          });
      } else if (found.doc !== entry.doc) {
        problems.push({ location: { file: found.file, line: found.line, column: found.column }, message: `The claim "${id}" was published in ${entry.doc} and is now in ${found.doc}, so links to it there would break.`, hint: `Give it a new id here and record the old one as moved in ${registryFile}.` });
      } else {
        const problem = revisionProblem(id, entry, found, registryFile);
        if (problem) unrecorded.push(problem);
      }
      continue;
    }
    if (found) {
      problems.push({ location: { file: found.file, line: found.line, column: found.column }, message: `The claim id "${id}" is recorded as ${entry.moved ? 'moved' : 'retired'} in ${registryFile}, but a claim at ${where(found)} uses it again.`, hint: 'A published id means one thing forever: choose another id.' });
      continue;
    }
    if (entry.moved !== undefined) {
      const target = resolveMove(id, registry, byId);
      if (typeof target === 'string') {
        problems.push({ location, message: `The claim "${id}" is recorded as moved, but ${target}`, hint: `Point "moved" at a claim that exists. ${didYouMean(closestIds(entry.moved, byId.keys(), 1), '')}`.trim() });
        continue;
      }
      landings.push(target.doc === entry.doc
        ? { kind: 'alias', id, doc: entry.doc, target: target.id }
        : { kind: 'moved-away', id, doc: entry.doc, target: target.id, targetDoc: target.doc });
      continue;
    }
    const nearest = byId.get(entry.nearest ?? '');
    if (!nearest) {
      problems.push({ location, message: `The retired claim "${id}" names the nearest claim "${entry.nearest}", which does not exist.`, hint: didYouMean(closestIds(entry.nearest ?? '', byId.keys(), 1), 'Name a claim that exists.') });
      continue;
    }
    landings.push({ kind: 'retired', id, doc: entry.doc, reason: entry.retired!, nearest: nearest.id, nearestDoc: nearest.doc });
  }
  const unpublished = current.filter((c) => !registry.has(c.id));
  return { problems, landings, unpublished, unrecorded };
}

/** A published claim whose wording is not its latest revision's, or that has none recorded. */
function revisionProblem(id: string, entry: RegistryEntry, found: CurrentClaim, registryFile: string): Problem | undefined {
  if (found.text === undefined || found.sources === undefined) return undefined;
  const location = { file: found.file, line: found.line, column: found.column };
  const latest = latestRevision(entry);
  if (!latest) {
    return {
      location,
      message: `The published claim "${id}" has no wording recorded in ${registryFile}, so a later change to its words could not be noticed.`,
      hint: 'Run npm run claims:publish to record its wording.',
    };
  }
  const changed = compareWordings(latest, { text: found.text, sources: found.sources });
  if (!changed.words && !changed.sources) return undefined;
  const number = entry.revisions!.length;
  const what = changed.words && changed.sources ? 'words and cited notes' : changed.words ? 'words' : 'cited notes';
  const was = changed.words
    ? `as "${latest.text}"${changed.sources ? `, citing ${describeSources(latest.sources)}` : ''}; the content now reads "${found.text}"${changed.sources ? `, citing ${describeSources(found.sources)}` : ''}`
    : `citing ${describeSources(latest.sources)}; it now cites ${describeSources(found.sources)}`;
  return {
    location,
    // No full stop after a closing quotation mark that already ends a sentence.
    message: `The ${what} of the published claim "${id}" changed, and no revision records it. Revision ${number} was published on ${latest.date} ${was}${/[.!?]"$/.test(was) ? '' : '.'}`,
    hint: `If the change is meant, record it as revision ${number + 1}, so links shared before it keep showing what the claim said then: run ${PUBLISH_REVISION}. If not, restore the published wording. (Spacing, quote marks and dashes alone do not count as a change.)`,
  };
}

/**
 * The claim that most likely replaced a vanished one: a claim on the same page
 * that is not published yet (nor already named as another id's successor),
 * the only one or the one whose id is closest to the vanished id.
 */
function likelySuccessor(id: string, doc: string, current: readonly CurrentClaim[], registry: Registry): { claim: CurrentClaim; only: boolean } | undefined {
  const successors = new Set([...registry.values()].flatMap((e) => (e.moved ? [e.moved] : [])));
  const candidates = current.filter((c) => c.doc === doc && !registry.has(c.id) && !successors.has(c.id));
  if (candidates.length === 0) return undefined;
  const [best] = [...candidates].sort((a, b) => distance(id, a.id) - distance(id, b.id) || a.id.localeCompare(b.id));
  return { claim: best!, only: candidates.length === 1 };
}

/** Follows "moved" to a claim that exists, or says why it cannot. */
function resolveMove(id: string, registry: Registry, current: ReadonlyMap<string, CurrentClaim>): CurrentClaim | string {
  const seen = [id];
  let next = registry.get(id)?.moved;
  while (next !== undefined) {
    const found = current.get(next);
    if (found) return found;
    if (seen.includes(next)) return `its moves go round in a circle: ${[...seen, next].join(' → ')}.`;
    seen.push(next);
    const entry = registry.get(next);
    if (!entry) return `"${next}" is neither a claim nor in the registry.`;
    if (entry.retired !== undefined) return `it moved to "${next}", which was retired; record it as retired instead.`;
    next = entry.moved;
  }
  return `"${seen.at(-1)}" does not exist.`;
}

/** Adds every current claim the registry lacks, keeping what is there; keys sorted for stable diffs. */
export function publishClaims(registry: Registry, current: readonly CurrentClaim[]): { registry: Map<string, RegistryEntry>; added: string[] } {
  const next = new Map(registry);
  const added: string[] = [];
  for (const claim of current) {
    if (next.has(claim.id)) continue;
    next.set(claim.id, { doc: claim.doc });
    added.push(claim.id);
  }
  return { registry: new Map([...next].sort(([a], [b]) => a.localeCompare(b))), added };
}

/** The registry as its file is written: keys sorted, fields in a fixed order, no line numbers. */
export function formatRegistry(registry: Registry): string {
  const sorted = [...registry].sort(([a], [b]) => a.localeCompare(b));
  const data = Object.fromEntries(sorted.map(([id, e]) => [id, {
    doc: e.doc, moved: e.moved, retired: e.retired, nearest: e.nearest,
    revisions: e.revisions?.map((r) => ({ date: r.date, text: r.text, sources: r.sources, reason: r.reason })),
  }]));
  return `${JSON.stringify(data, null, 2)}\n`;
}

/**
 * Same-page aliases for the claims of one document: for each claim id here,
 * the published ids of this document that moved (perhaps in several steps) to it.
 */
export function aliasesFor(doc: string, claimIds: ReadonlySet<string>, registry: Registry): Map<string, string[]> {
  const aliases = new Map<string, string[]>();
  for (const [id, entry] of registry) {
    if (entry.doc !== doc || entry.moved === undefined || claimIds.has(id)) continue;
    const seen = new Set([id]);
    let next: string | undefined = entry.moved;
    while (next !== undefined && !claimIds.has(next) && !seen.has(next)) {
      seen.add(next);
      next = registry.get(next)?.moved;
    }
    if (next !== undefined && claimIds.has(next)) aliases.set(next, [...(aliases.get(next) ?? []), id]);
  }
  return aliases;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const point = location(text).toPoint(offset);
  return { line: point?.line ?? 1, column: point?.column ?? 1 };
}

function lineOfKey(text: string, key: string): number {
  const index = text.indexOf(JSON.stringify(key));
  return index === -1 ? 1 : lineAndColumn(text, index).line;
}
