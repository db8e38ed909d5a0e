/**
 * Ids the site's own page furniture uses, which claims and headings must not
 * take, and the prefixes of the ids it generates for citation markers and
 * sources. Kept in one place so the layouts and the checks agree.
 */

export const MARKER_PREFIX = 'cite-';
export const SOURCE_PREFIX = 'ref-';
export const PARAGRAPH_PREFIX = 'paragraph-';
export const PREVIEW_PREFIX = 'preview-';

export const RESERVED_IDS = new Set([
  'top',
  'main',
  'content',
  'header',
  'footer',
  'search',
  'sources',
  'contents',
  'cited-in',
  'cite-this',
  'claims',
  'evidence',
  'theme',
]);

/** The citation marker for the `occurrence`-th citation of `note` on a page. */
export function markerId(note: string, occurrence: number): string {
  return `${MARKER_PREFIX}${note}-${occurrence}`;
}

/** The sources-list entry for `note` on a page. */
export function sourceId(note: string): string {
  return `${SOURCE_PREFIX}${note}`;
}

/** The citation preview (a popover) for `note` on a page. */
export function previewId(note: string): string {
  return `${PREVIEW_PREFIX}${note}`;
}

/** Why a claim or heading may not use `id` on a page, or undefined when it may. */
export function reservedIdProblem(id: string): string | undefined {
  if (RESERVED_IDS.has(id)) return `"${id}" is used by the page itself (${[...RESERVED_IDS].join(', ')}).`;
  for (const prefix of [MARKER_PREFIX, SOURCE_PREFIX, PARAGRAPH_PREFIX, PREVIEW_PREFIX]) {
    if (id.startsWith(prefix)) return `ids starting with "${prefix}" are kept for the page's own anchors (citation markers, sources, paragraphs, previews).`;
  }
  return undefined;
}
