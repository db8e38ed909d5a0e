// @ts-check
import { relative } from 'node:path';
import { readFileSync } from 'node:fs';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeExternalLinks from 'rehype-external-links';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import pagefindIndex from './src/integrations/pagefind.ts';
import { createNoteCatalog } from './src/catalog/note-catalog.ts';
import { createRegistryReader } from './src/catalog/registry-file.ts';
import { slugFromPath } from './src/catalog/slugs.ts';
import { PROJECT_ROOT as root } from './src/catalog/project-root.ts';
import { readSettings } from './src/catalog/settings.ts';
import { siteUrls } from './src/site/urls.ts';
import { indexablePages } from './src/formats/sitemap-filter.ts';
import remarkCitations from './src/plugins/remark-citations.ts';
import remarkClaims from './src/plugins/remark-claims.ts';
import remarkContentRules from './src/plugins/remark-content-rules.ts';
import remarkParagraphAnchors from './src/plugins/remark-paragraph-anchors.ts';
import { claimCards } from './src/integrations/claim-cards/index.ts';
import mdxErrorHints from './src/integrations/mdx-error-hints.ts';
import securityHeaders from './src/integrations/security-headers.ts';

const settings = readSettings(process.env, root);
// Astro's cache folder (its default, or a fixture build's own): share pictures and APA references are kept here between builds.
const cacheDir = process.env.BUILD_ROOT ? `${process.env.BUILD_ROOT}/cache` : `${root}node_modules/.astro`;
// Share pictures are drawn as the claims plugin finds claims, while the rest compiles.
const cards = claimCards();
const urls = siteUrls(settings.base);
const notesDir = `${settings.contentDir}/notes`;
const registryFile = `${settings.contentDir}/claims.json`;
/** "essays/<slug>" for a file in the content folder, as the claim registry names documents. */
const docOf = (/** @type {string} */ path) => {
  const match = /^(essays|notes)\//.exec(relative(settings.contentDir, path));
  return match ? `${match[1]}/${slugFromPath(path)}` : undefined;
};

/** A built page's HTML, or undefined if there is none. */
const readBuilt = (/** @type {string} */ file) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

export default defineConfig({
  // A fixture build gets its own root (BUILD_ROOT) for Astro's generated files,
  // so several can build at once; the code always comes from this project.
  ...(process.env.BUILD_ROOT ? { root: process.env.BUILD_ROOT } : {}),
  cacheDir,
  srcDir: `${root}src`,
  publicDir: `${root}public`,
  site: settings.site,
  base: settings.base,
  outDir: settings.outDir,
  trailingSlash: 'always',
  // Style sheets always as files: the Content-Security-Policy to come allows no inline <style>.
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  markdown: {
    // Shiki colours code with inline style attributes, which the Content-Security-Policy
    // below blocks (an error in the console for each); code stays plain, styled by the site's CSS.
    syntaxHighlight: false,
    // Astro 7's default processor runs no remark or rehype plugins; tests/build
    // checks that these keep running.
    processor: unified({
      gfm: false,
      remarkPlugins: [
        remarkGfm,
        [remarkContentRules, { root }],
        [remarkCitations, { root, notes: createNoteCatalog(notesDir, root), noteHref: urls.note, notesFolder: relative(root, notesDir) }],
        [remarkClaims, { root, registry: createRegistryReader(registryFile, relative(root, registryFile)), docOf, shareHref: urls.claim, onClaim: cards.draw }],
        // After remark-claims, which puts paragraphs made only of claims back together.
        [remarkParagraphAnchors, { applies: (/** @type {string} */ path) => docOf(path)?.startsWith('essays/') ?? false }],
      ],
      rehypePlugins: [
        // Links that leave the site tell it nothing about the reader.
        [rehypeExternalLinks, { rel: ['noopener', 'noreferrer'], target: false }],
        rehypeSlug,
        [rehypeAutolinkHeadings, {
          behavior: 'append',
          properties: { className: ['heading-anchor'], ariaLabel: 'Link to this section', dataPagefindIgnore: '' },
          content: { type: 'text', value: '#' },
        }],
      ],
    }),
  },
  // pagefindIndex and claimCards run after the pages are written (astro:build:done);
  // securityHeaders last, once every page and script is final.
  integrations: [
    mdx(),
    mdxErrorHints(),
    cards.integration,
    pagefindIndex(),
    // The sitemap leaves out every page whose HTML says noindex (src/formats/sitemap-filter.ts).
    sitemap({ filter: indexablePages(new URL(settings.base, `${settings.site}/`).href, settings.outDir, readBuilt) }),
    securityHeaders(),
  ],
  security: {
    // Astro hashes every script and style it emits into the page's policy; nothing
    // inline runs without a hash, and nothing loads from anywhere but this site.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        'upgrade-insecure-requests',
      ],
      // Pagefind compiles its WebAssembly search engine in the browser.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  vite: {
    // For src/site/citable.ts, which keeps the site's APA references between builds, and
    // src/site/corpus.ts, which reads the claim registry only where there is one.
    define: {
      'import.meta.env.REFERENCE_CACHE_FILE': JSON.stringify(`${cacheDir}/apa-references.json`),
      'import.meta.env.CLAIM_REGISTRY_FILE': JSON.stringify(registryFile),
    },
    build: {
      // Scripts load their parts with plain dynamic imports; Vite's preload helper
      // would add a kilobyte to every page's first view for no gain here.
      modulePreload: false,
      rollupOptions: {
        // Astro marks every MDX module with a "use astro:head-inject" directive that
        // the bundler warns about once per file: thousands of lines for 2,000 notes.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
