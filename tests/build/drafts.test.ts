import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { files, isDraftFile } from '../support/content.ts';
import { allPages } from '../support/html.ts';
import { PROJECT, siteBuild, type SiteBuild } from '../support/sites.ts';

/**
 * A draft essay (draft: true) of the good fixture is left out of the build:
 * no page, no share page for its claims, nothing in the lists, the feed, the
 * sitemap, the claims feed or the search index; and its claims are not in the
 * registry (tests/unit/drafts.test.ts checks claims:publish leaves them out).
 */

const content = join(PROJECT, 'tests/fixtures/good/content');
const drafts = files(join(content, 'essays')).filter(isDraftFile).map((file) => ({
  slug: file.replace(/^.*\//, '').replace(/\.mdx?$/, ''),
  claims: [...readFileSync(file, 'utf8').matchAll(/<Claim id="([^"]+)">/g)].map((m) => m[1]!),
}));

describe('a draft essay in the "good" build', () => {
  let build: SiteBuild;
  beforeAll(() => {
    build = siteBuild('good');
    expect(build.exitCode, build.output).toBe(0);
    expect(drafts.length).toBeGreaterThan(0);
    expect(drafts.flatMap((d) => d.claims).length).toBeGreaterThan(0);
  });

  it('has no page, and no share page for its claims', () => {
    const pages = allPages(build.outDir);
    for (const { slug, claims } of drafts) {
      expect(pages.filter((p) => p.includes(`/${slug}/`)), slug).toEqual([]);
      for (const id of claims) expect(existsSync(join(build.outDir, 'c', id)), id).toBe(false);
    }
  });

  it('is named nowhere in the built site: lists, feed, sitemap, claims feed, search index', () => {
    const outputs = ['index.html', 'notes/index.html', 'c/index.html', 'feed.xml', 'sitemap-0.xml', 'c/claims.json', 'search/index.html'];
    for (const file of outputs) {
      const text = readFileSync(join(build.outDir, file), 'utf8');
      for (const { slug, claims } of drafts) {
        expect(text, `${file} names ${slug}`).not.toContain(slug);
        for (const id of claims) expect(text, `${file} names ${id}`).not.toContain(id);
      }
    }
    // Notes cited by the draft do not list it under "Cited in".
    for (const page of allPages(build.outDir).filter((p) => p.startsWith('/notes/'))) {
      const html = readFileSync(join(build.outDir, page, 'index.html'), 'utf8');
      for (const { slug } of drafts) expect(html, page).not.toContain(`/essays/${slug}/`);
    }
  });

  it('keeps its claims out of the registry and out of the build\'s "not published yet" warning', () => {
    const registry = JSON.parse(readFileSync(join(content, 'claims.json'), 'utf8')) as Record<string, unknown>;
    for (const id of drafts.flatMap((d) => d.claims)) {
      expect(Object.keys(registry)).not.toContain(id);
      expect(build.output).not.toContain(id);
    }
  });
});
