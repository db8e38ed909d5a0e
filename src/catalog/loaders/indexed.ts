import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { buildContext } from '../build-context.ts';
import { shownEntries } from '../drafts.ts';
import type { ContentFolder } from '../collections.ts';
import { throwIfProblems } from '../problems.ts';

/**
 * A collection's loader that reads nothing itself: it stores the entries of
 * one content folder as the content index read and validated them, once for
 * the whole build (src/catalog/content-index.ts). Problems anywhere in the
 * content stop the build here, all in one report, before any page compiles.
 * Entries render on demand, as Astro's glob loader does with MDX: the body is
 * compiled with the site's remark plugins when a page asks for it. Entry ids
 * are file names, so a note can move between folders without changing its URL.
 * In the dev server a changed file is read again, alone, and stored again.
 * Drafts are stored in the dev server only (src/catalog/drafts.ts).
 */
export function indexedCollection(folder: ContentFolder): Loader {
  return {
    name: `indexed-${folder}`,
    load: async ({ store, config, watcher, logger, generateDigest }) => {
      const context = buildContext();
      const { index } = context;
      context.devServer = watcher !== undefined;
      const root = fileURLToPath(config.root);
      const sync = () => {
        const catalog = index.current();
        throwIfProblems('The content has problems.', catalog.problems);
        const untouched = new Set(store.keys());
        // Astro gives loaders a watcher in the dev server only: that is where drafts are shown.
        for (const entry of shownEntries(catalog[folder].values(), { drafts: watcher !== undefined })) {
          untouched.delete(entry.id);
          const filePath = relative(root, entry.path).split(sep).join('/');
          const digest = generateDigest(entry.source);
          const existing = store.get(entry.id);
          if (existing?.digest === digest && existing.filePath === filePath) {
            // Unchanged since the last build: its compiled module is still wanted.
            store.addModuleImport(filePath);
            continue;
          }
          // Astro's store keeps an entry whose digest is unchanged, file path and all: a file renamed from .mdx to .md
          // would keep its old path, whose compiled module no longer exists ("failed to resolve import
          // astro:content-layer-deferred-module?…"), in every later build. So a moved file's entry is replaced.
          if (existing && existing.filePath !== filePath) store.delete(entry.id);
          store.set({ id: entry.id, data: entry.data ?? {}, body: entry.body, filePath, digest, deferredRender: true });
        }
        for (const id of untouched) store.delete(id);
      };
      sync();
      // The dev server: the content folder may lie outside the project, which Vite watches.
      watcher?.add(index.settings.contentDir);
      watcher?.on('all', (_event, path) => {
        if (!index.invalidate(path)) return;
        try {
          sync();
        } catch (error) {
          logger.error((error as Error).message);
        }
      });
    },
  };
}
