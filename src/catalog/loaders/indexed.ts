import { relative, sep } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isUnifiedProcessor, parseFrontmatter, rehypeHeadingIds, remarkCollectImages, type unified } from '@astrojs/markdown-remark';
import type { AstroConfig } from 'astro';
import type { Loader, LoaderContext } from 'astro/loaders';
import remarkGfm from 'remark-gfm';
import type { PluggableList } from 'unified';
import { buildContext } from '../build-context.ts';
import { loaderName, type ContentFolder } from '../collections.ts';
import type { Catalog, IndexedEntry } from '../content-index.ts';
import { shownEntries } from '../drafts.ts';
import { filesDigest } from '../files-digest.ts';
import { throwIfProblems } from '../problems.ts';
import { PROJECT_ROOT } from '../project-root.ts';
import { findCitations } from '../../markdown/citation-syntax.ts';
import { readDerived } from '../../markdown/derived.ts';
import { createContentRenderer, type ContentRenderer, type RenderedContent } from '../../markdown/render-content.ts';

/**
 * A collection's loader that reads nothing itself: it stores the entries of
 * one content folder as the content index read and validated them, once for
 * the whole build (src/catalog/content-index.ts). Problems anywhere in the
 * content stop the build here, all in one report, before any page compiles.
 * Entry ids are file names, so a note can move between folders without
 * changing its URL. In the dev server a changed file is read again, alone,
 * and stored again (src/integrations/content-index.ts watches the files and
 * calls this loader's `devStores` entry). Drafts are stored in the dev server only (src/catalog/drafts.ts).
 *
 * Entries are rendered here, in the content layer, and the store keeps their
 * HTML (`rendered`), as Astro's glob loader does for Markdown; Astro's default
 * for MDX (`deferredRender`: each file a Vite module, compiled and bundled in
 * every build) cost most of a build's time and memory. The site's remark and
 * rehype plugins run here, from `markdown.processor` in astro.config.mjs
 * (src/markdown/render-content.ts). An entry's digest covers everything its
 * HTML depends on (its file, the titles of the notes it cites, the registry's
 * entries for it, the settings and the rendering code: `renderInputs`), so an
 * unchanged entry is kept from the last build's store, HTML and all, and not
 * rendered again.
 */
export function indexedCollection(folder: ContentFolder): Loader {
  return {
    name: loaderName(folder),
    load: async ({ store, config, watcher, generateDigest, refreshContextData }) => {
      const context = buildContext();
      const { index } = context;
      context.devServer = watcher !== undefined;
      const root = fileURLToPath(config.root);
      const render = contentRendering(config, index.settings.root);
      const sync = async () => {
        const catalog = index.current();
        throwIfProblems('The content has problems.', catalog.problems);
        const untouched = new Set(store.keys());
        const code = renderCodeVersion();
        let turned = performance.now();
        // Astro gives loaders a watcher in the dev server only: that is where drafts are shown.
        for (const entry of shownEntries(catalog[folder].values(), { drafts: watcher !== undefined })) {
          untouched.delete(entry.id);
          const filePath = relative(root, entry.path).split(sep).join('/');
          const digest = generateDigest(renderInputs(entry, catalog, { code, base: index.settings.base, site: index.settings.site }));
          const existing = store.get(entry.id);
          if (existing?.digest === digest && existing.filePath === filePath) {
            // Unchanged since the last build: its HTML is still right (or, left to Astro, its compiled module still wanted).
            if (existing.deferredRender) store.addModuleImport(filePath);
            continue;
          }
          // Astro's store keeps an entry whose digest is unchanged, file path and all: a file renamed from .mdx to .md
          // would keep its old path, whose compiled module no longer exists ("failed to resolve import
          // astro:content-layer-deferred-module?…"), in every later build. So a moved file's entry is replaced.
          if (existing) store.delete(entry.id);
          const rendered = await render(entry);
          // No `body`: nothing reads it, and Astro writes the whole store after every change (in the dev server, and
          // there reads it again whole): at N = 1,000 the bodies were a quarter of it (1.1 of 4.7 MB).
          store.set({ id: entry.id, data: entry.data ?? {}, filePath, digest, ...(rendered ? { rendered } : { deferredRender: true }) });
          if (rendered) context.entryRendered({ folder, id: entry.id, data: entry.data ?? {}, derived: readDerived(rendered.metadata.frontmatter) });
          // Rendering an entry waits on nothing outside this thread, so without this the event loop would not turn
          // until every entry is rendered (four seconds at N = 1,000): the share pictures' worker, which draws the
          // cards of the entries rendered so far (src/integrations/claim-cards/), waited all that time for its next batch.
          if (performance.now() - turned > 20) {
            await nextTurn();
            turned = performance.now();
          }
        }
        for (const id of untouched) store.delete(id);
      };
      // The dev server asks Astro for a sync once it has stored a change (src/integrations/content-index.ts), for the
      // sake of the store Astro writes at its end: the changed entries are stored already (unless the change came
      // before this loader's first sync ended). It is told the sync ran.
      if (refreshContextData) {
        (refreshContextData as DevSyncData).ran?.();
        if (context.devStores.has(folder)) return;
      }
      await sync();
      // In the dev server, the entries of changed files are stored by this.
      if (watcher) context.devStores.set(folder, sync);
    },
  };
}

