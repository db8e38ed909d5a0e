interface ImportMetaEnv {
  /** Where src/site/citable.ts keeps the site's APA references between builds (set in astro.config.mjs). */
  readonly REFERENCE_CACHE_FILE?: string;
  /** The claim registry, content/claims.json, which a new site does not have yet (set in astro.config.mjs). */
  readonly CLAIM_REGISTRY_FILE?: string;
}
