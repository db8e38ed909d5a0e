declare module 'virtual:site/settings' {
  /** The build's settings that pages need (src/integrations/content-index.ts). */
  const settings: { site: string; base: string; cacheDir: string };
  export default settings;
}

declare module 'subset-font' {
  /** subset-font ships no types: the part of its API that src/integrations/web-fonts/ uses. */
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: {
      targetFormat?: 'woff2' | 'woff' | 'truetype' | 'sfnt';
      variationAxes?: Record<string, number | { min: number; max: number; default?: number }>;
      keepFeatures?: string[];
      preserveNameIds?: number[];
      noLayoutClosure?: boolean;
    },
  ): Promise<Buffer>;
}
