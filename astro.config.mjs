// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeExternalLinks from 'rehype-external-links';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { startBuildContext } from './src/catalog/build-context.ts';
import { createContentIndex } from './src/catalog/content-index.ts';
import { settingsFromEnvironment } from './src/catalog/settings.ts';
import { siteUrls } from './src/site/urls.ts';
import { claimLinks } from './src/site/claim-history.ts';
import { indexablePages, withLastmod } from './src/formats/sitemap-filter.ts';
import remarkCitations from './src/plugins/remark-citations.ts';
import rehypePageOutline from './src/plugins/rehype-page-outline.ts';
import remarkClaimAliases from './src/plugins/remark-claim-aliases.ts';
import remarkClaimParagraphs from './src/plugins/remark-claim-paragraphs.ts';
import remarkClaims from './src/plugins/remark-claims.ts';
import remarkContentRules from './src/plugins/remark-content-rules.ts';
import remarkParagraphAnchors from './src/plugins/remark-paragraph-anchors.ts';
import { BuiltPages } from './src/integrations/built-pages.ts';
import { apaReferences } from './src/integrations/apa-references/index.ts';
import { claimCards } from './src/integrations/claim-cards/index.ts';
import contentIndex from './src/integrations/content-index.ts';
import keptOutput from './src/integrations/kept-output.ts';
import mdxErrorHints from './src/integrations/mdx-error-hints.ts';
import pagefindIndex from './src/integrations/pagefind.ts';
import securityHeaders from './src/integrations/security-headers/index.ts';
import webFonts from './src/integrations/web-fonts/index.ts';

// The settings (read from the environment in src/catalog/settings.ts only), and the
// one content index of this build, which the plugins and integrations below share.
const settings = settingsFromEnvironment();
const context = startBuildContext(createContentIndex(settings));
const catalog = () => context.index.current();
const { root } = settings;
const urls = siteUrls(settings.base);
const siteBase = new URL(settings.base, `${settings.site}/`).href;
// What the steps after the pages read from each built page, read once per page and cached by its bytes.
const builtPages = new BuiltPages(settings.cacheDir);
const search = pagefindIndex(context);
const kept = keptOutput();

export default defineConfig({
  // A fixture build gets its own root (BUILD_ROOT) for Astro's generated files,
  // so several can build at once; the code always comes from this project.
  ...(settings.buildRoot ? { root: settings.buildRoot } : {}),
  cacheDir: settings.cacheDir,
  srcDir: `${root}src`,
  publicDir: `${root}public`,
  site: settings.site,
  base: settings.base,
  outDir: settings.outDir,
  trailingSlash: 'always',
  // Style sheets always as files: the Content-Security-Policy to come allows no inline <style>.
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  // A rebuild renders again only the pages whose key (src/site/page-keys.ts) or code changed;
  // the rest stay in the output folder (keptOutput below; docs/architecture.md, "Incremental builds").
  experimental: { incrementalBuild: true },
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
        // First, so that every plugin after it sees the paragraphs the author wrote.
        remarkClaimParagraphs,
        [remarkContentRules, { root }],
        [remarkCitations, { root, notes: () => catalog().notes, noteHref: urls.note, notesFolder: context.index.folderOf('notes') }],
        // After remark-citations: it finds the citation markers inside each claim.
        [remarkClaims, { root, ...claimLinks(() => catalog().registry, urls) }],
        [remarkClaimAliases, { registry: () => catalog().registry, docOf: context.index.documentOf }],
        [remarkParagraphAnchors, { applies: (/** @type {string} */ path) => context.index.documentOf(path)?.startsWith('essays/') ?? false }],
      ],
      rehypePlugins: [
        // Links that leave the site tell it nothing about the reader.
        [rehypeExternalLinks, { rel: ['noopener', 'noreferrer'], target: false }],
        rehypeSlug,
        // Reads the ids rehype-slug gave, and the headings' text before the anchors are added.
        // A published claim's id may not change, so a clash with a heading is the heading's to fix.
        [rehypePageOutline, { root, published: (/** @type {string} */ id) => { const entry = catalog().registry.get(id); return entry !== undefined && !entry.moved && !entry.retired; } }],
        [rehypeAutolinkHeadings, {
          behavior: 'append',
          properties: { className: ['heading-anchor'], ariaLabel: 'Link to this section', dataPagefindIgnore: '' },
          content: { type: 'text', value: '#' },
        }],
      ],
    }),
  },
  // After the pages are written (astro:build:done), in this order: Pagefind starts indexing, in its own
  // process, while the steps after it run; securityHeaders checks the pages' policies (its middleware made
  // each exact as the page rendered) and writes _headers; the sitemap; claimCards: its pictures started
  // drawing in a child process while the content synced; then the search index is waited for; last,
  // kept-output's stamp.
  integrations: [
    contentIndex(context),
    // "Cite this"'s APA references, made in a worker thread that starts with the build.
    apaReferences(context),
    mdx(),
    mdxErrorHints(),
    // The fonts global.css asks for, cut down to the content's characters before Vite reads the CSS.
    webFonts(context),
    // Keeps the unchanged pages in the output folder between builds, and removes the pages the content no
    // longer has before the steps below read the folder (src/integrations/kept-output.ts).
    kept.prune,
    search.start,
    securityHeaders({ site: settings.site, pages: builtPages }),
    // The sitemap leaves out every page whose HTML says noindex, and dates each page as its head does (src/formats/sitemap-filter.ts).
    sitemap({ filter: indexablePages(siteBase, settings.outDir, (file) => builtPages.get(file)), serialize: withLastmod(siteBase, settings.outDir, (file) => builtPages.get(file)) }),
    claimCards(context),
    search.written,
    // Last: records the pages as this build leaves them, for the next build to keep.
    kept.stamp,
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
