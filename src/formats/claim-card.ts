/**
 * The share picture of a page (1200x630, the size chat apps and social sites
 * preview), as the element tree satori draws: the site's name and what the
 * page is, its text in large type sized to fit (a claim in quotation marks,
 * an essay's or note's title, the site's name), and a line under it (the
 * question a claim answers, an essay's standfirst, a note's first words, the
 * site's description). Pure: the worker in src/integrations/claim-cards/
 * turns it into a PNG.
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
  return `${cut.slice(0, end).trimEnd()}…`;
}

interface Node {
  type: string;
  props: { style?: Record<string, string | number>; children?: (Node | string)[] | Node | string };
}

const el = (type: string, style: Record<string, string | number>, children: (Node | string)[] | string): Node => ({ type, props: { style, children } });

export function cardTree(card: CardData): Node {
  const { fontSize, maxChars } = cardTextSize(card.text.length);
  const claim = (card.kind ?? 'claim') === 'claim';
  // Satori sizes boxes without border-box, so the text column gets an explicit width.
  const inner = { width: CARD_WIDTH - 16 - 2 * 80, height: CARD_HEIGHT - 2 * 64 };
  const line = (style: Record<string, string | number>, text: string) => el('div', { display: 'flex', width: inner.width, ...style }, text);
  return el('div', { width: CARD_WIDTH, height: CARD_HEIGHT, display: 'flex', background: '#fcfbf8', color: '#1d1d1f' }, [
    el('div', { width: 16, height: CARD_HEIGHT, background: '#a3461c' }, []),
    el('div', { ...inner, margin: '64px 80px', display: 'flex', flexDirection: 'column', justifyContent: 'space-between' }, [
      line({ fontFamily: 'Inter', fontSize: 26, letterSpacing: 2, textTransform: 'uppercase', color: '#a3461c' }, cardLabel(card)),
      line({ fontFamily: 'Source Serif', fontSize, lineHeight: 1.25 }, claim ? `“${truncate(card.text, maxChars)}”` : truncate(card.text, maxChars)),
      line({ fontFamily: 'Inter', fontSize: 26, lineHeight: 1.3, color: '#55555c' }, truncate(card.from, claim ? 110 : 150)),
    ]),
  ]);
}
