import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Which built pages belong in the sitemap: every page except those that ask
 * not to be indexed (<meta name="robots" content="noindex">: the 404 page,
 * and the landings of moved or retired claim ids). Reading the built page
 * keeps one source of truth, the page itself, instead of a second list.
 */
export function isNoindexHtml(html: string): boolean {
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    if (/\bname\s*=\s*["']?robots\b/i.test(tag) && /\bcontent\s*=\s*["'][^"']*\bnoindex\b/i.test(tag)) return true;
  }
  return false;
}

/** The built file of a page URL: "https://x.org/base/notes/a/" → "<outDir>/notes/a/index.html". */
export function builtFileOf(pageUrl: string, siteBase: string, outDir: string): string | undefined {
  if (!pageUrl.startsWith(siteBase)) return undefined;
  const path = decodeURIComponent(new URL(pageUrl).pathname.slice(new URL(siteBase).pathname.length));
  return join(outDir, path.endsWith('/') || path === '' ? join(path, 'index.html') : path);
}

/** What the sitemap takes from a built page: whether it asks not to be indexed, and when it last changed. */
export interface SitemapFacts {
  noindex: boolean;
  lastmod: string | undefined;
}

export function sitemapFacts(html: string): SitemapFacts {
  return { noindex: isNoindexHtml(html), lastmod: lastChangedHtml(html) };
}

/**
 * A filter for @astrojs/sitemap: keeps a page unless its built HTML says
 * noindex. `facts` gives a built file's facts, or undefined if there is no
 * such file (by default it reads the file; the build reads each page once
 * for this and the other steps: src/integrations/built-pages.ts).
 */
export function indexablePages(siteBase: string, outDir: string, facts: (file: string) => SitemapFacts | undefined = readFacts): (pageUrl: string) => boolean {
  return (pageUrl) => {
    const file = builtFileOf(pageUrl, siteBase, outDir);
    return !(file && facts(file)?.noindex);
  };
}

/** A built page's facts, or undefined if there is no such page. */
function readFacts(file: string): SitemapFacts | undefined {
  try {
    return sitemapFacts(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * When a built page last changed, from its own head: article:modified_time,
 * else article:published_time (src/components/SocialMeta.astro). Undefined
 * for a page that carries neither (the home page, the lists).
 */
export function lastChangedHtml(html: string): string | undefined {
  const times: Record<string, string> = {};
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    const property = /\bproperty\s*=\s*["']?(article:(?:modified|published)_time)\b/i.exec(tag)?.[1];
    const content = /\bcontent\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1];
    if (property && content) times[property] = content;
  }
  return times['article:modified_time'] ?? times['article:published_time'];
}

/** A serializer for @astrojs/sitemap: gives each entry the lastmod its built page states (lastChangedHtml). */
export function withLastmod(siteBase: string, outDir: string, facts: (file: string) => SitemapFacts | undefined = readFacts): <T extends { url: string; lastmod?: string | undefined }>(item: T) => T {
  return (item) => {
    const file = builtFileOf(item.url, siteBase, outDir);
    const lastmod = file ? facts(file)?.lastmod : undefined;
    return lastmod ? { ...item, lastmod } : item;
  };
}
