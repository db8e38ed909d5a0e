/**
 * The site's own fonts: the last face of each font stack in
 * src/styles/global.css, downloaded only where the reader's system has none
 * of the faces named before it (docs/typography.md says which platform gets
 * which). Each file is the variable font of an @fontsource-variable package,
 * cut down by src/integrations/web-fonts/ to the weights the site uses and
 * to the characters its pages can show.
 */

export interface WebFont {
  /** The file name global.css asks for, under the `@site-fonts/` alias. */
  file: string;
  /** The source file: a package and its path, resolved from the project. */
  source: string;
  /** The weights kept, as an axis range (or one weight, pinned). */
  weight: number | { min: number; max: number };
}

export const WEB_FONTS: readonly WebFont[] = [
  { file: 'source-serif-4-roman.woff2', source: '@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2', weight: { min: 400, max: 600 } },
  { file: 'source-serif-4-italic.woff2', source: '@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-italic.woff2', weight: 400 },
  { file: 'inter.woff2', source: '@fontsource-variable/inter/files/inter-latin-wght-normal.woff2', weight: { min: 400, max: 600 } },
];

/** The OpenType features kept: shaping, kerning, ligatures, and the figures and small capitals global.css asks for. */
export const FONT_FEATURES = ['ccmp', 'locl', 'mark', 'mkmk', 'kern', 'liga', 'calt', 'onum', 'lnum', 'pnum', 'tnum', 'smcp', 'c2sc', 'case'] as const;

/**
 * What every page may show besides its content: printable ASCII (a typed
 * search, a URL written out in print) and the punctuation the templates and
 * smart quotes put in (‘’“” – — … · ¶ § → ↩ ×, the non-breaking space).
 */
export const BASE_CHARACTERS = `${String.fromCharCode(...Array.from({ length: 95 }, (_, i) => 32 + i))}\u00a0‘’“”–—…·•¶§×→←↑↓↩−`;

/** The characters the fonts must hold for these texts: the base set and every character of the texts, once each, in code point order. */
export function fontCharacters(texts: Iterable<string>): string {
  const chars = new Set<string>(BASE_CHARACTERS);
  for (const text of texts) for (const char of text) chars.add(char);
  // The control characters left out once, not tested once per character of the content (every rebuild works this out twice).
  return [...chars].filter((char) => !/\p{Cc}/u.test(char)).sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join('');
}
