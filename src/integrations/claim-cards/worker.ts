/**
 * Draws share pictures in a worker thread: fonts are read once per worker,
 * then each card is laid out by satori (SVG) and rasterised by resvg (PNG).
 */
import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import workerpool from 'workerpool';
import { CARD_HEIGHT, CARD_WIDTH, cardTree, type CardData } from '../../formats/claim-card.ts';

const font = (name: string) => readFileSync(new URL(`../../assets/fonts/${name}`, import.meta.url));
const fonts = [
  { name: 'Source Serif', data: font('source-serif-4-latin-400-normal.woff'), weight: 400 as const, style: 'normal' as const },
  { name: 'Source Serif', data: font('source-serif-4-latin-ext-400-normal.woff'), weight: 400 as const, style: 'normal' as const },
  { name: 'Inter', data: font('inter-latin-600-normal.woff'), weight: 600 as const, style: 'normal' as const },
];

async function draw(card: CardData): Promise<Uint8Array> {
  const svg = await satori(cardTree(card) as never, { width: CARD_WIDTH, height: CARD_HEIGHT, fonts });
  // satori writes text as paths, so resvg needs no fonts: scanning the system's for each card took 15 ms of its 70.
  return new Resvg(svg, { fitTo: { mode: 'width', value: CARD_WIDTH }, font: { loadSystemFonts: false } }).render().asPng();
}

workerpool.worker({ draw });
