/**
 * built-pages: what the steps after the pages read from each built page (its
 * Content-Security-Policy and inline hashes for
 * src/integrations/security-headers/, its robots <meta> and dates for the
 * sitemap), worked out once per page and kept in the cache folder
 * (`built-pages.json`) under a hash of the page's bytes. A rebuild reads each
 * page once, to hash it, and parses only the pages whose bytes it has not
 * seen: those Astro rendered again. The facts are a function of the bytes
 * alone (and of the code that works them out, whose text is in the cache's
 * version), so a changed page can never be answered from the cache.
 *
 * One instance per build (astro.config.mjs makes it), shared by the steps;
 * it holds each page's facts from its first read on, so a page must not
 * change after that (none does: each page's policy is written as Astro
 * renders it, src/integrations/security-headers/page-policy.ts).
 */
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { hash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pagePolicy, type PagePolicy } from '../formats/security-policy.ts';
import { sitemapFacts, type SitemapFacts } from '../formats/sitemap-filter.ts';

export interface PageFacts extends SitemapFacts {
  /** Undefined for a page without a policy <meta>. */
  policy: PagePolicy | undefined;
}

export function pageFacts(html: string): PageFacts {
  return { policy: pagePolicy(html), ...sitemapFacts(html) };
}

/** The files whose code works the facts out: a change to any drops the cache. */
const FACTS_CODE = ['../formats/security-policy.ts', '../formats/sitemap-filter.ts', './built-pages.ts'];

interface Stored {
  version: string;
  /** Facts by the hash of the page's bytes. */
  pages: Record<string, PageFacts>;
}

export class BuiltPages {
  readonly #file: string;
  #stored: Map<string, PageFacts> | undefined;
  /** Facts of the bytes seen in this build, by hash: what is kept for the next. */
  readonly #seen = new Map<string, PageFacts>();
  /** This build's facts, by page file. */
  readonly #pages = new Map<string, PageFacts>();
  /** One buffer for every read: a fresh one per page costs more in page faults than the read. */
  #buffer = Buffer.allocUnsafe(1 << 20);
  #version: string | undefined;
  /** Pages parsed (not found in the cache) in this build. */
  parsed = 0;

  constructor(cacheDir: string) {
    this.#file = join(cacheDir, 'built-pages.json');
  }

  /** The facts of the built page in `file`, or undefined if there is none. */
  get(file: string): PageFacts | undefined {
    const known = this.#pages.get(file);
    if (known) return known;
    const length = this.#read(file);
    if (length === undefined) return undefined;
    const key = hash('sha256', this.#buffer.subarray(0, length), 'base64url');
    let facts = this.#seen.get(key) ?? this.#load().get(key);
    if (!facts) {
      facts = pageFacts(this.#buffer.toString('utf8', 0, length));
      this.parsed++;
    }
    this.#seen.set(key, facts);
    this.#pages.set(file, facts);
    return facts;
  }

  /** Keeps the facts of the pages seen in this build (and only those) for the next. */
  save(): void {
    mkdirSync(dirname(this.#file), { recursive: true });
    const stored: Stored = { version: this.#factsVersion(), pages: Object.fromEntries(this.#seen) };
    writeFileSync(this.#file, JSON.stringify(stored));
  }

  #load(): Map<string, PageFacts> {
    if (this.#stored) return this.#stored;
    this.#stored = new Map();
    try {
      const stored = JSON.parse(readFileSync(this.#file, 'utf8')) as Stored;
      if (stored.version === this.#factsVersion()) this.#stored = new Map(Object.entries(stored.pages));
    } catch {
      // No cache yet, or an unreadable one: every page is parsed.
    }
    return this.#stored;
  }

  #factsVersion(): string {
    this.#version ??= factsVersion();
    return this.#version;
  }

  /** Reads `file` into the shared buffer; its length, or undefined if there is no such file. */
  #read(file: string): number | undefined {
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch {
      return undefined;
    }
    try {
      const size = fstatSync(fd).size;
      if (size > this.#buffer.length) this.#buffer = Buffer.allocUnsafe(size * 2);
      let length = 0;
      while (length < size) {
        const n = readSync(fd, this.#buffer, length, size - length, null);
        if (n === 0) break;
        length += n;
      }
      return length;
    } finally {
      closeSync(fd);
    }
  }
}

function factsVersion(): string {
  return hash('sha256', FACTS_CODE.map((file) => readFileSync(fileURLToPath(new URL(file, import.meta.url)), 'utf8')).join('\0'), 'base64url');
}
