/**
 * The share pictures' colours as a PNG palette. A card is a flat ground with
 * lines of text, each line in one ink, so each of its pixels is the ground, an
 * ink, or a blend of the two where antialiasing covers part of the pixel. The
 * palette holds the ground and, for each ink, LEVELS blends from the ground
 * to it; a pixel gets the blend nearest its coverage (at most a level's half
 * off: under two units of 255 for the darkest ink). An indexed image is a
 * third of the bytes of an RGB one to deflate, which is most of what a card
 * costs, and about half the file.
 */

type Rgb = [number, number, number];

function rgb(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`InkPalette: "${hex}" is not a colour as #rrggbb`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

/** How far (in units of 255, on any channel) a pixel may be from its palette colour before the slow search is used. */
const CLOSE = 4;

export class InkPalette {
  /** The palette as PNG's PLTE chunk holds it: RGB triples, the ground first. */
  readonly colors: Uint8Array;
  /** Blends per ink. */
  readonly levels: number;
  private readonly ground: Rgb;
  private readonly inks: Map<string, { channel: number; lookup: Uint8Array }>;
  /** The last colour the slow search was made for, and its answer: runs of one colour (the accent bar) search once. */
  private last = { rgb: -1, index: 0 };

  constructor(ground: string, inks: readonly string[]) {
    this.ground = rgb(ground);
    this.levels = Math.floor(255 / inks.length);
    const colors: number[] = [...this.ground];
    this.inks = new Map();
    inks.forEach((hex, i) => {
      const ink = rgb(hex);
      const first = 1 + i * this.levels;
      for (let k = 1; k <= this.levels; k++) {
        for (let c = 0; c < 3; c++) colors.push(Math.round(this.ground[c]! + ((ink[c]! - this.ground[c]!) * k) / this.levels));
      }
      // The channel on which the ink differs most from the ground tells the coverage best.
      const channel = [0, 1, 2].reduce((best, c) => (Math.abs(ink[c]! - this.ground[c]!) > Math.abs(ink[best]! - this.ground[best]!) ? c : best), 0);
      const from = this.ground[channel]!;
      const span = ink[channel]! - from;
      if (span === 0) throw new Error(`InkPalette: the ink ${hex} is the ground's colour`);
      // lookup[v]: the palette index of the blend whose value on that channel is nearest v.
      const lookup = new Uint8Array(256).map((_, v) => {
        const k = Math.round(((v - from) / span) * this.levels);
        return k <= 0 ? 0 : first + Math.min(k, this.levels) - 1;
      });
      this.inks.set(hex, { channel, lookup });
    });
    this.colors = Uint8Array.from(colors);
  }

  /**
   * Writes the palette index of each pixel of a row of RGBA pixels drawn in `ink` over the ground into `out`. A pixel
   * that is not such a blend (ink from a neighbouring line of another colour) gets the nearest palette colour.
   */
  index(rgba: Uint8Array | Uint8ClampedArray, out: Uint8Array, ink: string): void {
    const { colors } = this;
    const known = this.inks.get(ink);
    if (!known) throw new Error(`InkPalette: "${ink}" is not one of the palette's inks`);
    const { channel, lookup } = known;
    // Whole pixels compared at once (most are the ground): RGBA bytes read as one number, as this machine orders them.
    const pixels = new Uint32Array(rgba.buffer, rgba.byteOffset, out.length);
    const ground = new Uint32Array(Uint8Array.from([...this.ground, 255]).buffer)[0]!;
    for (let x = 0, s = 0; x < out.length; x++, s += 4) {
      if (pixels[x] === ground) {
        out[x] = 0;
        continue;
      }
      const r = rgba[s]!;
      const g = rgba[s + 1]!;
      const b = rgba[s + 2]!;
      const i = lookup[rgba[s + channel]!]!;
      const p = i * 3;
      out[x] = Math.abs(colors[p]! - r) <= CLOSE && Math.abs(colors[p + 1]! - g) <= CLOSE && Math.abs(colors[p + 2]! - b) <= CLOSE ? i : this.nearest(r, g, b);
    }
  }

  /** The index of the palette colour nearest a pixel, by squared distance. */
  nearest(r: number, g: number, b: number): number {
    const key = (r << 16) | (g << 8) | b;
    if (this.last.rgb === key) return this.last.index;
    const { colors } = this;
    let best = 0;
    let bestDistance = Infinity;
    for (let i = 0, p = 0; p < colors.length; i++, p += 3) {
      const distance = (colors[p]! - r) ** 2 + (colors[p + 1]! - g) ** 2 + (colors[p + 2]! - b) ** 2;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = i;
      }
    }
    this.last = { rgb: key, index: best };
    return best;
  }
}
