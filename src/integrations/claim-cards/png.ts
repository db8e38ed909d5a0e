/**
 * PNG files of the cards' pixels: 8-bit RGB, every row unfiltered, deflated by
 * node:zlib at level 3 (signature, IHDR, one IDAT, IEND; the PNG spec's chunk
 * layout and CRC). Written here rather than taken from a library because what
 * a card costs is decided by this step: the canvas's own encoder (Skia's)
 * tries each row filter at zlib level 6, about 45 ms a card, with no options;
 * sharp's takes about 7 ms and a copy of the pixels into its own thread; pngjs
 * allocates fresh buffers for each image, and fresh memory is what this machine
 * is slowest at. Here the rows live in one buffer reused for every card (a
 * card's rows are 2.3 MB); flat rows deflate to almost nothing without a filter,
 * and level 3 is as small as 1 and 2 for this text on a flat ground, at the
 * same speed (levels 4 and up, with lazy matching, take twice as long for 15%).
 */
import { endianness } from 'node:os';
import { constants, crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * One image's rows, kept for the next: a caller sets the rows that changed (from a canvas's RGBA pixels, whose alpha is
 * dropped), fills the others, and encodes.
 */
export class PngWriter {
  readonly width: number;
  readonly height: number;
  private readonly stride: number;
  private readonly rows: Buffer;
  private readonly header: Buffer;
  /** One row of RGB pixels as 32-bit words, where the word-wise copy applies: a width of four pixels' multiple, a little-endian machine. */
  private readonly rgb: { words: Uint32Array; bytes: Uint8Array } | undefined;

  constructor(width: number, height: number) {
    this.width = width;
    this.height = height;
    this.stride = width * 3 + 1;
    this.rows = Buffer.alloc(this.stride * height); // each row starts with its filter, 0: none
    if (width % 4 === 0 && endianness() === 'LE') {
      const words = new Uint32Array((width * 3) / 4);
      this.rgb = { words, bytes: new Uint8Array(words.buffer) };
    }
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(width, 0);
    ihdr.writeUInt32BE(height, 4);
    ihdr.set([8, 2, 0, 0, 0], 8); // 8 bits a channel, truecolour (RGB), deflate, the five filters, not interlaced
    this.header = Buffer.concat([SIGNATURE, chunk('IHDR', ihdr)]);
  }

  /** Sets rows from `y` on to opaque RGBA pixels: whole rows, top to bottom, 4 bytes a pixel. */
  setRows(y: number, rgba: Uint8Array | Uint8ClampedArray): void {
    const { width, stride, rows } = this;
    const count = rgba.length / (width * 4);
    if (!Number.isInteger(count) || y < 0 || y + count > this.height) throw new Error(`PngWriter.setRows: ${rgba.length} bytes of pixels at row ${y}; expected whole rows of ${width} RGBA pixels within ${this.height} rows`);
    if (this.rgb && rgba.byteOffset % 4 === 0) {
      // Four pixels at a time, as 32-bit words (little-endian: R is the low byte), into an aligned row then copied in
      // at once: the byte-by-byte loop below takes twice as long, about 0.8 ms for a card's text rows.
      const { words, bytes } = this.rgb;
      const pixels = new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.length / 4);
      let s = 0;
      for (let row = y; row < y + count; row++) {
        for (let w = 0; w < words.length; w += 3, s += 4) {
          const p1 = pixels[s + 1]!, p2 = pixels[s + 2]!;
          words[w] = (pixels[s]! & 0xffffff) | (p1 << 24);
          words[w + 1] = ((p1 >>> 8) & 0xffff) | (p2 << 16);
          words[w + 2] = ((p2 >>> 16) & 0xff) | (pixels[s + 3]! << 8);
        }
        rows.set(bytes, row * stride + 1);
      }
      return;
    }
    let s = 0;
    for (let row = y; row < y + count; row++) {
      let d = row * stride + 1;
      for (let x = 0; x < width; x++, s += 4, d += 3) {
        rows[d] = rgba[s]!;
        rows[d + 1] = rgba[s + 1]!;
        rows[d + 2] = rgba[s + 2]!;
      }
    }
  }

  /** Sets rows `from` (inclusive) to `to` (exclusive) to one row of RGBA pixels. */
  fillRows(from: number, to: number, rgba: Uint8Array | Uint8ClampedArray): void {
    if (from >= to) return;
    this.setRows(from, rgba);
    for (let row = from + 1; row < to; row++) this.rows.copyWithin(row * this.stride, from * this.stride, (from + 1) * this.stride);
  }

  encode(): Buffer {
    const idat = deflateSync(this.rows, { level: 3, strategy: constants.Z_DEFAULT_STRATEGY });
    return Buffer.concat([this.header, chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))]);
  }
}
