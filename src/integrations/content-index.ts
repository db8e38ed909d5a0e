import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { BuildContext } from '../catalog/build-context.ts';
import { CONTENT_FOLDERS, loaderName, type ContentFolder } from '../catalog/collections.ts';
import type { DevSyncData } from '../catalog/loaders/indexed.ts';
import { dataStoreReload } from './data-store-reload.ts';

/**
 * content-index: hands the build's settings to the pages, which cannot take
 * options: they import them from `virtual:site/settings`, the way Starlight
 * hands its configuration to its pages.
 *
 * In the dev server it watches the content folder. A changed file is marked
 * in the index, and the collections' loaders store the entries it changed
 * (`devStores`, src/catalog/loaders/indexed.ts); then it asks Astro for a
 * content sync in which they have nothing left to do, because Astro writes its
 * data store at the end of a sync at once, where after a loader's own change
 * it waits 500 ms first (SAVE_DEBOUNCE_MS in its mutable-data-store.js), and
 * the pages see an edit only once the store is written. The loaders do not
 * store the change in that sync: Astro skips a sync asked for while it
 * reloads its content config, which it does on every change to a .md or .mdx
 * file, and says nothing (`refreshContent` in its integrations/hooks.js), so
 * the sync is asked for again until it runs. Meanwhile page requests wait,
 * and once the store is written the pages read it anew
 * (src/integrations/data-store-reload.ts).
 */
const SETTINGS_MODULE = 'virtual:site/settings';
/** Astro's pause before it writes its store after a loader's change (SAVE_DEBOUNCE_MS): asking for a sync after it is of no use. */
const SAVE_DEBOUNCE_MS = 500;
/** How soon a skipped sync is asked for again: Astro gives no sign when it has loaded its content config again. */
const RETRY_MS = 20;

export default function contentIndex(context: BuildContext): AstroIntegration {
  const { settings } = context.index;
  // Only what pages need, and nothing that depends on the machine's paths: the output stays the same wherever it is built.
  const forPages = { site: settings.site, base: settings.base, cacheDir: settings.cacheDir };
  let dataStoreFile: string | undefined;
  return {
    name: 'content-index',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [{
              name: 'site-settings',
              resolveId: (id: string) => (id === SETTINGS_MODULE ? `\0${SETTINGS_MODULE}` : undefined),
              load: (id: string) => (id === `\0${SETTINGS_MODULE}` ? `export default ${JSON.stringify(forPages)};` : undefined),
            }],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        // Astro's dev server keeps its data store here (getDataStoreFile() in its content/paths.js).
        dataStoreFile = fileURLToPath(new URL('.astro/data-store.json', config.root));
      },
      'astro:server:setup': ({ server, refreshContent, logger }) => {
        const reload = dataStoreReload(server);
        const loaders = (Object.keys(CONTENT_FOLDERS) as ContentFolder[]).map(loaderName);
        /** Asks Astro for a sync, and so a store written at once; asked again while Astro skips it, until it runs or Astro's own write is due. */
        const writeStore = async () => {
          const asked = performance.now();
          let ran = false;
          const data: DevSyncData = { ran: () => void (ran = true) };
          while (refreshContent && !ran && performance.now() - asked < SAVE_DEBOUNCE_MS) {
            await refreshContent({ loaders, context: data as Record<string, unknown> });
            if (!ran) await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
          }
        };
        // One change stored at a time, in order; the store written once no other change waits.
        let storing = Promise.resolve();
        let waiting = 0;
        const store = async () => {
          try {
            for (const storeChanges of context.devStores.values()) await storeChanges();
          } catch (error) {
            // A mistake in the file is the author's to fix: reported, without stopping the server or emptying the store.
            logger.error((error as Error).message);
          }
          if (--waiting > 0) return;
          try {
            await writeStore();
          } finally {
            reload.settled();
          }
        };
        // The content folder may lie outside the project, which Vite watches.
        server.watcher.add(settings.contentDir);
        server.watcher.on('all', (event, path) => {
          if (path === dataStoreFile && (event === 'add' || event === 'change')) return reload.written();
          if (!context.index.invalidate(path)) return;
          waiting++;
          reload.changing();
          storing = storing.then(store).catch((error: unknown) => logger.error((error as Error).message));
        });
      },
    },
  };
}
