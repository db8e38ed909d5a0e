import { isAbsolute, join, resolve } from 'node:path';
import { PROJECT_ROOT } from './project-root.ts';

/**
 * Build settings, read from the environment in this one place, so one codebase
 * can build the real site, a fixture site, or a deploy under a sub-path.
 * Documented in the README. Everything else receives them: the integrations
 * and plugins as options (astro.config.mjs), pages through the
 * `virtual:site/settings` module (src/integrations/content-index.ts).
 *
 * - SITE_URL: the origin the site is served from. Default http://localhost:4321.
 * - BASE_PATH: the sub-path it is served under, such as /explainers/. Default /.
 * - CONTENT_DIR: the folder holding essays/, notes/ and claims.json. Default content.
 * - OUT_DIR: where the built site goes. Default dist.
 * - BUILD_ROOT: a folder of its own for Astro's generated files and cache, so
 *   that several builds (the tests' fixture sites) can run at once. Default: none.
 */
export interface Settings {
  /** The origin, without a trailing slash. */
  site: string;
  /** Always starts and ends with "/". */
  base: string;
  /** The project's folder: messages name files relative to it. */
  root: string;
  contentDir: string;
  outDir: string;
  /** Astro's root when it is not the project (a fixture build's own folder). */
  buildRoot: string | undefined;
  /** Astro's cache folder: share pictures and APA references are kept here between builds. */
  cacheDir: string;
  /** The claim registry: content/claims.json. */
  registryFile: string;
}

/** The origin a build gets when SITE_URL is not set. */
export const LOCAL_ORIGIN = 'http://localhost:4321';
/** The claim registry's file name, in the content folder. */
export const REGISTRY_FILE_NAME = 'claims.json';

export function readSettings(env: Record<string, string | undefined>, root: string = PROJECT_ROOT): Settings {
  const at = (path: string) => (isAbsolute(path) ? path : resolve(root, path));
  const contentDir = at(env['CONTENT_DIR'] || 'content');
  const buildRoot = env['BUILD_ROOT'] ? at(env['BUILD_ROOT']) : undefined;
  return {
    site: (env['SITE_URL'] || LOCAL_ORIGIN).replace(/\/+$/, ''),
    base: normalizeBase(env['BASE_PATH'] || '/'),
    root,
    contentDir,
    outDir: at(env['OUT_DIR'] || 'dist'),
    buildRoot,
    cacheDir: buildRoot ? join(buildRoot, 'cache') : join(root, 'node_modules', '.astro'),
    registryFile: join(contentDir, REGISTRY_FILE_NAME),
  };
}

/** The settings of this process, from its environment. */
export function settingsFromEnvironment(): Settings {
  return readSettings(process.env);
}

/** "/a/b" and "a/b/" become "/a/b/"; "" and "/" become "/". */
export function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
