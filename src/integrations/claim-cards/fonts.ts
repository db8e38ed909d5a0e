/**
 * The cards' font files and the family each is registered as. A line names a
 * list of families (src/formats/claim-card.ts); the canvas takes each letter
 * from the first that has it at the line's weight. The site's own static
 * files (Latin and Latin-extended Source Serif 4, Latin Inter 600) draw
 * nearly every card; the variable files of the fonts' packages add Inter's
 * Latin-extended letters and both fonts' Vietnamese ones (the letters
 * cardDrawable admits), so no card falls back on the machine's fonts.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const own = (name: string) => fileURLToPath(new URL(`../../assets/fonts/${name}`, import.meta.url));

export const CARD_FONT_FILES: readonly { family: string; path: string }[] = [
  { family: 'Source Serif', path: own('source-serif-4-latin-400-normal.woff') },
  { family: 'Source Serif Ext', path: own('source-serif-4-latin-ext-400-normal.woff') },
  { family: 'Source Serif Vietnamese', path: require.resolve('@fontsource-variable/source-serif-4/files/source-serif-4-vietnamese-wght-normal.woff2') },
  { family: 'Inter', path: own('inter-latin-600-normal.woff') },
  { family: 'Inter Ext', path: require.resolve('@fontsource-variable/inter/files/inter-latin-ext-wght-normal.woff2') },
  { family: 'Inter Vietnamese', path: require.resolve('@fontsource-variable/inter/files/inter-vietnamese-wght-normal.woff2') },
];
