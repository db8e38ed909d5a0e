import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { splitFrontMatter } from '../../src/catalog/front-matter.ts';
import { parseRegistry, type ClaimRevision } from '../../src/catalog/claim-registry.ts';

/**
 * The sites the tests build, once per run (tests/support/global-setup.ts), and
 * where their results are kept. A site is a content folder built with this
 * project's code:
 *
 * - the real site, at the root, and under a sub-path with a second essay
 *   added (tests/fixtures/second-essay), so that the checks of the real site
 *   run on content they were not written for;
 * - tests/fixtures/good, the small site that exercises every feature, at the
 *   root, again (to prove builds are reproducible) and under a sub-path;
 * - tests/fixtures/edge, unusual content that must build (HTML in titles,
 *   non-Latin and right-to-left text);
 * - one site per folder of tests/fixtures/errors/, content that must fail the
 *   build: one per path an error can take (see CONTRIBUTING.md), each holding
 *   every mistake of that path that can be reported in the same run.
 */

export const PROJECT = join(import.meta.dirname, '..', '..');
export const OUTPUT = join(PROJECT, 'tests', '.output');
const FIXTURES = join(PROJECT, 'tests', 'fixtures');

export const SUBPATH = '/explainers/';
/** A second essay and its new notes, added to the real content for the "subpath" site. */
export const SECOND_ESSAY = join(FIXTURES, 'second-essay', 'content');
export const SUBPATH_ORIGIN = 'https://example.org';
/** The deployed address of the real site's build at the root (the others build for this machine, LOCAL_URL). */
export const SITE_ORIGIN = 'https://explainers.example.org';

export interface SiteSpec {
  name: string;
  contentDir: string;
  /**
   * A content folder laid over a copy of contentDir before the build (its files
   * added, or replacing those at the same paths), as an author adds an essay.
   */
  addContent?: string;
  /**
   * Before the content is added: reword one published claim of the seed essay
   * in the copy and record it with \`npm run claims:publish -- --reason … --date=…\`,
   * as an author republishing a claim does (tests/support/build-site.ts).
   */
  revise?: { reason: string; date: string };
  env?: Record<string, string>;
}

/** The revision the "subpath" site's preparation records (see revisedClaim). */
export const REVISION = { reason: 'Reworded by the test sites, to show a claim with two revisions.', date: '2027-03-12' };
/** The seed essay: the real essay whose title is the seed's question (tests/fixtures/seed/answer.txt, line 1), its slug and file. */
export function seedEssay(contentDir: string): { slug: string; path: string } {
  const question = readFileSync(join(FIXTURES, 'seed', 'answer.txt'), 'utf8').split('\n')[0]!.trim();
  const essays = join(contentDir, 'essays');
  const file = (readdirSync(essays, { recursive: true, encoding: 'utf8' }) as string[])
    .find((f) => /\.mdx?$/.test(f) && (splitFrontMatter(readFileSync(join(essays, f), 'utf8')).data as { title?: unknown } | undefined)?.title === question);
  if (!file) throw new Error(`No essay in ${essays} has the seed's question as its title: "${question}".`);
  return { slug: basename(file).replace(/\.mdx?$/, ''), path: join(essays, file) };
}

export interface SiteBuild {
  name: string;
  exitCode: number;
  /** Everything the build printed, without colour codes. */
  output: string;
  outDir: string;
  /** The content folder the site was built from (a copy when the spec adds content). */
  contentDir: string;
  seconds: number;
}

/** The folders of tests/fixtures/errors/, each a content folder that must fail the build. */
export function errorFixtureNames(): string[] {
  const dir = join(FIXTURES, 'errors');
  return existsSync(dir) ? readdirSync(dir).filter((n) => existsSync(join(dir, n, 'content'))).sort() : [];
}

/** The content folder of an error fixture, as build messages name it (relative to the project). */
export function errorFixtureContent(name: string): string {
  return `tests/fixtures/errors/${name}/content`;
}

