import { diffWords } from 'diff';
import type { ClaimRevision, Landing, Registry } from '../catalog/claim-registry.ts';
import { normalizeWording } from '../catalog/claim-revisions.ts';

/**
 * A claim's published wordings, as readers see them: each revision has a
 * permanent page, /c/<id>/<n>/ (n counted from 1, oldest first), that keeps
 * saying what the claim said then, and says what it says now. Worked out from
 * the registry (content/claims.json), which `npm run claims:publish` keeps.
 */

/** One run of words in a word-level difference: kept, deleted or inserted. */
export interface DiffPart {
  kind: 'same' | 'deleted' | 'inserted';
  text: string;
}

/**
 * The word-level difference from one wording to another (jsdiff's diffWords:
 * words and punctuation are tokens, runs of spaces count as one). Adjacent
 * parts of one kind are joined; whitespace alone never makes a difference.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    if (text === '') return;
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  for (const change of diffWords(tidy(before), tidy(after))) {
    const kind: DiffPart['kind'] = change.added ? 'inserted' : change.removed ? 'deleted' : 'same';
    if (kind === 'same') {
      push(kind, change.value);
      continue;
    }
    // The spaces around a changed run belong to the text around it: a struck-through space reads as nothing.
    const [, lead = '', words = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(change.value) ?? [];
    push('same', lead);
    // A word put in straight after one taken out is set apart from it by a space.
    if (kind === 'inserted' && parts.at(-1)?.kind === 'deleted') push('same', ' ');
    push(kind, words);
    push('same', trail);
  }
  return parts;
}

/**
 * Whether two wordings read the same: by the rule the publish step records
 * revisions by (src/catalog/claim-revisions.ts), so an edit of whitespace,
 * quotes or dashes alone never shows as "Revised since".
 */
export function sameWording(a: string, b: string): boolean {
  return normalizeWording(a) === normalizeWording(b);
}

/** A note a revision cited: linked while it exists, named by its slug once it is gone. */
export interface RevisionSource {
  slug: string;
  title?: string | undefined;
  url?: string | undefined;
}

/** Where a claim is now, from its id's registry entry. */
export type ClaimStatus =
  | { kind: 'current' }
  | { kind: 'moved'; to: string }
  | { kind: 'retired'; reason: string; nearest: string };

/** A revision as its page shows it. */
export interface RevisionView {
  id: string;
  /** Its number, from 1. */
  n: number;
  /** How many revisions the id has. */
  total: number;
  /** Whether it is the id's last revision. */
  latest: boolean;
  revision: ClaimRevision;
  sources: RevisionSource[];
  /** Its page, /c/<id>/<n>/ (a path under the base). */
  url: string;
  /** The id's share page, /c/<id>/: the latest address (a landing, for a moved or retired id). */
  claimUrl: string;
  /** Where the id's document was published: "essays/<slug>". */
  doc: string;
  status: ClaimStatus;
  /**
   * What the claim reads now, where it stands (its own share page, or the one
   * it moved to), when that differs from this revision: with the difference.
   * Undefined when the words are the same, or the claim was retired.
   */
  since?: { id: string; text: string; url: string; diff: DiffPart[] } | undefined;
  /** The id's other revisions, newest first. */
  others: { n: number; date: string; text: string; reason?: string | undefined; url: string }[];
}

export interface RevisionInputs {
  registry: Registry;
  /** What moved and retired ids became (checkRegistry's landings). */
  landings: readonly Landing[];
  /** A claim that stands now, by id: its words. */
  current: (id: string) => { text: string } | undefined;
  /** A note that exists, by slug: its title and page. */
  note: (slug: string) => { title: string; url: string } | undefined;
  urls: { claim(id: string): string };
}

/** The page of revision n of a claim id: /c/<id>/<n>/. */
export function revisionPath(urls: { claim(id: string): string }, id: string, n: number): string {
  return `${urls.claim(id)}${n}/`;
}

/** Every revision of every id in the registry, each with what its page shows, in id then revision order. */
export function revisionViews(inputs: RevisionInputs): RevisionView[] {
  const { registry, landings, current, note, urls } = inputs;
  const landingOf = new Map(landings.map((l) => [l.id, l]));
  const views: RevisionView[] = [];
  for (const [id, entry] of [...registry].sort(([a], [b]) => a.localeCompare(b))) {
    const revisions = entry.revisions ?? [];
    const landing = landingOf.get(id);
    const status: ClaimStatus = landing?.kind === 'retired'
      ? { kind: 'retired', reason: landing.reason, nearest: landing.nearest }
      : landing ? { kind: 'moved', to: landing.target } : { kind: 'current' };
    // The claim's words today, where it stands: its own, or those of the claim it moved to.
    const nowId = status.kind === 'moved' ? status.to : status.kind === 'current' ? id : undefined;
    const now = nowId === undefined ? undefined : current(nowId);
    const all = revisions.map((revision, i) => ({ n: i + 1, date: revision.date, text: revision.text, reason: revision.reason, url: revisionPath(urls, id, i + 1) }));
    revisions.forEach((revision, i) => {
      const n = i + 1;
      views.push({
        id,
        n,
        total: revisions.length,
        latest: n === revisions.length,
        revision,
        sources: revision.sources.map((slug) => {
          const found = note(slug);
          return found ? { slug, title: found.title, url: found.url } : { slug };
        }),
        url: revisionPath(urls, id, n),
        claimUrl: urls.claim(id),
        doc: entry.doc,
        status,
        since: now && nowId !== undefined && !sameWording(revision.text, now.text)
          ? { id: nowId, text: now.text, url: urls.claim(nowId), diff: wordDiff(revision.text, now.text) }
          : undefined,
        others: all.filter((r) => r.n !== n).reverse(),
      });
    });
  }
  return views;
}

/**
 * The wordings published under ids that later moved to claim `id`, perhaps
 * in several steps (checkRegistry's landings name the final claim): a moved
 * claim keeps its history, so the claim's share page lists them too.
 */
export function wordingsMovedTo(id: string, landings: readonly Landing[], views: readonly RevisionView[]): RevisionView[] {
  const movedHere = new Set(landings.filter((l) => l.kind !== 'retired' && l.target === id).map((l) => l.id));
  return views.filter((v) => movedHere.has(v.id));
}

/**
 * What the claims in an essay or note link to (remark-claims' options): the
 * copy-link address of a claim with recorded revisions is its latest
 * revision's page, so a link pasted into a chat keeps pointing at the words
 * the reader saw; a claim with more than one revision is marked "revised",
 * linking to its share page, which lists its history.
 */
export function claimLinks(registry: () => Registry, urls: { claim(id: string): string }): { shareHref: (id: string) => string; revised: (id: string) => string | undefined } {
  return {
    shareHref: (id) => {
      const count = registry().get(id)?.revisions?.length ?? 0;
      return count > 0 ? revisionPath(urls, id, count) : urls.claim(id);
    },
    revised: (id) => ((registry().get(id)?.revisions?.length ?? 0) > 1 ? urls.claim(id) : undefined),
  };
}

/** The feed of claim revisions: /c/revisions.xml. */
export function revisionsFeedPath(urls: { claims: string }): string {
  return `${urls.claims}revisions.xml`;
}
