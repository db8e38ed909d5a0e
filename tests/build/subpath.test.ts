import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readContent } from '../support/content.ts';
import { allPages, loadPage } from '../support/html.ts';
import { PROJECT, SECOND_ESSAY, siteBuild, SUBPATH, SUBPATH_ORIGIN } from '../support/sites.ts';

/**
 * Built with BASE_PATH=/explainers/ and SITE_URL=https://example.org, every
 * address the site makes respects both: on the real site ("subpath") and on
 * the fixture whose moved and retired claim ids add forwarding pages and
 * landings ("good-based").
 */

for (const name of ['subpath', 'good-based']) {
  describe(`a deploy under a sub-path: the "${name}" build`, () => {
    const build = siteBuild(name);

    it('builds', () => {
      expect(build.exitCode, build.output).toBe(0);
    });

    it('puts every link, asset, script and forwarding page under the sub-path', () => {
      const offenders: string[] = [];
      let checked = 0;
      for (const page of allPages(build.outDir)) {
        const $ = loadPage(build.outDir, page);
        $('[href], [src], [action], [data-share]').each((_, el) => {
          for (const attr of ['href', 'src', 'action', 'data-share']) {
            const value = $(el).attr(attr);
            if (value === undefined || value.startsWith('#') || /^(https?:|mailto:|data:)/.test(value)) continue;
            checked += 1;
            if (!value.startsWith(SUBPATH)) offenders.push(`${page}: ${attr}="${value}"`);
          }
        });
        $('meta[http-equiv="refresh"]').each((_, el) => {
          const target = $(el).attr('content')!.replace(/^\d+;\s*url=/, '');
          checked += 1;
          if (!target.startsWith(SUBPATH)) offenders.push(`${page}: refresh to ${target}`);
        });
      }
      expect(offenders).toEqual([]);
      expect(checked).toBeGreaterThan(allPages(build.outDir).length);
    });
  });
}

describe('the real site under a sub-path, with a second essay added', () => {
  const build = siteBuild('subpath');
  const { essays } = readContent(build.contentDir);

  it('holds the real essays and the added one', () => {
    const real = readContent(join(PROJECT, 'content')).essays.map((e) => e.slug);
    const added = readContent(SECOND_ESSAY).essays.map((e) => e.slug);
    expect(added.length).toBeGreaterThan(0);
    expect(essays.map((e) => e.slug).sort()).toEqual([...real, ...added].sort());
  });

  it.for(essays.filter((e) => e.claims.length > 0 && e.notes.length > 0).map((e) => e.slug))('writes canonical and share URLs with the origin and the sub-path: %s', (slug) => {
    const essay = essays.find((e) => e.slug === slug)!;
    const claim = essay.claims[0]!;
    const $ = loadPage(build.outDir, `/c/${claim}/`);
    expect($('link[rel="canonical"]').attr('href')).toBe(`${SUBPATH_ORIGIN}${SUBPATH}c/${claim}/`);
    expect($('meta[property="og:url"]').attr('content')).toBe(`${SUBPATH_ORIGIN}${SUBPATH}c/${claim}/`);
    expect($('meta[property="og:image"]').attr('content')).toBe(`${SUBPATH_ORIGIN}${SUBPATH}c/${claim}/card.png`);
    const page = loadPage(build.outDir, `/essays/${essay.slug}/`);
    expect(page('link[rel="canonical"]').attr('href')).toBe(`${SUBPATH_ORIGIN}${SUBPATH}essays/${essay.slug}/`);
    const note = essay.notes[0]!;
    expect(page(`#ref-${note} .source-url`).text()).toBe(`${SUBPATH_ORIGIN}${SUBPATH}notes/${note}/`);
  });

  it('writes the claims feed and the security headers for the sub-path', () => {
    const feed = JSON.parse(readFileSync(join(build.outDir, 'c', 'claims.json'), 'utf8')) as { claims: { url: string; context: string }[] };
    expect(feed.claims.length).toBeGreaterThan(0);
    for (const c of feed.claims) {
      expect(c.url.startsWith(`${SUBPATH_ORIGIN}${SUBPATH}c/`)).toBe(true);
      expect(c.context.startsWith(`${SUBPATH_ORIGIN}${SUBPATH}essays/`)).toBe(true);
    }
    expect(readFileSync(join(build.outDir, '_headers'), 'utf8').split('\n')[0]).toBe(`${SUBPATH}*`);
  });
});

describe('the fixture under a sub-path', () => {
  it('forwards the share page of a moved claim id within the sub-path', () => {
    const moved = loadPage(siteBuild('good-based').outDir, '/c/old-opening/');
    expect(moved('meta[http-equiv="refresh"]').attr('content')).toBe(`0; url=${SUBPATH}c/opening-claim/`);
  });
});