/** Every site, longest build first, so that two builds at a time finish close together. */
export function allSites(): SiteSpec[] {
  const good = join(FIXTURES, 'good', 'content');
  return [
    // Built as a deployment is, for a real address: it doubles as the test that no loopback address is left.
    { name: 'site', contentDir: join(PROJECT, 'content'), env: { SITE_URL: SITE_ORIGIN } },
    // A deploy under a sub-path, at another origin, of the real content with a second essay and four new notes
    // added, as an author would add them: every check of the real site must pass on it too.
    { name: 'subpath', contentDir: join(PROJECT, 'content'), addContent: SECOND_ESSAY, revise: REVISION, env: { BASE_PATH: SUBPATH, SITE_URL: SUBPATH_ORIGIN } },
    { name: 'good', contentDir: good },
    // The same content built again from nothing, to prove builds are reproducible.
    { name: 'good-again', contentDir: good },
    // The same content deployed under a sub-path of another origin: every absolute URL must follow,
    // including the landings of moved and retired claim ids, which the real site does not have.
    { name: 'good-based', contentDir: good, env: { BASE_PATH: SUBPATH, SITE_URL: SUBPATH_ORIGIN } },
    { name: 'edge', contentDir: join(FIXTURES, 'edge', 'content') },
    ...errorFixtureNames().map((name) => ({ name: `errors-${name}`, contentDir: join(FIXTURES, 'errors', name, 'content') })),
  ];
}

/**
 * The sites to build for TEST_SITES: unset or "all" for every site, "none"
 * for none (unit tests only), or a comma-separated list of site names.
 */
export function sitesToBuild(setting: string | undefined): SiteSpec[] {
  const all = allSites();
  const value = (setting ?? '').trim();
  if (value === '' || value === 'all') return all;
  if (value === 'none') return [];
  const names = value.split(',').map((n) => n.trim()).filter(Boolean);
  const unknown = names.filter((n) => !all.some((s) => s.name === n));
  if (unknown.length > 0) {
    throw new Error(`TEST_SITES names ${unknown.map((n) => `"${n}"`).join(', ')}, which ${unknown.length === 1 ? 'is not a site' : 'are not sites'}. The sites are: ${all.map((s) => s.name).join(', ')} (or "none", or "all").`);
  }
  return all.filter((s) => names.includes(s.name));
}

/** The result of a site built by the global setup. */
export function siteBuild(name: string): SiteBuild {
  const path = join(OUTPUT, name, 'result.json');
  if (!existsSync(path)) throw new Error(`Site "${name}" was not built: is it listed in tests/support/sites.ts, or left out by TEST_SITES?`);
  return JSON.parse(readFileSync(path, 'utf8')) as SiteBuild;
}

/** A built page's HTML, by its URL path. */
export function pageHtml(build: SiteBuild, path: string): string {
  const file = join(build.outDir, path.replace(/^\//, ''), path.endsWith('/') || path === '' ? 'index.html' : '');
  return readFileSync(file, 'utf8');
}

/**
 * The claim a site's preparation reworded and republished (the "subpath"
 * site: SiteSpec.revise), read from the registry of the content it was built
 * from: its id, its essay ("essays/<slug>"), and its two revisions, the
 * published wording (1) and the new one (2). Undefined for a site without one.
 */
export function revisedClaim(build: SiteBuild): { id: string; doc: string; before: ClaimRevision; after: ClaimRevision } | undefined {
  const { registry } = parseRegistry(readFileSync(join(build.contentDir, 'claims.json'), 'utf8'), 'claims.json');
  const revised = [...registry].filter(([, e]) => (e.revisions?.length ?? 0) > 1 && e.revisions!.at(-1)!.date === REVISION.date);
  if (revised.length > 1) throw new Error(`${build.name}: ${revised.length} claims have a revision of ${REVISION.date}; the preparation rewords one.`);
  const [found] = revised;
  if (!found) return undefined;
  const [id, entry] = found;
  return { id, doc: entry.doc, before: entry.revisions!.at(-2)!, after: entry.revisions!.at(-1)! };
}
