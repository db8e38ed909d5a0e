import { readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import siteConfig from '../../site.config.ts';
import { PROJECT_ROOT } from './project-root.ts';
import { formatProblem } from './problems.ts';
import { identityProblems, type SiteConfig } from './site-config.ts';

/**
 * Build settings, from site.config.ts and the environment, read in this one
 * place, so one codebase can build the real site, a fixture site, or a deploy
 * under a sub-path. Documented in docs/publishing.md. Everything else receives
 * them: the integrations and plugins as options (astro.config.mjs), pages
 * through the `virtual:site/settings` module (src/integrations/content-index.ts).
 *
 * Where the site is served from (`site` and `base`), first found wins:
 * - LOCAL_URL: a build for this machine only, such as http://localhost:4321
 *   (`npm run serve`, `npm run dev`, the tests' builds); must be a loopback address.
 * - SITE_URL: the deployed address, for one build (CI); may carry the base path.
 * - `url` in site.config.ts.
 * A build with none of them, or with a loopback SITE_URL or url, stops with
 * the message of `originProblem`: a deployed site must not carry localhost.
 * - BASE_PATH: the sub-path it is served under, such as /explainers/; overrides
 *   the path of the address above, even when empty (the root). Default: that path.
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

/** The origin of the local commands (`npm run serve`, `npm run dev`, the tests' builds): LOCAL_URL. */
export const LOCAL_ORIGIN = 'http://localhost:4321';
/** The file that says where the site lives, relative to the project. */
export const SITE_CONFIG_FILE = 'site.config.ts';
/** The claim registry's file name, in the content folder. */
export const REGISTRY_FILE_NAME = 'claims.json';

/**
 * The settings for `env`. Throws a SettingsError when the site's address is
 * missing or wrong (see `siteAddress`), or site.config.ts names no author.
 */
export function readSettings(env: Record<string, string | undefined>, root: string = PROJECT_ROOT, config: SiteConfig = siteConfig): Settings {
  const at = (path: string) => (isAbsolute(path) ? path : resolve(root, path));
  const contentDir = at(env['CONTENT_DIR'] || 'content');
  const buildRoot = env['BUILD_ROOT'] ? at(env['BUILD_ROOT']) : undefined;
  const address = siteAddress(env, config, root);
  return {
    site: address.origin,
    base: address.base,
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

/** A mistake in site.config.ts or the variables that override it: printed without a stack, as content errors are. */
export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
    this.stack = '';
  }
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$/i;

/** Whether a URL's host is this machine (localhost, 127.x.x.x, [::1]): an address no reader can reach. */
export function isLoopback(url: URL): boolean {
  return LOOPBACK.test(url.hostname) || url.hostname.toLowerCase().endsWith('.localhost');
}

/**
 * Where the site is served from: its origin (no trailing slash) and base path,
 * from LOCAL_URL, SITE_URL or site.config.ts's url, first found, and
 * BASE_PATH. Throws a SettingsError saying which file to edit or which
 * variable to set when there is no address, when it is not an http(s) URL,
 * when a deployed address is a loopback one or when a local one is not, and
 * when site.config.ts is wrong in another way (see identityProblems).
 */
export function siteAddress(env: Record<string, string | undefined>, config: SiteConfig = siteConfig, root: string = PROJECT_ROOT): { origin: string; base: string } {
  const where = { file: SITE_CONFIG_FILE, line: lineOf(root, /^\s*url\s*:/) };
  const identity = identityProblems(config);
  if (identity.length > 0) throw new SettingsError(`The site's settings are wrong\n\n${identity.map((message) => formatProblem({ location: { file: SITE_CONFIG_FILE }, message })).join('\n\n')}`);
  const local = env['LOCAL_URL']?.trim();
  const deployed = env['SITE_URL']?.trim();
  const [name, value] = local ? ['LOCAL_URL', local] : deployed ? ['SITE_URL', deployed] : ['url', config.url.trim()];
  const fail = (message: string, hint: string): never => {
    const location = name === 'url' ? where : { file: name };
    throw new SettingsError(`The site's address is not set right\n\n${formatProblem({ location, message, hint })}`);
  };
  if (!value) {
    fail(
      'url is empty: a deployed build needs the address it is served from, for every canonical link, citation, feed entry and preview image.',
      `Set url in ${SITE_CONFIG_FILE} to the home page's address, such as "https://explainers.example.org/", or set SITE_URL for this build (SITE_URL=https://explainers.example.org npm run build). To build and look at the site on this machine, run npm run serve. See docs/publishing.md.`,
    );
  }
  // "url is "x"" in site.config.ts; "SITE_URL: "x"" for a variable, which the location already names.
  const found = name === 'url' ? `url is "${value}"` : `"${value}"`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail(`${found}, which is not a URL: expected an address such as "https://explainers.example.org/".`, 'Write it whole, with https:// in front.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') fail(`${found}: expected an http or https address.`, 'Write it with https:// in front, such as "https://explainers.example.org/".');
  if (url.search || url.hash) fail(`${found}: expected an address without a query or fragment.`, `Use "${url.origin}${url.pathname}".`);
  if (name === 'LOCAL_URL' && !isLoopback(url)) {
    fail(`${found} is not this machine: LOCAL_URL is for builds looked at locally, such as http://localhost:4321.`, 'For a build to deploy, set SITE_URL (or url in site.config.ts) instead, and leave LOCAL_URL unset.');
  }
  if (name !== 'LOCAL_URL' && isLoopback(url)) {
    fail(
      `${found} is a loopback address: a deployed build would carry it in every canonical link, citation, feed entry and preview image, and no reader could follow them.`,
      `Set ${name === 'url' ? `url in ${SITE_CONFIG_FILE}` : 'SITE_URL'} to the address the site is served from, such as "https://explainers.example.org/". To build for this machine only, set LOCAL_URL instead (npm run serve does).`,
    );
  }
  // The base path: BASE_PATH when set, even empty (GitHub Pages gives "" for a site at the root); else the
  // address's own path; for a local build, else the path of url in site.config.ts, so that it mirrors the deployed one.
  const base = env['BASE_PATH'] ?? (url.pathname !== '/' || name !== 'LOCAL_URL' ? url.pathname : pathOf(config.url));
  return { origin: url.origin, base: normalizeBase(base) };
}

function pathOf(address: string): string {
  try {
    return new URL(address).pathname;
  } catch {
    return '/';
  }
}

/** The line of site.config.ts that matches, for messages; undefined if the file cannot be read. */
function lineOf(root: string, pattern: RegExp): number | undefined {
  try {
    const index = readFileSync(join(root, SITE_CONFIG_FILE), 'utf8').split('\n').findIndex((line) => pattern.test(line));
    return index >= 0 ? index + 1 : undefined;
  } catch {
    return undefined;
  }
}

/** "/a/b" and "a/b/" become "/a/b/"; "" and "/" become "/". */
export function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
