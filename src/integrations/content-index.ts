import type { AstroIntegration } from 'astro';
import type { BuildContext } from '../catalog/build-context.ts';

/**
 * content-index: makes the build's content index and settings available to
 * the parts that cannot take options. Pages import the settings from
 * `virtual:site/settings` (the way Starlight hands its configuration to its
 * pages); in the dev server, a change under the content folder marks that file
 * for reading again, so the next page sees it.
 */
const SETTINGS_MODULE = 'virtual:site/settings';

export default function contentIndex(context: BuildContext): AstroIntegration {
  const { settings } = context.index;
  // Only what pages need, and nothing that depends on the machine's paths: the output stays the same wherever it is built.
  const forPages = { site: settings.site, base: settings.base, cacheDir: settings.cacheDir };
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
      'astro:server:setup': ({ server }) => {
        server.watcher.add(settings.contentDir);
        server.watcher.on('all', (_event, path) => context.index.invalidate(path));
      },
    },
  };
}
