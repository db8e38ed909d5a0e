import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRegistry, type Registry } from '../../src/catalog/claim-registry.ts';
import { readContent } from '../support/content.ts';
import { loadPage } from '../support/html.ts';
import { PROJECT, REVISION, revisedClaim, seedEssay, siteBuild, type SiteBuild } from '../support/sites.ts';

/**
 * Claim revisions as npm run claims:publish records them (content/claims.json,
 * "revisions"): every published claim's latest revision holds what its page
 * shows, word for word, and the "subpath" site's preparation rewords one real
 * claim and republishes it with the real tool (tests/support/build-site.ts).
 */

const registryOf = (build: SiteBuild): Registry => parseRegistry(readFileSync(join(build.contentDir, 'claims.json'), 'utf8'), 'claims.json').registry;
const words = (text: string) => text.split(/\s+/);

describe.for(['site', 'subpath', 'good'])('the wordings recorded for the "%s" build', (name) => {
  it('are, for every published claim, the words and sources its page shows', () => {
    const build = siteBuild(name);
    expect(build.exitCode, build.output).toBe(0);
    const feed = JSON.parse(readFileSync(join(build.outDir, 'c', 'claims.json'), 'utf8')) as { claims: { id: string; text: string; document: { kind: string; id: string }; sources: { id: string }[] }[] };
    const registry = registryOf(build);
    const pages = new Map<string, ReturnType<typeof loadPage>>();
    let checked = 0;
    for (const claim of feed.claims) {
      const entry = registry.get(claim.id);
      if (!entry) continue;
      const latest = entry.revisions?.at(-1);
      expect(latest, claim.id).toBeDefined();
      expect(latest!.text, claim.id).toBe(claim.text);
      expect(latest!.sources, claim.id).toEqual(claim.sources.map((s) => s.id));
      // As the reader sees it in the essay or note: markers and the claim's tools left out.
      const path = `/${claim.document.kind}s/${claim.document.id}/`;
      const $ = pages.get(path) ?? pages.set(path, loadPage(build.outDir, path)).get(path)!;
      const element = $(`[id="${claim.id}"]`).first().clone();
      element.find('.citation, .claim-tools').remove();
      expect(element.text().replace(/\s+/g, ' ').trim(), claim.id).toBe(latest!.text.replace(/\s+/g, ' '));
      checked += 1;
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('a claim reworded and republished (the "subpath" site)', () => {
  it('has two revisions made by npm run claims:publish; every other claim has one', () => {
    const build = siteBuild('subpath');
    expect(build.exitCode, build.output).toBe(0);
    const revised = revisedClaim(build);
    expect(revised).toBeDefined();
    const { id, doc, before, after } = revised!;
    const registry = registryOf(build);
    expect(registry.get(id)?.revisions).toHaveLength(2);
    const others = [...registry].filter(([other, e]) => other !== id && !e.moved && !e.retired);
    expect(others.length).toBeGreaterThan(0);
    for (const [other, entry] of others) expect(entry.revisions, other).toHaveLength(1);

    // One word of the seed essay's claim replaced, with the reason and date the preparation gave.
    const seed = seedEssay(build.contentDir);
    expect(doc).toBe(`essays/${seed.slug}`);
    expect(words(before.text).length).toBeGreaterThanOrEqual(6);
    const changed = words(after.text).map((w, i) => [words(before.text)[i], w]).filter(([a, b]) => a !== b);
    expect(changed).toHaveLength(1);
    expect(changed[0]![1]).toMatch(/^reworded\b/);
    expect(after.sources).toEqual(before.sources);
    expect(after).toMatchObject({ date: REVISION.date, reason: REVISION.reason });
    expect(before.reason).toBeUndefined();
    const essay = readContent(build.contentDir).essays.find((e) => e.slug === seed.slug)!;
    expect(before.date).toBe(essay.published);

    // The copy was reworded, not the real content.
    const real = parseRegistry(readFileSync(join(PROJECT, 'content', 'claims.json'), 'utf8'), 'claims.json').registry.get(id);
    expect(real?.revisions?.at(-1)?.text).toBe(before.text);
  });
});
