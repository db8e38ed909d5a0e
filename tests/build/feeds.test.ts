import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContent, type ContentEssay, type ContentNote } from '../support/content.ts';
import { allPages, fileForUrl, loadPage, normalizeText } from '../support/html.ts';
import { PROJECT, SITE_ORIGIN, siteBuild, SUBPATH, SUBPATH_ORIGIN, type SiteBuild } from '../support/sites.ts';

/**
 * Discovery: the RSS feed lists every essay and note with its summary; the
 * sitemap lists every page that may be indexed and nothing else (not the 404
 * page, not the landings of moved or retired claim ids); robots.txt names the
 * sitemap. All under the site's origin and base path.
 */

// Each site is checked against the content it was built from (build.contentDir).
const builds = [
  { name: 'site', root: `${SITE_ORIGIN}/` },
  { name: 'subpath', root: `${SUBPATH_ORIGIN}${SUBPATH}` },
  { name: 'good', root: 'http://localhost:4321/' },
  { name: 'good-based', root: `${SUBPATH_ORIGIN}${SUBPATH}` },
];

const xml = (outDir: string, file: string) => cheerio.load(readFileSync(join(outDir, file), 'utf8'), { xml: true });

for (const spec of builds) {
  describe(`feed and sitemap of the "${spec.name}" build`, () => {
    let build: SiteBuild;
    let essays: ContentEssay[];
    let notes: ContentNote[];
    beforeAll(() => {
      build = siteBuild(spec.name);
      expect(build.exitCode, build.output).toBe(0);
      ({ essays, notes } = readContent(build.contentDir));
    });

    it('lists every essay and every note in the feed, each once, with its summary', () => {
      const $ = xml(build.outDir, 'feed.xml');
      expect($('channel > link').text()).toBe(spec.root);
      expect($('channel > atom\\:link').attr('href')).toBe(`${spec.root}feed.xml`);
      const items = $('item').map((_, item) => ({ link: $(item).find('link').text(), title: $(item).find('title').text(), description: $(item).find('description').text(), pubDate: $(item).find('pubDate').text() })).get();
      const wanted = [...essays.map((e) => `${spec.root}essays/${e.slug}/`), ...notes.map((n) => `${spec.root}notes/${n.slug}/`)];
      expect(items.map((i) => i.link).sort()).toEqual(wanted.sort());
      for (const essay of essays) {
        const item = items.find((i) => i.link === `${spec.root}essays/${essay.slug}/`)!;
        expect(item.title).toBe(essay.title);
        expect(item.description).toBe(essay.standfirst);
        expect(new Date(item.pubDate).toISOString().slice(0, 10)).toBe(essay.published);
      }
      for (const note of notes) {
        const item = items.find((i) => i.link === `${spec.root}notes/${note.slug}/`)!;
        expect(item.title).toBe(note.title);
        const page = loadPage(build.outDir, `/notes/${note.slug}/`);
        // Code blocks are left out of a note's summary text, as citation markers are (src/markdown/plain-text.ts).
        page('.citation, .claim-tools, pre').remove();
        const summary = normalizeText(page('.note-summary').text());
        expect(normalizeText(item.description)).toBe(summary);
      }
    });

    it('lists in the sitemap every page that may be indexed, and no other', () => {
      const index = xml(build.outDir, 'sitemap-index.xml');
      const sitemaps = index('sitemap > loc').map((_, l) => index(l).text()).get();
      expect(sitemaps.length).toBeGreaterThan(0);
      const listed = sitemaps.flatMap((url) => {
        expect(url.startsWith(spec.root)).toBe(true);
        const $ = xml(build.outDir, url.slice(spec.root.length));
        return $('url > loc').map((_, l) => $(l).text()).get();
      });
      const indexable = allPages(build.outDir).filter((path) => {
        const $ = loadPage(build.outDir, path);
        return !/noindex/.test($('meta[name="robots"]').attr('content') ?? '');
      });
      expect([...listed].sort()).toEqual(indexable.map((p) => `${spec.root}${p.slice(1)}`).sort());
      expect(listed.some((u) => u.includes('404'))).toBe(false);
      for (const url of listed) expect(fileForUrl(build.outDir, url.slice(spec.root.length - 1))).toBeTruthy();
      // Every essay, note and claim share page, and each essay's evidence map.
      for (const essay of essays) {
        expect(listed).toContain(`${spec.root}essays/${essay.slug}/`);
        expect(listed).toContain(`${spec.root}essays/${essay.slug}/evidence/`);
        for (const id of essay.claims) expect(listed).toContain(`${spec.root}c/${id}/`);
      }
      for (const note of notes) expect(listed).toContain(`${spec.root}notes/${note.slug}/`);
    });

    it('names the sitemap in robots.txt', () => {
      expect(readFileSync(join(build.outDir, 'robots.txt'), 'utf8')).toContain(`\nSitemap: ${spec.root}sitemap-index.xml\n`);
    });
  });
}

describe('the sitemap of a site with moved and retired claim ids', () => {
  it('leaves out their landings, which forward or explain and are not to be indexed', () => {
    const build = siteBuild('good');
    const $ = cheerio.load(readFileSync(join(build.outDir, 'sitemap-0.xml'), 'utf8'), { xml: true });
    const listed = $('url > loc').map((_, l) => $(l).text()).get();
    const registry = JSON.parse(readFileSync(join(PROJECT, 'tests/fixtures/good/content/claims.json'), 'utf8')) as Record<string, { moved?: string; retired?: string }>;
    const gone = Object.entries(registry).filter(([, e]) => e.moved || e.retired).map(([id]) => id);
    expect(gone.length).toBeGreaterThan(0);
    for (const id of gone) expect(listed).not.toContain(`http://localhost:4321/c/${id}/`);
  });
});
