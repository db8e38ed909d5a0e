import { describe, expect, it } from 'vitest';
import { createCanvas, GlobalFonts, loadImage } from '@napi-rs/canvas';
import { CARD_HEIGHT, CARD_WIDTH, cardLayout } from '../../src/formats/claim-card.ts';
import { canvas, drawCard } from '../../src/integrations/claim-cards/draw.ts';
import { InkPalette } from '../../src/integrations/claim-cards/palette.ts';
import { PngWriter } from '../../src/integrations/claim-cards/png.ts';

/** A PNG's pixels, as Skia decodes it. */
async function decode(png: Buffer) {
  const image = await loadImage(png);
  const ctx = createCanvas(image.width, image.height).getContext('2d');
  ctx.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, pixels: ctx.getImageData(0, 0, image.width, image.height).data };
}

const same = (a: Uint8ClampedArray, b: Uint8ClampedArray) => Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));

describe('PngWriter', () => {
  it('writes an indexed PNG that decodes to its palette\'s colours, rows written, filled and left from the image before', async () => {
    const [w, h] = [7, 5];
    const palette = Uint8Array.from([250, 250, 245, 10, 20, 30, 200, 100, 0]);
    const colour = (i: number) => [...palette.subarray(i * 3, i * 3 + 3), 255];
    const indices = Array.from({ length: h }, (_, y) => Array.from({ length: w }, (_, x) => (x * 3 + y) % 3));
    const png = new PngWriter(w, h, palette);
    indices.forEach((row, y) => png.row(y).set(row));
    const first = await decode(png.encode());
    expect([first.width, first.height]).toEqual([w, h]);
    expect([...first.pixels]).toEqual(indices.flat().flatMap(colour));
    png.fillRows(2, 4, Uint8Array.from(indices[0]!));
    const second = await decode(png.encode());
    expect([...second.pixels]).toEqual([indices[0], indices[1], indices[0], indices[0], indices[4]].flat().flatMap((i) => colour(i!)));
    expect(() => png.row(5)).toThrow(/expected 0 to 4/);
    expect(() => new PngWriter(w, h, new Uint8Array(257 * 3))).toThrow(/1 to 256 RGB triples/);
  });
});

describe('InkPalette', () => {
  const palette = new InkPalette('#fcfbf8', ['#a3461c', '#1d1d1f']);
  const at = (i: number) => [...palette.colors.subarray(i * 3, i * 3 + 3)];

  it('holds the ground, then each ink\'s blends from the ground to the ink itself', () => {
    expect(palette.colors.length).toBe(3 * (1 + 2 * palette.levels));
    expect(at(0)).toEqual([0xfc, 0xfb, 0xf8]);
    expect(at(palette.levels)).toEqual([0xa3, 0x46, 0x1c]);
    expect(at(2 * palette.levels)).toEqual([0x1d, 0x1d, 0x1f]);
  });

  it('gives each pixel the blend of its ink nearest its colour, and another ink\'s pixel that ink\'s', () => {
    // The ground, the ink, a 40% blend of ground and ink, and a pixel of the other ink (a neighbouring line's).
    const blend = (a: number) => [0xfc, 0xfb, 0xf8].map((g, c) => Math.round(g + ([0x1d, 0x1d, 0x1f][c]! - g) * a));
    const pixels = Uint8ClampedArray.from([0xfc, 0xfb, 0xf8, 255, 0x1d, 0x1d, 0x1f, 255, ...blend(0.4), 255, 0xa3, 0x46, 0x1c, 255]);
    const out = new Uint8Array(4);
    palette.index(pixels, out, '#1d1d1f');
    expect(out[0]).toBe(0);
    expect(out[1]).toBe(2 * palette.levels);
    expect(out[3]).toBe(palette.levels);
    // Within half a level of the pixel on every channel.
    const step = (0xfc - 0x1d) / palette.levels;
    at(out[2]!).forEach((v, c) => expect(Math.abs(v - blend(0.4)[c]!)).toBeLessThanOrEqual(step / 2 + 1));
    expect(() => palette.index(pixels, out, '#123456')).toThrow(/not one of the palette's inks/);
  });
});

describe('drawCard', () => {
  const card = { id: 'x', kind: 'note' as const, text: 'Does Łukasz Dębowski’s bound hold for Nguyễn’s Żółć models?', from: 'Łukasz Dębowski and Nguyễn Văn An measure Šťastný’s crossover.', siteName: 'Site', sources: 2 };

  it('draws a 1200x630 PNG holding what the canvas drew, each pixel within a palette level of it (the rows without text are blank)', async () => {
    const { width, height, pixels } = await decode(drawCard(card));
    expect([width, height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
    const drawn = canvas.getContext('2d').getImageData(0, 0, CARD_WIDTH, CARD_HEIGHT).data;
    // A level of the darkest ink is (0xfc - 0x1d) / 85 = 2.6 units: each pixel is at most half of that off, rounded.
    let worst = 0;
    let inked = 0;
    for (let i = 0; i < drawn.length; i++) {
      worst = Math.max(worst, Math.abs(drawn[i]! - pixels[i]!));
      if (i % 4 === 0 && (drawn[i] !== 0xfc || drawn[i + 1] !== 0xfb || drawn[i + 2] !== 0xf8)) inked++;
    }
    expect(worst).toBeLessThanOrEqual(2);
    expect(inked).toBeGreaterThan(10_000);
    // And a card drawn after a longer one keeps none of its text.
    drawCard({ ...card, text: 'A much longer title, '.repeat(12), from: 'And a longer line under it. '.repeat(5) });
    expect(same((await decode(drawCard(card))).pixels, pixels)).toBe(true);
  });

  it('draws Latin-extended and Vietnamese letters with the card\'s fonts, not the machine\'s', () => {
    const ctx = createCanvas(200, 100).getContext('2d');
    const ink = (font: string, text: string) => {
      ctx.clearRect(0, 0, 200, 100);
      ctx.font = font;
      ctx.fillText(text, 10, 70);
      return ctx.getImageData(0, 0, 200, 100).data;
    };
    drawCard(card); // registers the fonts
    const [label, body] = cardLayout(card, { width: () => 0, ascent: () => 0, descent: () => 0 });
    // Every family the lines name is one of the card's (else the machine's fonts would stand in, here and below alike).
    for (const family of [label!, body!].flatMap((l) => l.font.font.replace(/^\d+ \d+px /, '').split(', '))) expect(GlobalFonts.has(family.replaceAll('"', '')), family).toBe(true);
    const cases: [string, string, string][] = [
      [body!.font.font, 'Ł', '400 60px "Source Serif Ext"'],
      [body!.font.font, 'ễ', '400 60px "Source Serif Vietnamese"'],
      [label!.font.font, 'Ł', '600 26px "Inter Ext"'],
      [label!.font.font, 'ễ', '600 26px "Inter Vietnamese"'],
    ];
    for (const [font, letter, own] of cases) {
      const drawn = ink(font.replace(/\d+px/, own.match(/\d+px/)![0]), letter);
      expect(drawn.some((v) => v > 0), `${letter} in ${font}`).toBe(true);
      expect(same(drawn, ink(own, letter)), `${letter} in ${font}`).toBe(true);
    }
  });
});
