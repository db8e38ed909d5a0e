/**
 * web-fonts: makes the site's own font files (src/formats/web-fonts.ts) and
 * lets global.css ask for them as `url('@site-fonts/<file>')`, an alias to a
 * folder in this build's cache. Vite then emits each file into `_astro/`
 * under a hashed name and writes its URL under the site's base, as for any
 * asset.
 *
 * In a build, the files are cut down (subset-font, HarfBuzz's hb-subset) to
 * the characters the content uses, read from the content index once the
 * content is loaded (astro:build:start, before Vite reads any CSS). The dev
 * server gets the same weights with every character of the source file, so
 * an edit never meets a missing glyph.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import subsetFont from 'subset-font';
import type { BuildContext } from '../catalog/build-context.ts';
import { FONT_FEATURES, WEB_FONTS, fontCharacters } from '../formats/web-fonts.ts';

export const FONTS_ALIAS = '@site-fonts';

/** For the dev server: Latin, Latin-1 and Latin Extended-A and B, and the punctuation, arrows and maths blocks. */
const DEV_CHARACTERS = fontCharacters([range(0x20, 0x24f), range(0x2000, 0x22ff)]);

function range(from: number, to: number): string {
  return String.fromCodePoint(...Array.from({ length: to - from + 1 }, (_, i) => from + i));
}

export default function webFonts(context: BuildContext): AstroIntegration {
  const { settings } = context.index;
  const dir = join(settings.cacheDir, 'site-fonts');
  const require = createRequire(join(settings.root, 'package.json'));

  const write = async (characters: string) => {
    mkdirSync(dir, { recursive: true });
    const sizes: string[] = [];
    for (const font of WEB_FONTS) {
      const source = readFileSync(require.resolve(font.source));
      const out = await subsetFont(source, characters, { targetFormat: 'woff2', variationAxes: { wght: font.weight }, keepFeatures: [...FONT_FEATURES] });
      writeFileSync(join(dir, font.file), out);
      sizes.push(`${font.file} ${out.length} B`);
    }
    return sizes;
  };

  return {
    name: 'web-fonts',
    hooks: {
      'astro:config:setup': async ({ command, updateConfig, logger }) => {
        updateConfig({ vite: { resolve: { alias: [{ find: new RegExp(`^${FONTS_ALIAS}/`), replacement: `${dir}/` }] } } });
        if (command === 'dev') {
          // Every Latin character the source files hold: nothing to miss while content is edited.
          await write(DEV_CHARACTERS).catch((error: unknown) => logger.warn(`fonts for the dev server: ${String(error)}`));
        }
      },
      'astro:build:start': async ({ logger }) => {
        const catalog = context.index.current();
        const texts = [...catalog.essays.values(), ...catalog.notes.values()].map((entry) => entry.source);
        const characters = fontCharacters(texts);
        const sizes = await write(characters);
        logger.info(`${[...characters].length} characters: ${sizes.join(', ')}`);
      },
    },
  };
}
