/**
 * The share picture of a claim (1200x630, the size chat apps and social sites
 * preview), as the element tree satori draws: the site's name, the claim in
 * large type sized to fit, and the question it answers. Pure: the worker in
 * src/integrations/claim-cards/ turns it into a PNG.
 */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export interface CardData {
  id: string;
  text: string;
  /** The essay's (or note's) question. */
  from: string;
  siteName: string;
  /** How many notes the claim cites. */
  sources: number;
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
  const cites = card.sources === 0 ? '' : ` · ${card.sources} ${card.sources === 1 ? 'source' : 'sources'}`;
  // Satori sizes boxes without border-box, so the text column gets an explicit width.
  const inner = { width: CARD_WIDTH - 16 - 2 * 80, height: CARD_HEIGHT - 2 * 64 };
  const line = (style: Record<string, string | number>, text: string) => el('div', { display: 'flex', width: inner.width, ...style }, text);
  return el('div', { width: CARD_WIDTH, height: CARD_HEIGHT, display: 'flex', background: '#fcfbf8', color: '#1d1d1f' }, [
    el('div', { width: 16, height: CARD_HEIGHT, background: '#a3461c' }, []),
    el('div', { ...inner, margin: '64px 80px', display: 'flex', flexDirection: 'column', justifyContent: 'space-between' }, [
      line({ fontFamily: 'Inter', fontSize: 26, letterSpacing: 2, textTransform: 'uppercase', color: '#a3461c' }, `${card.siteName} · Claim${cites}`),
      line({ fontFamily: 'Source Serif', fontSize, lineHeight: 1.25 }, `“${truncate(card.text, maxChars)}”`),
      line({ fontFamily: 'Inter', fontSize: 26, lineHeight: 1.3, color: '#55555c' }, truncate(card.from, 110)),
    ]),
  ]);
}
