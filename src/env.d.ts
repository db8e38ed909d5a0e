interface ImportMetaEnv {
  /** Where src/data/citable.ts keeps the site's APA references between builds (set in astro.config.mjs). */
  readonly REFERENCE_CACHE_FILE?: string;
}
