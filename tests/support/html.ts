import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as cheerio from 'cheerio';

/** A built page, parsed, with the helpers the build and seed tests share. */
export function loadPage(outDir: string, urlPath: string): cheerio.CheerioAPI {
  return cheerio.load(readFileSync(fileForUrl(outDir, urlPath), 'utf8'));
}

/** The file that serves `urlPath` (which may carry a base path already stripped). */
export function fileForUrl(outDir: string, urlPath: string): string {
  const clean = decodeURIComponent(urlPath.split('#')[0]!.split('?')[0]!).replace(/^\/+/, '');
  return clean === '' || clean.endsWith('/') ? join(outDir, clean, 'index.html') : join(outDir, clean);
}

/** Every HTML page of a built site, as URL paths ("/notes/x/"). */
export function allPages(outDir: string): string[] {
  return (readdirSync(outDir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f.endsWith('.html'))
    .map((f) => `/${relative(outDir, join(outDir, f)).split(sep).join('/')}`.replace(/index\.html$/, ''))
    .sort();
}

/**
 * Text as a reader sees it, made comparable with the seed: typographic quotes
 * and dashes are fine on the page, and white space is folded.
 */
export function normalizeText(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}
