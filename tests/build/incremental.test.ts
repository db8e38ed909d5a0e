import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareBuildRoot, runAstroBuild, type AstroBuildResult } from '../../tools/lib/astro-build.ts';
import { LOCAL_ORIGIN } from '../../src/catalog/settings.ts';
import { inParallel } from '../support/build-site.ts';
import { runClaimsPublish } from '../support/claims-publish.ts';
import { OUTPUT, PROJECT } from '../support/sites.ts';

/**
 * The incremental build (src/site/page-keys.ts) against a clean build: after
 * every kind of change to the content, the rebuild that copies unchanged pages
 * from Astro's cache must write exactly the bytes a clean build of the same
 * content writes.
 *
 * The content is tests/fixtures/good once per "cluster" (every slug and claim
 * id given the cluster's suffix), and each change goes to a cluster of its
 * own, so one rebuild tests them all with none hiding another: a page whose
 * key missed its change could be put right only by another change to the same
 * page, and no two clusters share a page but the lists, which render on every
 * build. One cluster is left alone: its pages must all come from the cache,
 * so the test cannot pass by rendering everything. Three builds: the first
 * (which fills the cache) and a clean build of the changed content, two at a
 * time, then the rebuild.
 *
 * Settings are not changed here: Astro drops the whole cache when the site's
 * address or base path changes (they are in its config hash), and
 * tests/unit/page-keys.test.ts shows that every setting is in every key.
 */

const GOOD = join(PROJECT, 'tests', 'fixtures', 'good', 'content');
const DIR = join(OUTPUT, 'incremental');

/**
 * A change to one cluster's files (its folder and the suffix of its ids). Changes whose pages cannot
 * overlap share a cluster: a note's summary, a note added, a note deleted (no page shows another
 * uncited note, nor a new one).
 */
interface Change {
  name: string;
  cluster: number;
  apply(content: string, k: string): void;
}

const CHANGES: Change[] = [
  { name: "a note's summary", cluster: 0, apply: (c, k) => edit(c, `notes/alpha${k}.mdx`, 'Alpha shows the first thing.', 'Alpha shows the second thing.') },
  {
    name: 'a note added',
    cluster: 0,
    apply: (c, k) => writeFileSync(join(c, `notes/delta${k}.mdx`), readFileSync(join(c, `notes/nested/gamma${k}.mdx`), 'utf8').replace('Is gamma kept in a folder?', 'Is delta a new note?')),
  },
  // Its one claim was published, so the author records it as retired, as the build demands.
  {
    name: 'a note deleted',
    cluster: 0,
    apply: (c, k) => {
      rmSync(join(c, `notes/uncited-note${k}.mdx`));
      const registry = JSON.parse(readFileSync(join(c, 'claims.json'), 'utf8')) as Record<string, Record<string, unknown>>;
      Object.assign(registry[`lonely-finding${k}`]!, { retired: 'Its note was deleted.', nearest: `opening-claim${k}` });
      writeFileSync(join(c, 'claims.json'), `${JSON.stringify(registry, null, 2)}\n`);
    },
  },
  { name: "a note's title", cluster: 1, apply: (c, k) => edit(c, `notes/beta${k}.mdx`, 'What do beta and its neighbours add?', 'What do beta and its neighbours bring?') },
  { name: "a claim's text in an essay", cluster: 2, apply: (c, k) => edit(c, `essays/first-essay${k}.mdx`, 'Alpha is cited again here', 'Alpha is cited once more here') },
  // A published claim's cited notes change: republishing records it as the claim's next revision.
  { name: 'a citation added to an essay', cluster: 3, apply: (c, k) => edit(c, `essays/second-essay${k}.mdx`, `[@beta${k}]`, `[@beta${k}; @uncited-note${k}]`) },
  // A published claim's words change, and republishing records revision 2: its essay copies the new wording's
  // address and marks it revised, its share page lists the history, its first wording's page says what it became.
  { name: 'a published claim reworded and republished', cluster: 4, apply: (c, k) => edit(c, `essays/first-essay${k}.mdx`, 'a claim that cites alpha', 'a claim that still cites alpha') },
];
/** How the changed content is republished (tools/publish-claims.ts), as an author does before building. */
const REPUBLISH = ['--reason', 'Changed by the incremental build test.', '--date=2027-03-12'];
/** The cluster no change touches. */
const UNTOUCHED = Math.max(...CHANGES.map((c) => c.cluster)) + 1;
const suffix = (i: number) => `-k${i}`;
const clusterOf = (change: string) => suffix(CHANGES.find((c) => c.name === change)!.cluster);

