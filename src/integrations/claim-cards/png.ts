/**
 * PNG files of the cards' pixels: 8-bit indexed colour (the palette of
 * palette.ts), every row unfiltered, deflated by node:zlib at level 3
 * (signature, IHDR, PLTE, one IDAT, IEND; the PNG spec's chunk layout and
 * CRC). Written here rather than taken from a library because what a card
 * costs is decided by this step: the canvas's own encoder (Skia's) writes RGB
 * only and tries each row filter at zlib level 6, about 45 ms a card, with no
 * options; sharp's takes about 7 ms and a copy of the pixels into its own
 * thread; pngjs allocates fresh buffers for each image, and fresh memory is
 * what this machine is slowest at. Here the rows live in one buffer reused for
 * every card (630 rows of 1,201 bytes); flat rows deflate to almost nothing
 * without a filter, and level 3 is as small as 1 and 2 for this text on a flat
 * ground, at the same speed (levels 4 and up, with lazy matching, take twice
 * as long for 15%).
 */
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
 * One image's rows of palette indices, kept for the next image: a caller writes the rows that changed (`row`), fills
 * the others (`fillRows`), and encodes.
 */
export class PngWriter {
  readonly width: number;
  readonly height: number;
  private readonly stride: number;
  private readonly rows: Buffer;
  private readonly header: Buffer;

  /** `palette`: RGB triples, at most 256. */
  constructor(width: number, height: number, palette: Uint8Array) {
    if (palette.length === 0 || palette.length % 3 !== 0 || palette.length > 256 * 3) throw new Error(`PngWriter: a palette of ${palette.length} bytes; expected 1 to 256 RGB triples`);
    this.width = width;
    this.height = height;
    this.stride = width + 1;
    this.rows = Buffer.alloc(this.stride * height); // each row starts with its filter, 0: none
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(width, 0);
    ihdr.writeUInt32BE(height, 4);
    ihdr.set([8, 3, 0, 0, 0], 8); // 8 bits an index, indexed colour, deflate, the five filters, not interlaced
    this.header = Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('PLTE', palette)]);
  }

  /** Row `y`'s palette indices, to write into (a view of the image's own rows, not a copy). */
  row(y: number): Uint8Array {
    if (!Number.isInteger(y) || y < 0 || y >= this.height) throw new Error(`PngWriter.row: row ${y}; expected 0 to ${this.height - 1}`);
    const start = y * this.stride + 1;
    return this.rows.subarray(start, start + this.width);
  }

  /** Sets rows `from` (inclusive) to `to` (exclusive) to one row of palette indices. */
  fillRows(from: number, to: number, indices: Uint8Array): void {
    if (from >= to) return;
    if (indices.length !== this.width) throw new Error(`PngWriter.fillRows: a row of ${indices.length} indices; expected ${this.width}`);
    this.row(from).set(indices);
    for (let row = from + 1; row < to; row++) this.rows.copyWithin(row * this.stride, from * this.stride, (from + 1) * this.stride);
  }

  encode(): Buffer {
    const idat = deflateSync(this.rows, { level: 3, strategy: constants.Z_DEFAULT_STRATEGY });
    return Buffer.concat([this.header, chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))]);
  }
}
