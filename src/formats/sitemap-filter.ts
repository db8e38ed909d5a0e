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
