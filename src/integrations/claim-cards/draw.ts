/**
 * Draws share pictures with @napi-rs/canvas (Skia): the fonts are registered
 * once per thread, one canvas and one PNG row buffer serve every card (fresh
 * memory is slow to come by), and each card's lines, laid out by
 * src/formats/claim-card.ts, are drawn with fillText and written as a PNG.
 */
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { CARD_BAR, CARD_COLORS, CARD_HEIGHT, CARD_WIDTH, cardLayout, type CardData, type CardFont, type CardMeasure } from '../../formats/claim-card.ts';
import { CARD_FONT_FILES } from './fonts.ts';
import { InkPalette } from './palette.ts';
import { PngWriter } from './png.ts';

for (const { family, path } of CARD_FONT_FILES) {
  if (!GlobalFonts.registerFromPath(path, family)) throw new Error(`The share pictures' font ${path} could not be read as ${family}.`);
}

/** The canvas every card is drawn on (exported for the tests: it holds the last card drawn). */
export const canvas = createCanvas(CARD_WIDTH, CARD_HEIGHT);
const ctx = canvas.getContext('2d');
/** The ground, and the inks the layout draws lines in (the accent bar is the accent's). */
const palette = new InkPalette(CARD_COLORS.background, [CARD_COLORS.accent, CARD_COLORS.text, CARD_COLORS.quiet]);
const png = new PngWriter(CARD_WIDTH, CARD_HEIGHT, palette.colors);

let current: CardFont | undefined;
/** Sets the canvas's font (parsing a font string is most of what measuring a word costs, so only when it changes). */
function setFont(c: SKRSContext2D, f: CardFont) {
  if (f === current) return;
  c.font = f.font;
  c.letterSpacing = `${f.letterSpacing}px`;
  current = f;
}

const measure: CardMeasure = {
  width: (text, f) => (setFont(ctx, f), ctx.measureText(text).width),
  ascent: (f) => (setFont(ctx, f), ctx.measureText('').fontBoundingBoxAscent),
  descent: (f) => (setFont(ctx, f), ctx.measureText('').fontBoundingBoxDescent),
};

// A row of the card without text: the accent bar and the ground.
ctx.fillStyle = CARD_COLORS.background;
ctx.fillRect(0, 0, CARD_WIDTH, CARD_HEIGHT);
ctx.fillStyle = CARD_COLORS.accent;
ctx.fillRect(0, 0, CARD_BAR, CARD_HEIGHT);
const blankRow = new Uint8Array(CARD_WIDTH);
palette.index(ctx.getImageData(0, 0, CARD_WIDTH, 1).data, blankRow, CARD_COLORS.accent);

/** The card's PNG: the blank row everywhere, then each line's pixels where its ink is. */
export function drawCard(card: CardData): Buffer {
  ctx.fillStyle = CARD_COLORS.background;
  ctx.fillRect(0, 0, CARD_WIDTH, CARD_HEIGHT);
  ctx.fillStyle = CARD_COLORS.accent;
  ctx.fillRect(0, 0, CARD_BAR, CARD_HEIGHT);
  ctx.textBaseline = 'alphabetic';
  png.fillRows(0, CARD_HEIGHT, blankRow);
  for (const line of cardLayout(card, measure)) {
    setFont(ctx, line.font);
    ctx.fillStyle = line.color;
    ctx.fillText(line.text, line.x, line.y);
    // Only the box the line's ink covers (as the glyphs' outlines bound it, and two pixels more each side for the
    // antialiasing) is read back: reading pixels costs fresh memory, more than drawing them. Where two lines' boxes
    // share pixels, the later line's reading holds both inks (palette.ts finds the other's colour).
    const ink = ctx.measureText(line.text);
    const top = Math.max(0, Math.floor(line.y - ink.actualBoundingBoxAscent) - 2);
    const bottom = Math.min(CARD_HEIGHT, Math.ceil(line.y + ink.actualBoundingBoxDescent) + 2);
    const left = Math.max(0, Math.floor(line.x - ink.actualBoundingBoxLeft) - 2);
    const right = Math.min(CARD_WIDTH, Math.ceil(line.x + ink.actualBoundingBoxRight) + 2);
    // A line wholly below the card (text that overflows it) is clipped, as the old layout's was.
    if (top >= bottom || left >= right) continue;
    const width = right - left;
    const pixels = ctx.getImageData(left, top, width, bottom - top).data;
    for (let row = top; row < bottom; row++) palette.index(pixels.subarray((row - top) * width * 4, (row - top + 1) * width * 4), png.row(row).subarray(left, right), line.color);
  }
  return png.encode();
}
