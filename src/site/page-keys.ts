import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import { buildContext } from '../catalog/build-context.ts';
import { filesDigest } from '../catalog/files-digest.ts';
import type { Landing, Registry } from '../catalog/claim-registry.ts';
import type { Catalog } from '../catalog/content-index.ts';
import type { Settings } from '../catalog/settings.ts';
import { fontCharacters } from '../formats/web-fonts.ts';
import type { Corpus } from './corpus.ts';
import { SITE_AUTHORS, SITE_DESCRIPTION, SITE_EDITORS, SITE_LANGUAGE, SITE_LOCALE, SITE_NAME } from './identity.ts';

/**
 * Each page's cache key for Astro's incremental build (experimental.incrementalBuild):
 * a rebuild copies a page from the last build instead of rendering it when its
 * key, and the code Astro bundled for its route, are unchanged. So a key must
 * change whenever anything the page shows changes; a key that misses an input
 * ships a quietly stale page (tests/build/incremental.test.ts proves them
 * against clean builds). Only pages of dynamic routes can be skipped: the
 * lists, the search page, the feeds and 404 render on every build.
 *
 * What each page shows, from which documents (a document's digest covers its
 * title, front matter, body, claims and citation numbering, all written in its file):
 * - an essay: its own file, the notes it cites (their titles label its
 *   citation markers; its Sources show their titles, papers and summaries),
 *   the registry entries about its claims (aliases, landings) and the
 *   documents those landings point to (the claim's text and page title);
 * - its evidence map: its own file and the notes it cites (titles);
 * - a note: the same for its own file, and the documents that cite it ("Cited
 *   in", and its date and authors, which are its first citing essay's);
 * - a claim's page: its document as above, with the notes that document cites
 *   (a superset of the claim's own sources) and the documents citing it (a
 *   note's claims take the note's date and authors);
 * - a gone claim's landing: its registry entry and the document holding the
 *   claim it sends readers to;
 * - a recorded wording's page (/c/<id>/<n>/): the id's registry entry, the
 *   document it was published in, the one holding what the claim reads now,
 *   and the notes its wordings cited.
 * And every page: the site's settings (origin, base path, content folder),
 * name, language and people, the characters the web fonts are cut to (the
 * style sheet's file name follows them), and the code's version, which covers
 * what Astro does not hash: the remark and rehype plugins run from
 * astro.config.mjs, outside the pages' module graph.
 */

/** A document as the keys see it. */
export interface KeyedDocument {
  /** "essays/<slug>" or "notes/<slug>", as the registry names documents. */
  doc: string;
  /** A digest of its file: its path and its whole text. */
  digest: string;
  /** The notes it cites, by slug, in the order first cited. */
  cites: readonly string[];
  /** The ids of its claims. */
  claims: readonly string[];
}

export interface KeyInputs {
  /** What every page is made with: settings, identity, fonts, code version (any JSON). */
  site: unknown;
  documents: readonly KeyedDocument[];
  registry: Registry;
  /** What the published claim ids that are gone turn into (the corpus's landings). */
  landings: readonly Landing[];
}

/** The routes with a page per essay, note, claim id or recorded wording (/c/<id>/<n>/, keyed by "<id>/<n>"), each keyed. */
export type KeyedRoute = 'essay' | 'evidence' | 'note' | 'claim' | 'revision';

/** A page's key, or undefined for a page the keys do not know (it is then rendered on every build). */
export type PageKeys = Record<KeyedRoute, (slug: string) => string | undefined>;

/** The cache key of every page of the keyed routes, from what each page shows. Pure. */
export function pageKeys(inputs: KeyInputs): PageKeys {
  const byDoc = new Map(inputs.documents.map((d) => [d.doc, d]));
  const digest = (doc: string) => byDoc.get(doc)?.digest ?? `missing ${doc}`;
  const citers = new Map<string, string[]>();
  for (const d of inputs.documents) {
    for (const note of new Set(d.cites)) citers.set(`notes/${note}`, [...(citers.get(`notes/${note}`) ?? []), d.doc]);
  }
  const claimDoc = new Map(inputs.documents.flatMap((d) => d.claims.map((id) => [id, d.doc] as const)));
  const landingById = new Map(inputs.landings.map((l) => [l.id, l]));
  const site = hash(stableJson(inputs.site));

  /** What a document's own body shows: its file, the titles of the notes it cites, the registry's entries about it. */
  const content = (d: KeyedDocument) => ({
    digest: d.digest,
    cited: d.cites.map((note) => digest(`notes/${note}`)),
    registry: registrySlice(d, inputs.registry),
  });
  /** The landings shown on a document's page, and the documents whose claims they quote. */
  const landingsOn = (doc: string) =>
    inputs.landings.filter((l) => l.doc === doc).map((l) => ({ landing: l, quotes: digest(landingTarget(l)) }));
  const citedBy = (doc: string) => (citers.get(doc) ?? []).map((c) => [c, digest(c)]);
  const key = (route: KeyedRoute, doc: string, parts: Record<string, unknown>) => {
    const d = byDoc.get(doc);
    return d && hash(stableJson({ route, site, doc, content: content(d), ...parts }));
  };

  return {
    essay: (slug) => key('essay', `essays/${slug}`, { landings: landingsOn(`essays/${slug}`) }),
    evidence: (slug) => key('evidence', `essays/${slug}`, {}),
    note: (slug) => key('note', `notes/${slug}`, { landings: landingsOn(`notes/${slug}`), citedBy: citedBy(`notes/${slug}`) }),
    claim: (id) => {
      const doc = claimDoc.get(id);
      if (doc) return key('claim', doc, { claim: id, citedBy: citedBy(doc) });
      const landing = landingById.get(id);
      if (!landing) return undefined;
      const target = landingTarget(landing);
      return byDoc.has(target) ? hash(stableJson({ route: 'claim', site, landing, quotes: digest(target), registry: inputs.registry.get(id) && withoutLine(inputs.registry.get(id)!) })) : undefined;
    },
    // A wording's page: the id's whole registry entry (its wordings, their dates, reasons and sources), the document
    // it was published in (title, authors), the one holding what the claim reads now (itself, or where it moved or
    // what it was retired for), and the notes its wordings cited (titles, or named once gone).
    revision: (slugAndN) => {
      const [id = '', n] = slugAndN.split('/');
      const entry = inputs.registry.get(id);
      if (!entry?.revisions) return undefined;
      const landing = landingById.get(id);
      const now = claimDoc.get(id) ?? (landing ? landingTarget(landing) : undefined);
      const sources = [...new Set(entry.revisions.flatMap((r) => r.sources))].sort().map((note) => [note, digest(`notes/${note}`)]);
      return hash(stableJson({ route: 'revision', site, id, n, entry: withoutLine(entry), landing, published: digest(entry.doc), now: now && digest(now), sources }));
    },
  };
}

