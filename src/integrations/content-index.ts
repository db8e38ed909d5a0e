import type { AstroIntegration } from 'astro';
import type { BuildContext } from '../catalog/build-context.ts';

/**
 * content-index: hands the build's settings to the pages, which cannot take
 * options: they import them from `virtual:site/settings`, the way Starlight
 * hands its configuration to its pages. (In the dev server the collections'
 * loader tells the index which files changed: src/catalog/loaders/indexed.ts.)
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
    },
  };
}
