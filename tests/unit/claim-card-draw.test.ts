import { describe, expect, it } from 'vitest';
import { createCanvas, GlobalFonts, loadImage } from '@napi-rs/canvas';
import { CARD_HEIGHT, CARD_WIDTH, cardLayout } from '../../src/formats/claim-card.ts';
import { canvas, drawCard } from '../../src/integrations/claim-cards/draw.ts';
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
  // 8 pixels wide: rows copied four pixels at a time; 7: byte by byte.
  it.each([7, 8])('writes a PNG that decodes to the pixels it was given, rows set, filled and left from the image before (%i pixels wide)', async (w) => {
    const h = 5;
    const rgba = new Uint8ClampedArray(w * h * 4).map((_, i) => (i % 4 === 3 ? 255 : (i * 37) % 256));
    const png = new PngWriter(w, h);
    png.setRows(0, rgba);
    const first = await decode(png.encode());
    expect([first.width, first.height]).toEqual([w, h]);
    expect(first.pixels).toEqual(rgba);
    const row = rgba.slice(0, w * 4);
    png.fillRows(2, 4, row);
    const second = await decode(png.encode());
    const expected = rgba.slice();
    expected.set(row, 2 * w * 4);
    expected.set(row, 3 * w * 4);
    expect(second.pixels).toEqual(expected);
    expect(() => png.setRows(4, rgba.subarray(0, w * 8))).toThrow(/within 5 rows/);
  });
});

describe('drawCard', () => {
  const card = { id: 'x', kind: 'note' as const, text: 'Does Łukasz Dębowski’s bound hold for Nguyễn’s Żółć models?', from: 'Łukasz Dębowski and Nguyễn Văn An measure Šťastný’s crossover.', siteName: 'Site', sources: 2 };

  it('draws a 1200x630 PNG holding exactly what the canvas drew (the rows without text are blank)', async () => {
    const { width, height, pixels } = await decode(drawCard(card));
    expect([width, height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
    // Compared as bytes: Vitest's deep equality takes seconds over 3 MB.
    expect(same(pixels, canvas.getContext('2d').getImageData(0, 0, CARD_WIDTH, CARD_HEIGHT).data)).toBe(true);
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
