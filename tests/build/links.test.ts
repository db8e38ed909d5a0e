import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LinkChecker, LinkState } from 'linkinator';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve.ts';
import { allPages, loadPage } from '../support/html.ts';
import { siteBuild, SUBPATH } from '../support/sites.ts';

/**
 * A crawl of each built site with linkinator, served as a static host would
 * serve it: every internal link, every #fragment, every asset resolves.
 * External links are listed, not fetched, and must tell the other site nothing.
 */

const builds = [
  { name: 'site', base: '/' },
  { name: 'good', base: '/' },
  { name: 'subpath', base: SUBPATH },
];

for (const { name, base } of builds) {
  describe(`links in the "${name}" build`, () => {
    let server: StaticServer;
    let results: Awaited<ReturnType<LinkChecker['check']>>;
    const external = new Set<string>();

    beforeAll(async () => {
      const build = siteBuild(name);
      expect(build.exitCode, build.output).toBe(0);
      server = await serveStatic(build.outDir, base);
      // Start from every page, not only those reachable by links (the 404 page, forwarding pages).
      const starts = allPages(build.outDir).map((p) => `${server.url}${p.replace(/^\//, '')}`);
      results = await new LinkChecker().check({
        path: starts,
        recurse: true,
        checkFragments: true,
        checkCss: true,
        concurrency: 8,
        linksToSkip: async (link) => {
          if (link.startsWith(server.origin)) return false;
          external.add(link);
          return true;
        },
      });
    }, 120_000);

    afterAll(async () => {
      await server?.close();
    });

    it('has no broken link, fragment or asset', () => {
      const broken = results.links.filter((l) => l.state === LinkState.BROKEN);
      expect(broken.map((l) => `${l.url} (${l.status}) on ${l.parent}`)).toEqual([]);
      expect(results.passed).toBe(true);
    });

    it('checked pages, assets and fragments', () => {
      const checked = results.links.filter((l) => l.state === LinkState.OK).map((l) => l.url);
      expect(checked.some((u) => u.includes('/_astro/') && u.endsWith('.css'))).toBe(true);
      expect(checked.some((u) => u.includes('#'))).toBe(true);
      if (name !== 'good') expect(checked.some((u) => u.endsWith('/card.png'))).toBe(true);
    });

    it('lists external links, which carry rel="noopener noreferrer"', () => {
      const build = siteBuild(name);
      for (const page of allPages(build.outDir)) {
        const $ = loadPage(build.outDir, page);
        $('a[href^="http"]').each((_, a) => {
          const href = $(a).attr('href')!;
          if (href.startsWith(server.origin)) return;
          expect($(a).attr('rel'), `${href} on ${page}`).toBe('noopener noreferrer');
        });
      }
      if (name === 'site') expect([...external].filter((u) => u.startsWith('https://arxiv.org/abs/')).length).toBeGreaterThanOrEqual(15);
    });
  });
}
