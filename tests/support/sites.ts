import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The sites the tests build, once per run (tests/support/global-setup.ts), and
 * where their results are kept. A site is a content folder built with this
 * project's code; each broken fixture under tests/fixtures/bad/ is one.
 */

export const PROJECT = join(import.meta.dirname, '..', '..');
export const OUTPUT = join(PROJECT, 'tests', '.output');
const FIXTURES = join(PROJECT, 'tests', 'fixtures');

export const SUBPATH = '/explainers/';
export const SUBPATH_ORIGIN = 'https://example.org';

export interface SiteSpec {
  name: string;
  contentDir: string;
  env?: Record<string, string>;
}

export interface SiteBuild {
  name: string;
  exitCode: number;
  /** Everything the build printed, without colour codes. */
  output: string;
  outDir: string;
  seconds: number;
}

export function badFixtureNames(): string[] {
  const dir = join(FIXTURES, 'bad');
  return existsSync(dir) ? readdirSync(dir).filter((n) => existsSync(join(dir, n, 'content'))).sort() : [];
}

export function allSites(): SiteSpec[] {
  return [
    { name: 'site', contentDir: join(PROJECT, 'content') },
    // The same commit built again from nothing, to prove builds are reproducible.
    { name: 'site-again', contentDir: join(PROJECT, 'content') },
    // A deploy under a sub-path, at another origin.
    { name: 'subpath', contentDir: join(PROJECT, 'content'), env: { BASE_PATH: SUBPATH, SITE_URL: SUBPATH_ORIGIN } },
    { name: 'good', contentDir: join(FIXTURES, 'good', 'content') },
    // The same content deployed under a sub-path of another origin: every absolute URL must follow.
    { name: 'good-based', contentDir: join(FIXTURES, 'good', 'content'), env: { BASE_PATH: '/explainers/', SITE_URL: 'https://example.org' } },
    ...badFixtureNames().map((name) => ({ name: `bad-${name}`, contentDir: join(FIXTURES, 'bad', name, 'content') })),
  ];
}

/** The result of a site built by the global setup. */
export function siteBuild(name: string): SiteBuild {
  const path = join(OUTPUT, name, 'result.json');
  if (!existsSync(path)) throw new Error(`Site "${name}" was not built: is it listed in tests/support/sites.ts?`);
  return JSON.parse(readFileSync(path, 'utf8')) as SiteBuild;
}

/** A built page's HTML, by its URL path. */
export function pageHtml(build: SiteBuild, path: string): string {
  const file = join(build.outDir, path.replace(/^\//, ''), path.endsWith('/') || path === '' ? 'index.html' : '');
  return readFileSync(file, 'utf8');
}