/** The document holding the claim a landing sends readers to. */
function landingTarget(landing: Landing): string {
  return landing.kind === 'moved-away' ? landing.targetDoc : landing.kind === 'retired' ? landing.nearestDoc : landing.doc;
}

/**
 * The registry's entries that can show on a document's pages: those published
 * on it, those naming its claims (moved to, nearest), and every entry their
 * moves pass through (an alias follows moves in several steps).
 */
export function registrySlice(d: Pick<KeyedDocument, 'doc' | 'claims'>, registry: Registry): [string, unknown][] {
  const claims = new Set(d.claims);
  const picked = new Set<string>();
  for (const [id, entry] of registry) {
    if (entry.doc === d.doc || claims.has(id) || (entry.moved !== undefined && claims.has(entry.moved)) || (entry.nearest !== undefined && claims.has(entry.nearest))) picked.add(id);
  }
  const queue = [...picked];
  while (queue.length > 0) {
    const next = registry.get(queue.pop()!)?.moved;
    if (next !== undefined && registry.has(next) && !picked.has(next)) {
      picked.add(next);
      queue.push(next);
    }
  }
  return [...picked].sort().map((id) => [id, withoutLine(registry.get(id)!)]);
}

/** A registry entry without its line in the file, which no page shows. */
function withoutLine<T extends { line?: number | undefined }>(entry: T): Omit<T, 'line'> {
  const { line: _line, ...rest } = entry;
  return rest;
}

/** JSON with object keys in sorted order, so equal values always give equal text. Dates as ISO strings, Maps as entry lists. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Map) return [...v];
    if (v instanceof Set) return [...v];
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** A document's digest: its path (relative to the project) and its whole text. */
export function documentDigest(file: string, source: string): string {
  return hash(`${file}\0${source}`);
}

/** The files whose change can change any page: the code (src/), the configuration and the installed packages' lock file. */
export const CODE_FILES = ['src', 'astro.config.mjs', 'site.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];

/** A digest of every file of CODE_FILES under `root` (folders read whole), and the Node.js version. */
export function codeVersion(root: string): string {
  return hash(`${process.version}\0${filesDigest(root, CODE_FILES)}`);
}

/** The key inputs of this build: its settings, its catalog (the files as read) and the corpus made from them. */
export function keyInputs(corpus: Corpus, catalog: Catalog, settings: Settings, code: string): KeyInputs {
  const documents = [...corpus.essays, ...corpus.notes].map((view): KeyedDocument => {
    const doc = `${view.ref.kind}s/${view.entry.id}`;
    const indexed = (view.ref.kind === 'essay' ? catalog.essays : catalog.notes).get(view.entry.id);
    return {
      doc,
      digest: indexed ? documentDigest(indexed.file, indexed.source) : `unindexed ${doc}`,
      cites: [...new Set(view.derived.citations.map((c) => c.note))],
      claims: view.derived.claims.map((c) => c.id),
    };
  });
  const texts = [...catalog.essays.values(), ...catalog.notes.values()].map((entry) => entry.source);
  return {
    site: {
      origin: settings.site,
      base: settings.base,
      content: relative(settings.root, settings.contentDir),
      identity: { SITE_NAME, SITE_DESCRIPTION, SITE_LANGUAGE, SITE_LOCALE, SITE_AUTHORS, SITE_EDITORS },
      fonts: fontCharacters(texts),
      code,
    },
    documents,
    registry: catalog.registry,
    landings: corpus.landings,
  };
}

/**
 * A keyed route's static paths, each with its page's cacheKey. The keys are
 * worked out once per build (per state of the content in the dev server).
 * Takes the route's parameter (`essay`, `note`, `id`) as the slug.
 */
export function withPageKeys<P extends { params: Record<string, string | undefined> }>(route: KeyedRoute, corpus: Corpus, paths: readonly P[]): (P & { cacheKey?: string })[] {
  const context = buildContext();
  const keys = context.memo('page-keys', () => {
    const { settings } = context.index;
    return pageKeys(keyInputs(corpus, context.index.current(), settings, codeVersion(settings.root)));
  });
  const param = route === 'evidence' ? 'essay' : route === 'claim' ? 'id' : route;
  return paths.map((path) => {
    const slug = route === 'revision' ? `${path.params['id']}/${path.params['revision']}` : path.params[param];
    const cacheKey = slug === undefined ? undefined : keys[route](slug);
    return cacheKey === undefined ? path : { ...path, cacheKey };
  });
}
