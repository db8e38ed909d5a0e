import { isAbsolute, resolve } from 'node:path';

/**
 * Build settings read from the environment, so one codebase can build the
 * real site, a fixture site, or a deploy under a sub-path. Documented in the
 * README.
 *
 * - SITE_URL: the origin the site is served from. Default http://localhost:4321.
 * - BASE_PATH: the sub-path it is served under, such as /explainers/. Default /.
 * - CONTENT_DIR: the folder holding essays/, notes/ and claims.json. Default content.
 * - OUT_DIR: where the built site goes. Default dist.
 */
export interface Settings {
  site: string;
  /** Always starts and ends with "/". */
  base: string;
  contentDir: string;
  outDir: string;
}

export function readSettings(env: Record<string, string | undefined>, root: string): Settings {
  const at = (path: string) => (isAbsolute(path) ? path : resolve(root, path));
  return {
    site: (env['SITE_URL'] || 'http://localhost:4321').replace(/\/+$/, ''),
    base: normalizeBase(env['BASE_PATH'] || '/'),
    contentDir: at(env['CONTENT_DIR'] || 'content'),
    outDir: at(env['OUT_DIR'] || 'dist'),
  };
}

/** "/a/b" and "a/b/" become "/a/b/"; "" and "/" become "/". */
export function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
