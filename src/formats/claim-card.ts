/**
 * The share picture of a page (1200x630, the size chat apps and social sites
 * preview), laid out as lines of text to draw: the site's name and what the
 * page is, its text in large type sized to fit (a claim in quotation marks,
 * an essay's or note's title, the site's name), and a line under it (the
 * question a claim answers, an essay's standfirst, a note's first words, the
 * site's description). Pure: the worker in src/integrations/claim-cards/
 * measures and draws the lines on a canvas and writes the PNG.
 */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export interface CardData {
  /** The claim's id, the essay's or note's slug, or "site". */
  id: string;
  /** What is shared. Default: a claim. */
  kind?: 'claim' | 'essay' | 'note' | 'site';
  /** The claim, or the title. */
  text: string;
  /** The line under it: a claim's question, an essay's standfirst, a note's summary, the site's description. */
  from: string;
  siteName: string;
  /** How many notes a claim or essay cites, or papers a note summarises. */
  sources: number;
}

/** The small line at the top: the site, what the page is, and how many sources it has. */
export function cardLabel(card: CardData): string {
  const kind = card.kind ?? 'claim';
  if (kind === 'site') return 'Essays · Notes · Claims';
  const unit = kind === 'note' ? 'paper' : kind === 'essay' ? 'note' : 'source';
  const count = card.sources === 0 ? '' : ` · ${card.sources} ${card.sources === 1 ? unit : `${unit}s`}`;
  return `${card.siteName} · ${kind[0]!.toUpperCase()}${kind.slice(1)}${count}`;
}

/**
 * The characters the card's fonts hold (Source Serif 4 and Inter, Latin
 * subsets): Latin, its accents and extensions, punctuation, currency and
 * arrows. Text with others would be drawn as empty boxes.
 */
const DRAWABLE = /^[\u0000-\u036F\u1E00-\u1EFF\u2000-\u206F\u20A0-\u20CF\u2100-\u215F\u2190-\u21FF\u2212\u2215]*$/u;

/** Whether the card's fonts can draw all its text; a page whose card they cannot shows the site's card instead. */
export function cardDrawable(card: Pick<CardData, 'text' | 'from'>): boolean {
  return DRAWABLE.test(card.text) && DRAWABLE.test(card.from);
}

/** Larger type for shorter claims; the longest are cut with an ellipsis. */
export function cardTextSize(length: number): { fontSize: number; maxChars: number } {
  if (length <= 90) return { fontSize: 62, maxChars: 90 };
  if (length <= 160) return { fontSize: 52, maxChars: 160 };
  if (length <= 240) return { fontSize: 44, maxChars: 240 };
  if (length <= 330) return { fontSize: 38, maxChars: 330 };
  return { fontSize: 34, maxChars: 400 };
}

export function truncate(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars - 1);
  // End at a word: where the cut already does, or at the last space if it is not too far back.
  const space = cut.lastIndexOf(' ');
  const end = text[cut.length] === ' ' || space < maxChars * 0.6 ? cut.length : space;
  // Without the punctuation the cut ends on: "alternatives.…" reads as a typo.
  return `${cut.slice(0, end).trimEnd().replace(/[.,;:]+$/u, '')}…`;
}

/** A font the card sets text in, as the canvas names it, with the spacing it adds after each character. */
export interface CardFont {
  /** A CSS font shorthand: weight, size and families (the later ones draw what the first lacks). */
  font: string;
  size: number;
  letterSpacing: number;
  /** Line height as a multiple of the size, or undefined for the font's own (its ascent plus descent). */
  lineHeight?: number;
}

/** What the layout needs from the fonts: a line's width, and the font's ascent and descent (from its metrics tables). */
export interface CardMeasure {
  width(text: string, font: CardFont): number;
  ascent(font: CardFont): number;
  descent(font: CardFont): number;
}

/** One line of text on the card, at its baseline. */
export interface CardLine {
  text: string;
  x: number;
  y: number;
  font: CardFont;
  color: string;
}

export const CARD_COLORS = { background: '#fcfbf8', accent: '#a3461c', text: '#1d1d1f', quiet: '#55555c' } as const;
/** The accent bar down the left edge, and the margins of the text column. */
export const CARD_BAR = 16;
const MARGIN = { x: 80, y: 64 };
const COLUMN = { x: CARD_BAR + MARGIN.x, y: MARGIN.y, width: CARD_WIDTH - CARD_BAR - 2 * MARGIN.x, height: CARD_HEIGHT - 2 * MARGIN.y };
// Each font's Latin-extended and Vietnamese letters are families of their own (src/integrations/claim-cards/fonts.ts),
// where the canvas looks up a letter the family before lacks. The Vietnamese come first: it holds no other letters, and
// after the Latin file its precomposed letters (ễ) would be built from that file's marks instead, the tilde adrift.
const SERIF = '"Source Serif Vietnamese", "Source Serif", "Source Serif Ext"';
const sans = (size: number) => `600 ${size}px "Inter Vietnamese", Inter, "Inter Ext"`;

/**
 * The lines a text breaks into, greedy: each line takes as many words as fit in the width; a word wider than the width
 * has a line of its own. A line may also break after a hyphen between letters (out-of-|domain), as CSS does.
 */
export function wrapWords(text: string, maxWidth: number, width: (line: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    word.split(/(?<=\p{L}[-\u2010])(?=\p{L})/u).forEach((part, i) => {
      const next = line === '' ? part : i === 0 ? `${line} ${part}` : `${line}${part}`;
      if (line !== '' && width(next) > maxWidth) {
        lines.push(line);
        line = part;
      } else line = next;
    });
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * The card's lines, placed as the card has always looked (a flex column of three blocks spread from the top to the
 * bottom of the text column, as CSS's `justify-content: space-between` does): the label at the top, the text, the line
 * under it at the bottom. Each line's baseline sits where CSS puts it: half the leading above the font's ascent.
 */
export function cardLayout(card: CardData, measure: CardMeasure): CardLine[] {
  const { fontSize, maxChars } = cardTextSize(card.text.length);
  const claim = (card.kind ?? 'claim') === 'claim';
  const blocks = [
    { text: cardLabel(card).toUpperCase(), font: { font: sans(26), size: 26, letterSpacing: 2 }, color: CARD_COLORS.accent },
    { text: claim ? `“${truncate(card.text, maxChars)}”` : truncate(card.text, maxChars), font: { font: `400 ${fontSize}px ${SERIF}`, size: fontSize, letterSpacing: 0, lineHeight: 1.25 }, color: CARD_COLORS.text },
    { text: truncate(card.from, claim ? 110 : 150), font: { font: sans(26), size: 26, letterSpacing: 0, lineHeight: 1.3 }, color: CARD_COLORS.quiet },
  ].map((block) => {
    const ascent = measure.ascent(block.font);
    const content = ascent + measure.descent(block.font);
    const lineHeight = block.font.lineHeight === undefined ? content : block.font.lineHeight * block.font.size;
    const lines = wrapWords(block.text, COLUMN.width, (line) => measure.width(line, block.font));
    return { ...block, lines, lineHeight, baseline: (lineHeight - content) / 2 + ascent, height: lines.length * lineHeight };
  });
  const gap = Math.max(0, (COLUMN.height - blocks.reduce((sum, b) => sum + b.height, 0)) / (blocks.length - 1));
  let top = COLUMN.y;
  return blocks.flatMap((block) => {
    const lines = block.lines.map((text, i) => ({ text, x: COLUMN.x, y: top + i * block.lineHeight + block.baseline, font: block.font, color: block.color }));
    top += block.height + gap;
    return lines;
  });
}
