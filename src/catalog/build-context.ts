import type { ApaFormatter } from '../formats/citation-formats.ts';
import type { CardData } from '../formats/claim-card.ts';
import type { ClaimSearchRecord } from '../formats/search-records.ts';
import type { DerivedData } from '../markdown/derived.ts';
import type { ContentFolder } from './collections.ts';
import { createContentIndex, type ContentIndex } from './content-index.ts';
import { settingsFromEnvironment } from './settings.ts';

/**
 * What one build shares across its parts, like Quartz's BuildCtx: the content
 * index, and what the pages worked out for the steps after them (each claim's
 * share picture and search record).
 *
 * Why a process-wide object: Astro loads astro.config.mjs (the integrations and
 * plugins) and src/content.config.ts with the pages (through Vite's module
 * runner) as two separate module graphs in one process, so a module-level
 * variable would exist twice. The integration in src/integrations/content-index.ts
 * creates the context; everything else finds it here.
 */
export interface BuildContext {
  index: ContentIndex;
  /** Told once the pages know the site's claims (src/site/corpus.ts). */
  publishClaims(claims: PublishedClaims): void;
  /** The claims the pages published, once they have. */
  readonly claims: PublishedClaims | undefined;
  /** Called with the claims as soon as they are published (the share pictures start drawing). */
  onClaims(listener: (claims: PublishedClaims) => void): void;
  /** Told by the content layer as it renders each essay and note (src/catalog/loaders/indexed.ts), before any page. */
  entryRendered(entry: RenderedEntry): void;
  /** Called with each entry the content layer renders (the share pictures it tells of start drawing then). */
  onEntryRendered(listener: (entry: RenderedEntry) => void): void;
  /**
   * What the pages work out once per state of the content (the corpus, the APA
   * batch), kept here rather than in module variables; `make` runs again once
   * the index has read a changed file.
   */
  memo<T>(key: string, make: () => T): T;
  /**
   * Formats "Cite this"'s APA references in a worker thread, where an
   * integration provides one (src/integrations/apa-references/); `release`
   * says a build's batch is made. Without it, src/site/citable.ts formats them itself.
   */
  apa?: { format: ApaFormatter; release(): void };
  /**
   * Says that a part of the build holds memory (the share pictures' process) until `released` settles: the search
   * index waits for it before it writes (src/integrations/pagefind.ts), the step where Pagefind's own memory peaks, so
   * that the two peaks do not add up.
   */
  holdsMemory(released: Promise<unknown>): void;
  /** Settles once every part that said it holds memory has let it go (at once if none has). */
  memoryReleased(): Promise<void>;
  /** Prints a warning once per build (or dev session), however many pages come upon it. */
  warnOnce(message: string): void;
  /**
   * Whether this is the dev server, which shows work in progress (drafts, a claim
   * reworded but not yet republished) where a build stops. The collections'
   * loader says so (src/catalog/loaders/indexed.ts): Astro gives it a watcher
   * in the dev server only. (`import.meta.env.DEV` cannot tell: it is true
   * while a build prerenders its pages.)
   */
  devServer: boolean;
  /**
   * In the dev server, how each collection's loader stores the entries of the
   * files the index was told changed (src/catalog/loaders/indexed.ts registers
   * them; src/integrations/content-index.ts calls them after a change).
   */
  readonly devStores: Map<ContentFolder, () => Promise<void>>;
}

/** The claims of the built site, as the build steps after the pages need them. */
export interface PublishedClaims {
  /** Each claim's share picture, and where it goes in the built site (a path without the base). */
  cards: { card: CardData; path: string }[];
  /** One Pagefind record per claim. */
  searchRecords: ClaimSearchRecord[];
}

/** An essay or note as the content layer rendered it: its front matter and what the remark plugins recorded. */
export interface RenderedEntry {
  folder: ContentFolder;
  id: string;
  data: Record<string, unknown>;
  derived: DerivedData;
}

const KEY = Symbol.for('research-explainers.build-context');
type WithContext = typeof globalThis & { [KEY]?: BuildContext };

/** Starts a build's context around its content index (one per `astro build` or `astro dev`). */
export function startBuildContext(index: ContentIndex): BuildContext {
  let claims: PublishedClaims | undefined;
  const listeners: ((claims: PublishedClaims) => void)[] = [];
  const renderListeners: ((entry: RenderedEntry) => void)[] = [];
  const memos = new Map<string, { catalog: unknown; value: unknown }>();
  const warned = new Set<string>();
  const holders = new Set<Promise<unknown>>();
  const context: BuildContext = {
    index,
    devServer: false,
    devStores: new Map(),
    get claims() {
      return claims;
    },
    publishClaims: (published) => {
      claims = published;
      for (const listener of listeners) listener(published);
    },
    onClaims: (listener) => void listeners.push(listener),
    entryRendered: (entry) => {
      for (const listener of renderListeners) listener(entry);
    },
    onEntryRendered: (listener) => void renderListeners.push(listener),
    memo: <T>(key: string, make: () => T): T => {
      const catalog = index.current();
      const kept = memos.get(key);
      if (kept?.catalog === catalog) return kept.value as T;
      const value = make();
      memos.set(key, { catalog, value });
      return value;
    },
    holdsMemory: (released) => {
      const settled = released.then(() => undefined, () => undefined);
      holders.add(settled);
      void settled.then(() => holders.delete(settled));
    },
    memoryReleased: async () => {
      while (holders.size > 0) await Promise.all(holders);
    },
    warnOnce: (message) => {
      if (warned.has(message)) return;
      warned.add(message);
      console.warn(`[content] warning: ${message}`);
    },
  };
  (globalThis as WithContext)[KEY] = context;
  return context;
}

/**
 * The context of the build under way. Where no integration started one (a tool
 * that loads the content config alone), one is started from the environment.
 */
export function buildContext(): BuildContext {
  return (globalThis as WithContext)[KEY] ?? startBuildContext(createContentIndex(settingsFromEnvironment()));
}
