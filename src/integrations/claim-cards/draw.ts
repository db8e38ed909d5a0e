/**
 * Draws share pictures with @napi-rs/canvas (Skia): the fonts are registered
 * once per thread, one canvas and one PNG row buffer serve every card (fresh
 * memory is slow to come by), and each card's lines, laid out by
 * src/formats/claim-card.ts, are drawn with fillText and written as a PNG.
 */
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { CARD_BAR, CARD_COLORS, CARD_HEIGHT, CARD_WIDTH, cardLayout, type CardData, type CardFont, type CardMeasure } from '../../formats/claim-card.ts';
import { CARD_FONT_FILES } from './fonts.ts';
import { PngWriter } from './png.ts';

for (const { family, path } of CARD_FONT_FILES) {
  if (!GlobalFonts.registerFromPath(path, family)) throw new Error(`The share pictures' font ${path} could not be read as ${family}.`);
}

/** The canvas every card is drawn on (exported for the tests: it holds the last card drawn). */
export const canvas = createCanvas(CARD_WIDTH, CARD_HEIGHT);
const ctx = canvas.getContext('2d');
const png = new PngWriter(CARD_WIDTH, CARD_HEIGHT);

let current: { font: string; letterSpacing: number } | undefined;
/**
 * Sets the canvas's font, only when it changes: parsing a font string is most of what measuring a word costs. Compared
 * by value, since each card's layout makes its fonts anew, and most cards set the same few.
 */
function setFont(c: SKRSContext2D, f: CardFont) {
  if (current && f.font === current.font && f.letterSpacing === current.letterSpacing) return;
  c.font = f.font;
  c.letterSpacing = `${f.letterSpacing}px`;
  current = { font: f.font, letterSpacing: f.letterSpacing };
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
const blankRow = ctx.getImageData(0, 0, CARD_WIDTH, 1).data;

/**
 * The card's PNG. Only the rows that hold text are read back from the canvas (reading pixels costs fresh memory, and
 * more than drawing them); the others are the blank row.
 */
export function drawCard(card: CardData): Buffer {
  ctx.fillStyle = CARD_COLORS.background;
  ctx.fillRect(0, 0, CARD_WIDTH, CARD_HEIGHT);
  ctx.fillStyle = CARD_COLORS.accent;
  ctx.fillRect(0, 0, CARD_BAR, CARD_HEIGHT);
  ctx.textBaseline = 'alphabetic';
  const bands: [number, number][] = [];
  for (const line of cardLayout(card, measure)) {
    setFont(ctx, line.font);
    ctx.fillStyle = line.color;
    ctx.fillText(line.text, line.x, line.y);
    // The rows the line's ink covers (as the glyphs' outlines bound it), and two more each side for the antialiasing.
    const ink = ctx.measureText(line.text);
    bands.push([Math.max(0, Math.floor(line.y - ink.actualBoundingBoxAscent) - 2), Math.min(CARD_HEIGHT, Math.ceil(line.y + ink.actualBoundingBoxDescent) + 2)]);
  }
  bands.sort((a, b) => a[0] - b[0]);
  let y = 0;
  for (const [top, bottom] of bands) {
    // A line wholly below the card (text that overflows it) is clipped, as the old layout's was.
    if (bottom <= y || top >= bottom) continue;
    const from = Math.max(top, y);
    png.fillRows(y, from, blankRow);
    png.setRows(from, ctx.getImageData(0, from, CARD_WIDTH, bottom - from).data);
    y = bottom;
  }
  png.fillRows(y, CARD_HEIGHT, blankRow);
  return png.encode();
}
