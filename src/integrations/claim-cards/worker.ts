/**
 * The worker thread that draws share pictures (draw.ts): each card straight
 * into its cache file, so the build's main thread handles no pixels.
 */
import { renameSync, writeFileSync } from 'node:fs';
import workerpool from 'workerpool';
import type { CardData } from '../../formats/claim-card.ts';
import { drawCard } from './draw.ts';

/** Draws the card into its cache file (through a temporary one, so that a build stopped halfway leaves no broken card). */
function draw(card: CardData, file: string): void {
  writeFileSync(`${file}.tmp`, drawCard(card));
  renameSync(`${file}.tmp`, file);
}

workerpool.worker({ draw });