function edit(content: string, file: string, from: string, to: string): void {
  const path = join(content, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not hold "${from}": the change no longer applies to tests/fixtures/good.`);
  writeFileSync(path, text.replace(from, to));
}

function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => statSync(join(dir, f)).isFile()).sort();
}

/** Essay and note slugs and claim ids of the good fixture, from its files. */
function fixtureIds() {
  const files = filesUnder(GOOD).filter((f) => f.endsWith('.mdx') || f.endsWith('.md'));
  const slug = (f: string) => basename(f).replace(/\.mdx?$/, '');
  const registry = JSON.parse(readFileSync(join(GOOD, 'claims.json'), 'utf8')) as Record<string, { doc: string; moved?: string; nearest?: string; revisions?: { sources?: string[] }[] }>;
  const claims = new Set(Object.keys(registry));
  for (const f of files) for (const m of readFileSync(join(GOOD, f), 'utf8').matchAll(/<Claim id="([^"]+)"/g)) claims.add(m[1]!);
  return { files, notes: new Set(files.filter((f) => f.startsWith('notes/')).map(slug)), claims, registry, slug };
}

/** The good fixture's content once per cluster, every slug and claim id ending in the cluster's suffix. */
function clusteredContent(into: string, clusters: number): void {
  const { files, notes, claims, registry, slug } = fixtureIds();
  const merged: Record<string, unknown> = {};
  for (let i = 0; i < clusters; i++) {
    const k = suffix(i);
    for (const f of files) {
      const text = readFileSync(join(GOOD, f), 'utf8')
        .replace(/@([a-z0-9-]+)/g, (all, id: string) => (notes.has(id) ? `@${id}${k}` : all))
        .replace(/<Claim id="([^"]+)"/g, (_all, id: string) => `<Claim id="${id}${k}"`);
      const target = join(into, dirname(f), `${slug(f)}${k}${f.slice(f.lastIndexOf('.'))}`);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
    for (const [id, entry] of Object.entries(registry)) {
      const renamed = (claim: string | undefined) => (claim !== undefined && claims.has(claim) ? `${claim}${k}` : claim);
      // A revision names the notes the claim cited then.
      const revisions = entry.revisions?.map((r) => ({ ...r, sources: r.sources?.map((note) => (notes.has(note) ? `${note}${k}` : note)) }));
      merged[`${id}${k}`] = { ...entry, doc: `${entry.doc}${k}`, moved: renamed(entry.moved), nearest: renamed(entry.nearest), ...(revisions ? { revisions } : {}) };
    }
  }
  writeFileSync(join(into, 'claims.json'), `${JSON.stringify(merged, null, 2)}\n`);
}

/** Runs `npm run claims:publish -- --reason … --date=…` on a content folder. */
async function republish(contentDir: string): Promise<void> {
  const { code, out } = await runClaimsPublish(contentDir, REPUBLISH);
  if (code !== 0) throw new Error(`npm run claims:publish failed on ${relative(PROJECT, contentDir)}:\n${out}`);
}

interface Site {
  root: string;
  outDir: string;
}

function site(name: string): Site {
  const root = join(DIR, `${name}-root`);
  prepareBuildRoot(root, join(PROJECT, 'node_modules'));
  return { root, outDir: join(DIR, name) };
}

async function build(s: Site, contentDir: string, env: Record<string, string> = {}): Promise<AstroBuildResult> {
  const result = await runAstroBuild({
    project: PROJECT,
    args: ['--config', 'astro.config.mjs'],
    env: { BUILD_ROOT: s.root, OUT_DIR: s.outDir, CONTENT_DIR: contentDir, LOCAL_URL: LOCAL_ORIGIN, ...env },
  });
  if (result.exitCode !== 0) throw new Error(`The build of ${relative(PROJECT, contentDir)} failed:\n${result.output.split('\n').slice(-30).join('\n')}`);
  return result;
}

/** Pages Astro copied from its cache rather than rendering them ("├─ /notes/x/index.html (restored)"). */
function restoredPages(output: string): string[] {
  return [...output.matchAll(/├─ (\S+) \((?:restored|cached)\)/g)].map((m) => m[1]!);
}

/** Pages Astro rendered (a time in place of "restored"). */
function renderedPages(output: string): string[] {
  return [...output.matchAll(/├─ (\S+) \(\+[\d.]+m?s\)/g)].map((m) => m[1]!);
}

/** The first file that differs between two output folders, with where and how, or undefined when they are byte-identical. */
function firstDifference(expected: string, actual: string): string | undefined {
  const want = filesUnder(expected);
  const got = filesUnder(actual);
  const missing = want.filter((f) => !got.includes(f));
  const extra = got.filter((f) => !want.includes(f));
  if (missing.length > 0 || extra.length > 0) return `files missing from the rebuild: ${missing.join(', ') || 'none'}; files only in the rebuild: ${extra.join(', ') || 'none'}`;
  for (const f of want) {
    const a = readFileSync(join(expected, f));
    const b = readFileSync(join(actual, f));
    if (a.equals(b)) continue;
    let at = 0;
    while (at < a.length && a[at] === b[at]) at++;
    const around = (buf: Buffer) => JSON.stringify(buf.subarray(Math.max(0, at - 80), at + 80).toString('utf8'));
    return `${f} differs at byte ${at}:\n  clean build: ${around(a)}\n  rebuild:     ${around(b)}`;
  }
  return undefined;
}

describe('incremental builds', () => {
  const content = join(DIR, 'content');
  const changed = join(DIR, 'changed');
  const incremental = site('incremental');
  const clean = site('clean');
  let rebuild: AstroBuildResult;

  beforeAll(async () => {
    rmSync(DIR, { recursive: true, force: true });
    clusteredContent(content, UNTOUCHED + 1);
    // Every claim published (the fixture leaves one unpublished), so that republishing after the changes touches only the changed clusters.
    await republish(content);
    cpSync(content, changed, { recursive: true });
    for (const change of CHANGES) change.apply(changed, suffix(change.cluster));
    // The author republishes (`npm run claims:publish -- --reason …`): the build refuses a rewording it has not recorded.
    await republish(changed);
    // The first build (which fills the cache) and the clean build of the changed content, two at a time.
    await inParallel([() => build(incremental, content), () => build(clean, changed)], 2);
    // The author edits the content in place (the content folder is part of the keys), and rebuilds.
    rmSync(content, { recursive: true });
    cpSync(changed, content, { recursive: true });
    // A page of the untouched cluster edited by hand in the output folder: the rebuild must not keep the edit.
    const edited = filesUnder(incremental.outDir).find((f) => f.startsWith('notes/') && f.endsWith('index.html') && f.includes(suffix(UNTOUCHED)))!;
    appendFileSync(join(incremental.outDir, edited), '<!-- edited by hand -->');
    rebuild = await build(incremental, content);
  });

  it('writes, after every kind of change to the content, the same bytes as a clean build', () => {
    expect(existsSync(join(clean.outDir, 'index.html'))).toBe(true);
    expect(firstDifference(clean.outDir, incremental.outDir), `after: ${CHANGES.map((c) => c.name).join('; ')}`).toBeUndefined();
  });

  it('copies the pages no change touched from the cache, and renders the changed ones', () => {
    const restored = restoredPages(rebuild.output);
    const k = suffix(UNTOUCHED);
    // Every page of the cluster no change touched: its essays, evidence maps, notes, claims and landings.
    const untouched = filesUnder(incremental.outDir).filter((f) => f.endsWith('index.html') && f.includes(k)).map((f) => `/${f}`);
    expect(untouched.length).toBeGreaterThan(5);
    expect(untouched.filter((page) => !restored.includes(page)), 'pages of the untouched cluster rendered again').toEqual([]);
    // Each change renders its own pages again: the note whose summary changed, the essay that cites one more note.
    const rendered = renderedPages(rebuild.output);
    const k0 = clusterOf("a note's summary");
    const k3 = clusterOf('a citation added to an essay');
    const k4 = clusterOf('a published claim reworded and republished');
    expect(rendered).toEqual(expect.arrayContaining([
      `/notes/alpha${k0}/index.html`, `/notes/delta${k0}/index.html`, `/essays/second-essay${k3}/index.html`, `/notes/uncited-note${k3}/index.html`,
      `/essays/first-essay${k4}/index.html`, `/c/opening-claim${k4}/index.html`, `/c/opening-claim${k4}/2/index.html`,
    ]));
  });

  it('leaves the unchanged pages in the output folder, and parses again only the pages whose bytes changed', () => {
    const k = suffix(UNTOUCHED);
    // "(cached)": the page was already in the output folder (src/integrations/kept-output.ts), not copied back.
    const kept = [...rebuild.output.matchAll(/├─ (\S+) \(cached\)/g)].map((m) => m[1]!);
    expect(kept.filter((page) => page.includes(k)).length).toBeGreaterThan(5);
    // src/integrations/security-headers/: "_headers: one policy for N pages (P read anew)".
    const [, pages, parsed] = /_headers: one policy for (\d+) pages \((\d+) read anew\)/.exec(rebuild.output) ?? [];
    expect(Number(parsed)).toBeGreaterThan(0);
    expect(Number(parsed)).toBeLessThan(Number(pages) / 2);
  });
});