/** What the dev server's sync after a change hands the loaders (src/integrations/content-index.ts). */
export interface DevSyncData {
  /** Called when the sync runs the loader: Astro skips a sync asked for while it reloads its content config. */
  ran?: () => void;
}

type LoaderConfig = Pick<LoaderContext['config'], 'markdown' | 'image'>;

/**
 * Renders an entry with the site's `markdown.processor` (a `unified()` processor from @astrojs/markdown-remark, which
 * holds the remark and rehype plugins): an `.mdx` file through MDX's parser (src/markdown/render-content.ts), an `.md`
 * file through the processor's own Markdown renderer, as Astro's Markdown modules are. Undefined: Astro renders it
 * (an image in the body, which only Astro's own rendering sends through its image pipeline).
 */
function contentRendering(config: LoaderConfig, projectRoot: string): (entry: IndexedEntry) => Promise<RenderedContent | undefined> {
  const { markdown } = config as AstroConfig;
  const processor = markdown?.processor as ReturnType<typeof unified> | undefined;
  if (!processor || !isUnifiedProcessor(processor)) {
    // Another processor runs no plugins: leave every entry to Astro, whose errors will say so.
    return async () => undefined;
  }
  let mdx: ContentRenderer | undefined;
  let md: Promise<{ render: (content: string, options: { fileURL: URL; frontmatter: Record<string, unknown> }) => Promise<{ code: string; metadata: { headings: RenderedContent['metadata']['headings']; frontmatter: Record<string, unknown>; localImagePaths: string[]; remoteImagePaths: string[] } }> }> | undefined;
  return async (entry) => {
    // Front matter blanked to spaces, as Astro hands a file to MDX, so that lines and columns stay the file's.
    const { content, frontmatter } = parseFrontmatter(entry.source, { frontmatter: 'empty-with-spaces' });
    if (/\.mdx$/i.test(entry.path)) {
      mdx ??= createContentRenderer({
        remarkPlugins: processor.options.remarkPlugins as PluggableList,
        rehypePlugins: processor.options.rehypePlugins as PluggableList,
        remarkRehype: processor.options.remarkRehype,
        // As @astrojs/mdx resolves them: the processor's own, else the markdown config's.
        gfm: processor.options.gfm ?? markdown.gfm ?? true,
        smartypants: processor.options.smartypants ?? markdown.smartypants ?? true,
        remarkGfm,
        remarkCollectImages,
        rehypeHeadingIds,
        root: projectRoot,
      });
      return mdx.render(content, entry.path);
    }
    // The options Astro's Markdown modules are rendered with (astro/dist/vite-plugin-markdown).
    md ??= processor.createRenderer({ image: config.image, syntaxHighlight: markdown.syntaxHighlight, shikiConfig: markdown.shikiConfig, gfm: markdown.gfm, smartypants: markdown.smartypants } as never) as never;
    const { code, metadata } = await (await md).render(content, { fileURL: pathToFileURL(entry.path), frontmatter });
    if (metadata.localImagePaths.length > 0 || metadata.remoteImagePaths.length > 0) return undefined;
    const derived = JSON.parse(JSON.stringify({ derived: metadata.frontmatter['derived'] })) as Record<string, unknown>;
    return { html: code, metadata: { headings: metadata.headings, frontmatter: derived } };
  };
}

/**
 * Everything an entry's HTML depends on, for its digest: its file (path and text), what the plugins read from the
 * index for it (the titles of the notes it cites, by remark-citations; the registry's entries for its document, by
 * remark-claim-aliases), the address (links) and the code that renders it.
 */
export function renderInputs(entry: IndexedEntry, catalog: Catalog, { code, base, site }: { code: string; base: string; site: string | undefined }): string {
  const cited = new Set(findCitations(entry.source).flatMap((token) => token.keys.map((key) => key.id)));
  const doc = `${entry.folder}/${entry.id}`;
  return JSON.stringify({
    source: entry.source,
    file: entry.file,
    cited: [...cited].sort().map((id) => [id, catalog.notes.get(id)?.title ?? null]),
    registry: [...catalog.registry].filter(([, value]) => value.doc === doc),
    base,
    site: site ?? null,
    code,
  });
}

/**
 * The folders whose code renders content: the plugins and everything they import (tests/unit/render-inputs.test.ts
 * keeps this true), the config that lists them, and the installed packages. A change to any of them renders every
 * entry again.
 */
export const RENDER_CODE = ['src/plugins', 'src/markdown', 'src/catalog', 'src/site', 'site.config.ts', 'astro.config.mjs', 'package-lock.json'];

let codeVersion: { at: number; value: string } | undefined;

/** A hash of RENDER_CODE's files, read at most once a second (the dev server syncs on every change). */
export function renderCodeVersion(): string {
  if (codeVersion && Date.now() - codeVersion.at < 1000) return codeVersion.value;
  codeVersion = { at: Date.now(), value: filesDigest(PROJECT_ROOT, RENDER_CODE) };
  return codeVersion.value;
}
