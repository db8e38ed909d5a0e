import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Byte counts of what a page fetches, by kind, raw and compressed. */

export const RESOURCE_KINDS = ['html', 'css', 'js', 'font', 'image', 'other'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

export type Weight = Record<ResourceKind | 'total', Sizes>;

/**
 * Sizes of one body: raw, gzip at level 9 and brotli at quality 11, as a
 * host that precompresses static files serves them.
 */
export function compressedSizes(body: Uint8Array): Sizes {
  return {
    raw: body.byteLength,
    gzip: gzipSync(body, { level: 9 }).byteLength,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } }).byteLength,
  };
}

const zero = (): Sizes => ({ raw: 0, gzip: 0, brotli: 0 });
const plus = (a: Sizes, b: Sizes): Sizes => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });

export function emptyWeight(): Weight {
  return { html: zero(), css: zero(), js: zero(), font: zero(), image: zero(), other: zero(), total: zero() };
}

export function addToWeight(weight: Weight, kind: ResourceKind, sizes: Sizes): Weight {
  return { ...weight, [kind]: plus(weight[kind], sizes), total: plus(weight.total, sizes) };
}
