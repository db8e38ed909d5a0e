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
 * an edit never meets a missing glyph. The files are cut again only when the
 * characters, the source files or the options changed (a key beside them,
 * `fonts.key`): cutting them takes a second or more of every rebuild.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
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

  /** Writes the fonts for these characters, unless the files there were cut from the same sources for the same characters. Returns their sizes. */
  const write = async (characters: string) => {
    mkdirSync(dir, { recursive: true });
    const sources = WEB_FONTS.map((font) => readFileSync(require.resolve(font.source)));
    const key = createHash('sha256').update(JSON.stringify([characters, WEB_FONTS, FONT_FEATURES, readFileSync(require.resolve('subset-font/package.json'), 'utf8')]));
    for (const source of sources) key.update(source);
    const digest = key.digest('hex');
    const keyFile = join(dir, 'fonts.key');
    const files = WEB_FONTS.map((font) => join(dir, font.file));
    if (existsSync(keyFile) && readFileSync(keyFile, 'utf8') === digest && files.every((file) => existsSync(file))) {
      return WEB_FONTS.map((font, i) => `${font.file} ${readFileSync(files[i]!).length} B`);
    }
    // Until all are written, the files answer to no key.
    rmSync(keyFile, { force: true });
    // Loaded only when a font is cut: HarfBuzz's WebAssembly takes a while to start.
    const { default: subsetFont } = await import('subset-font');
    const sizes: string[] = [];
    for (const [i, font] of WEB_FONTS.entries()) {
      const out = await subsetFont(sources[i]!, characters, { targetFormat: 'woff2', variationAxes: { wght: font.weight }, keepFeatures: [...FONT_FEATURES] });
      writeFileSync(files[i]!, out);
      sizes.push(`${font.file} ${out.length} B`);
    }
    writeFileSync(keyFile, digest);
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
