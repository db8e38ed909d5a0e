/**
 * web-fonts: makes the site's own font files (src/formats/web-fonts.ts) and
 * lets global.css ask for them as `url('@site-fonts/<file>')`, an alias to a
 * folder in this build's cache. Vite then emits each file into `_astro/`
 * under a hashed name and writes its URL under the site's base, as for any
 * asset.
 *
 * In a build, the files are cut down (subset-font, HarfBuzz's hb-subset) to
 * the characters the content uses, in a child process (subset.ts) that reads
 * the content files as the build starts, while the content layer syncs; Vite
 * reads the CSS after. The dev server gets the same weights with every
 * character of the source file, so an edit never meets a missing glyph. The
 * files are cut again only when the characters, the source files or the
 * options changed (a key beside them, `fonts.key`): cutting them takes a
 * second or more of every rebuild.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import workerpool from 'workerpool';
import type { BuildContext } from '../../catalog/build-context.ts';
import { CONTENT_FOLDERS } from '../../catalog/collections.ts';
import { listContentFiles } from '../../catalog/content-files.ts';
import { FONT_FEATURES, WEB_FONTS, fontCharacters } from '../../formats/web-fonts.ts';
import type { SubsetJob } from './subset.ts';

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

  /** The child process that cuts the fonts (subset.ts); workerpool starts it at the first call, so a pool that is never asked costs nothing. */
  const fontProcess = () => workerpool.pool(fileURLToPath(new URL('./subset.ts', import.meta.url)), { workerType: 'process', maxWorkers: 1 });

  /** Writes the fonts for these characters, unless the files there were cut from the same sources for the same characters. Returns their sizes. */
  const write = async (characters: string, pool: workerpool.Pool) => {
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
    const jobs: SubsetJob[] = WEB_FONTS.map((font, i) => ({ source: require.resolve(font.source), weight: font.weight, file: files[i]! }));
    const bytes = (await pool.exec('subset', [jobs, characters, [...FONT_FEATURES]])) as number[];
    writeFileSync(keyFile, digest);
    return WEB_FONTS.map((font, i) => `${font.file} ${bytes[i]} B`);
  };

  /**
   * The build's fonts, cut to the characters of the essays and notes: the child process reads their files itself (the
   * folders the content index reads; a file it will reject only adds characters), so that the main thread, starting
   * the content layer meanwhile, is not held up. Returns the number of characters and the files' sizes.
   */
  const cut = async () => {
    const pool = fontProcess();
    try {
      const files = Object.keys(CONTENT_FOLDERS).flatMap((folder) => listContentFiles(join(settings.contentDir, folder)));
      const characters = (await pool.exec('contentCharacters', [files])) as string;
      return { count: [...characters].length, sizes: await write(characters, pool) };
    } finally {
      await pool.terminate();
    }
  };
  let building = false;
  let cutting: ReturnType<typeof cut> | undefined;

  return {
    name: 'web-fonts',
    hooks: {
      'astro:config:setup': async ({ command, updateConfig, logger }) => {
        updateConfig({ vite: { resolve: { alias: [{ find: new RegExp(`^${FONTS_ALIAS}/`), replacement: `${dir}/` }] } } });
        if (command === 'dev') {
          // Every Latin character the source files hold: nothing to miss while content is edited.
          const pool = fontProcess();
          await write(DEV_CHARACTERS, pool)
            .catch((error: unknown) => logger.warn(`fonts for the dev server: ${String(error)}`))
            .finally(() => pool.terminate());
        }
        building = command === 'build';
      },
      // A build does not change the content's files: the fonts are cut while the content layer syncs, on the core it
      // leaves free, rather than after it, before the pages could start (1.5 s of a clean build at N = 1,000).
      'astro:config:done': () => {
        if (!building) return;
        cutting = cut();
        // Reported at astro:build:start, which awaits it.
        cutting.catch(() => {});
      },
      'astro:build:start': async ({ logger }) => {
        const { count, sizes } = await (cutting ?? cut());
        cutting = undefined;
        logger.info(`${count} characters: ${sizes.join(', ')}`);
      },
    },
  };
}
