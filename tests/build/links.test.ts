import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LinkChecker, LinkState } from 'linkinator';
import { serveStatic } from '../../tools/lib/serve.ts';
import { readContent } from '../support/content.ts';
import { allPages, fileForUrl, loadPage } from '../support/html.ts';
import { SITE_ORIGIN, siteBuild, SUBPATH, SUBPATH_ORIGIN } from '../support/sites.ts';

/**
 * A crawl of each built site with linkinator, served as a static host would
 * serve it: every internal link, every #fragment, every asset resolves.
 * External links are listed, not fetched, and must tell the other site nothing.
 */

interface Crawl {
  broken: string[];
  ok: string[];
  external: Set<string>;
  origin: string;
}

/**
 * Crawls a built folder from every one of its pages (the 404 page and
 * forwarding pages included). Absolute URLs on the site's own origin
 * (canonical links, share pictures) are followed on the local server.
 */
async function crawl(dir: string, base: string, site: string): Promise<Crawl> {
  const server = await serveStatic(dir, base);
  const external = new Set<string>();
  try {
    const results = await new LinkChecker().check({
      path: allPages(dir).map((p) => `${server.url}${p.replace(/^\//, '')}`),
      recurse: true,
      checkFragments: true,
      checkCss: true,
      concurrency: 8,
      urlRewriteExpressions: [{ pattern: new RegExp(`^${(site + base).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), replacement: server.url }],
      linksToSkip: async (link) => {
        if (link.startsWith(server.origin)) return false;
        external.add(link);
        return true;
      },
    });
    const strip = (url: string) => url.replace(server.origin, '');
    return {
      broken: results.links.filter((l) => l.state === LinkState.BROKEN).map((l) => `${strip(l.url)} (${l.status}) on ${strip(l.parent ?? '')}`),
      ok: results.links.filter((l) => l.state === LinkState.OK).map((l) => strip(l.url)),
      external,
      origin: server.origin,
    };
  } finally {
    await server.close();
  }
}

const builds = [
  { name: 'site', base: '/', site: SITE_ORIGIN },
  { name: 'good', base: '/', site: 'http://localhost:4321' },
  { name: 'subpath', base: SUBPATH, site: SUBPATH_ORIGIN },
];

for (const { name, base, site } of builds) {
  describe(`links in the "${name}" build`, () => {
    let result: Crawl;

    beforeAll(async () => {
      const build = siteBuild(name);
      expect(build.exitCode, build.output).toBe(0);
      result = await crawl(build.outDir, base, site);
    }, 120_000);

    it('has no broken link, fragment or asset', () => {
      expect(result.broken).toEqual([]);
    });

    it('checked the pages, their stylesheets and scripts', () => {
      expect(result.ok.some((u) => u.includes('/_astro/') && u.endsWith('.css'))).toBe(true);
      expect(result.ok.some((u) => u.endsWith('/feed.xml'))).toBe(true);
    });

    it('points every canonical link and every share URL and picture at a file in the build', () => {
      // linkinator does not read <meta> and <link rel="canonical">: check those here.
      const build = siteBuild(name);
      let checked = 0;
      for (const page of allPages(build.outDir)) {
        const $ = loadPage(build.outDir, page);
        const urls = [
          $('link[rel="canonical"]').attr('href'),
          $('meta[property="og:url"]').attr('content'),
          $('meta[property="og:image"]').attr('content'),
          $('meta[name="twitter:image"]').attr('content'),
        ].filter((u): u is string => u !== undefined);
        for (const url of urls) {
          expect(url.startsWith(site + base), `${url} on ${page}`).toBe(true);
          expect(existsSync(fileForUrl(build.outDir, `/${url.slice((site + base).length)}`)), `${url} on ${page}`).toBe(true);
          checked += 1;
        }
      }
      expect(checked).toBeGreaterThan(allPages(build.outDir).length);
    });

    it('lists external links, which carry rel="noopener noreferrer"', () => {
      const build = siteBuild(name);
      for (const page of allPages(build.outDir)) {
        const $ = loadPage(build.outDir, page);
        $('a[href^="http"]').each((_, a) => {
          const href = $(a).attr('href')!;
          if (href.startsWith(result.origin)) return;
          expect($(a).attr('rel'), `${href} on ${page}`).toBe('noopener noreferrer');
        });
      }
      // Every paper behind the notes, each once.
      if (name === 'site' || name === 'subpath') {
        const papers = new Set(readContent(build.contentDir).notes.flatMap((n) => n.papers.map((p) => `https://arxiv.org/abs/${p.arxiv}`)));
        expect(papers.size).toBeGreaterThan(0);
        expect(new Set([...result.external].filter((u) => u.startsWith('https://arxiv.org/abs/')))).toEqual(papers);
      }
    });
  });
}

describe('the crawl itself', () => {
  it('catches a link to a fragment that does not exist, and a missing page', async () => {
    // A copy of a good build with two broken links put in: the crawl must report both.
    const dir = mkdtempSync(join(tmpdir(), 'links-'));
    cpSync(siteBuild('good').outDir, dir, { recursive: true });
    const page = join(dir, 'essays', 'first-essay', 'index.html');
    writeFileSync(page, readFileSync(page, 'utf8').replace('</main>', '<a href="/notes/alpha/#no-such-claim">x</a><a href="/notes/no-such-note/">y</a></main>'));
    const { broken } = await crawl(dir, '/', 'http://localhost:4321');
    expect(broken).toContain('/notes/alpha/#no-such-claim (200) on /essays/first-essay/');
    expect(broken.some((b) => b.startsWith('/notes/no-such-note/ (404)'))).toBe(true);
  }, 120_000);
});
