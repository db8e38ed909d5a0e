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

/** A filter for @astrojs/sitemap: keeps a page unless its built HTML says noindex. */
export function indexablePages(siteBase: string, outDir: string, read: (file: string) => string | undefined = readBuilt): (pageUrl: string) => boolean {
  return (pageUrl) => {
    const file = builtFileOf(pageUrl, siteBase, outDir);
    const html = file ? read(file) : undefined;
    return html === undefined || !isNoindexHtml(html);
  };
}

/** A built page's HTML, or undefined if there is none. */
function readBuilt(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
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
export function withLastmod(siteBase: string, outDir: string, read: (file: string) => string | undefined = readBuilt): <T extends { url: string; lastmod?: string | undefined }>(item: T) => T {
  return (item) => {
    const file = builtFileOf(item.url, siteBase, outDir);
    const html = file ? read(file) : undefined;
    const lastmod = html === undefined ? undefined : lastChangedHtml(html);
    return lastmod ? { ...item, lastmod } : item;
  };
}
