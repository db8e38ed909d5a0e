import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareBuildRoot, runAstroBuild } from '../../tools/lib/astro-build.ts';
import { parseRegistry } from '../../src/catalog/claim-registry.ts';
import { latestRevision } from '../../src/catalog/claim-revisions.ts';
import { scanClaims } from '../../src/catalog/claim-scan.ts';
import { LOCAL_ORIGIN } from '../../src/catalog/settings.ts';
import { runClaimsPublish } from './claims-publish.ts';
import { OUTPUT, PROJECT, seedEssay, type SiteBuild, type SiteSpec } from './sites.ts';

/**
 * Builds one site the way `npm run build` does, in its own folder under
 * tests/.output/<name>/ so several can build at once, and records what the
 * build printed and how it ended.
 */
export async function buildSite(spec: SiteSpec): Promise<SiteBuild> {
  const dir = join(OUTPUT, spec.name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  prepareBuildRoot(join(dir, 'root'), join(PROJECT, 'node_modules'));
  const outDir = join(dir, 'dist');
  let contentDir = spec.contentDir;
  if (spec.addContent || spec.revise) {
    contentDir = join(dir, 'content');
    cpSync(spec.contentDir, contentDir, { recursive: true });
    if (spec.revise) await reviseOneClaim(contentDir, spec.revise);
    if (spec.addContent) cpSync(spec.addContent, contentDir, { recursive: true });
  }
  const started = performance.now();
  const { exitCode, output } = await runAstroBuild({
    project: PROJECT,
    args: ['--config', 'astro.config.mjs'],
    // A site without a deployed address (SITE_URL) is built for this machine, as npm run serve builds.
    env: { BUILD_ROOT: join(dir, 'root'), OUT_DIR: outDir, CONTENT_DIR: contentDir, LOCAL_URL: spec.env?.['SITE_URL'] ? '' : LOCAL_ORIGIN, ...spec.env },
  });
  const result: SiteBuild = { name: spec.name, exitCode, output, outDir, contentDir, seconds: (performance.now() - started) / 1000 };
  writeFileSync(join(dir, 'result.json'), JSON.stringify(result, null, 2));
  return result;
}

/** Runs `tasks` with at most `limit` at once. */
export async function inParallel<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, tasks.length) }, async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  });
  await Promise.all(workers);
  return results;
}

/**
 * Rewords one published claim of the seed essay in a copy of the content and
 * republishes it with the real tool (tools/publish-claims.ts), as an author
 * does: the first published claim whose wording has at least six words, one
 * of its words (the first of five letters or more that it holds once) replaced
 * by "reworded". Nothing is hard-coded, so it follows the content.
 */
async function reviseOneClaim(contentDir: string, revise: { reason: string; date: string }): Promise<void> {
  const essay = seedEssay(contentDir).path;
  const source = readFileSync(essay, 'utf8');
  const { registry } = parseRegistry(readFileSync(join(contentDir, 'claims.json'), 'utf8'), 'claims.json');
  const chosen = scanClaims(source).flatMap(({ id }) => {
    const entry = registry.get(id);
    const latest = entry && !entry.moved && !entry.retired ? latestRevision(entry) : undefined;
    if (!latest || latest.text.split(/\s+/).length < 6) return [];
    const tag = `<Claim id="${id}">`;
    const start = source.indexOf(tag) + tag.length;
    const inner = source.slice(start, source.indexOf('</Claim>', start));
    // A whole word of the text: not part of a citation's note id, a link's address or a hyphenated word.
    const word = (inner.match(/(?<![\w@\/.:-])[a-z]{5,}(?![\w-])/g) ?? []).find((w) =>
      w !== 'reworded' && inner.split(new RegExp(`(?<![\\w@/.:-])${w}(?![\\w-])`)).length === 2 && new RegExp(`\\b${w}\\b`).test(latest.text));
    return word ? [{ id, start, inner, word }] : [];
  })[0];
  if (!chosen) throw new Error(`No published claim of ${essay} has a wording of six words or more with a word to replace.`);
  const reworded = chosen.inner.replace(new RegExp(`(?<![\\w@/.:-])${chosen.word}(?![\\w-])`), 'reworded');
  writeFileSync(essay, source.slice(0, chosen.start) + reworded + source.slice(chosen.start + chosen.inner.length));
  const publish = await runClaimsPublish(contentDir, ['--reason', revise.reason, `--date=${revise.date}`]);
  if (publish.code !== 0) throw new Error(`npm run claims:publish failed on the reworded copy (${chosen.id}): ${publish.out}`);
  if (!publish.out.includes(`Recorded revision 2 of ${chosen.id} `)) throw new Error(`npm run claims:publish did not record revision 2 of ${chosen.id}:\n${publish.out}`);
}
