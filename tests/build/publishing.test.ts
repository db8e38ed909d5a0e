import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as cheerio from 'cheerio';
import ogs from 'open-graph-scraper';
import Parser from 'rss-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileForUrl, loadPage } from '../support/html.ts';
import { readContent } from '../support/content.ts';
import { PROJECT, SITE_ORIGIN, siteBuild, SUBPATH, SUBPATH_ORIGIN, type SiteBuild } from '../support/sites.ts';
import siteConfig from '../../site.config.ts';
import { headersFor, parseHeadersFile } from '../../src/formats/headers-file.ts';

/** A CSP hash source, computed here, apart from the site's code. */
const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The built site as the software that reads it on the web reads it: link
 * unfurlers (open-graph-scraper), the W3C Nu HTML checker, a feed reader
 * (rss-parser), Google Scholar's inclusion rules and the claims' data, on the
 * real site built for a real address, at the root and under a sub-path. The
 * pages to read come from content/, not from today's list.
 */

const content = readContent(join(PROJECT, 'content'));
const claims = JSON.parse(readFileSync(join(PROJECT, 'content', 'claims.json'), 'utf8')) as Record<string, unknown>;
const builds = [
  { name: 'site', root: `${SITE_ORIGIN}/`, base: '/' },
  { name: 'subpath', root: `${SUBPATH_ORIGIN}${SUBPATH}`, base: SUBPATH },
];

/** Every file of a build, relative to its folder. */
function files(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => !f.endsWith('/') && existsSync(join(dir, f)) && !readdirSafe(join(dir, f)));
}
function readdirSafe(path: string): boolean {
  try {
    readdirSync(path);
    return true;
  } catch {
    return false;
  }
}

for (const { name, root, base } of builds) {
  describe(`the "${name}" build, for ${root}`, () => {
    let build: SiteBuild;
    beforeAll(() => {
      build = siteBuild(name);
      expect(build.exitCode, build.output).toBe(0);
    });
    /** The built file an absolute URL of this site names, or undefined if it names another place. */
    const fileOf = (url: string) => (url.startsWith(root) ? fileForUrl(build.outDir, url.slice(root.length)) : undefined);

    it('holds no loopback address in any file', () => {
      const loopback = /localhost|127\.0\.0\.1|\[::1\]/;
      const found = files(build.outDir).filter((f) => loopback.test(readFileSync(join(build.outDir, f)).toString('latin1')));
      expect(found).toEqual([]);
    });

    it('unfurls the home page, an essay, a note and a claim with a title, a description and an absolute picture in the build', async () => {
      const built = readContent(build.contentDir);
      const essay = built.essays[0]!;
      const note = built.notes.find((n) => essay.notes.includes(n.slug))!;
      const claim = essay.claims[0]!;
      for (const path of ['', `essays/${essay.slug}/`, `notes/${note.slug}/`, `c/${claim}/`]) {
        const html = readFileSync(fileForUrl(build.outDir, path), 'utf8');
        const { result, error } = await ogs({ html });
        expect(error, path).toBe(false);
        expect(result.ogTitle, path).toBeTruthy();
        expect(result.ogDescription, path).toBeTruthy();
        expect(result.ogUrl, path).toBe(`${root}${path}`);
        const image = result.ogImage?.[0];
        expect(image?.url, path).toMatch(new RegExp(`^${root.replace(/[.]/g, '\\.')}`));
        expect(existsSync(fileOf(image!.url)!), `${path}: ${image!.url}`).toBe(true);
        expect([image?.width, image?.height, result.twitterCard], path).toEqual(['1200', '630', 'summary_large_image']);
      }
    });

    it('lists in claims.json only URLs that resolve to files of the build, the share picture too', () => {
      const feed = JSON.parse(readFileSync(fileForUrl(build.outDir, 'c/claims.json'), 'utf8')) as { claims: { id: string; url: string; card: string; context: string }[] };
      // Each build against the content it was built from: "subpath" holds a second essay (tests/support/sites.ts).
      const built = readContent(build.contentDir);
      expect(feed.claims.map((c) => c.id).sort()).toEqual(built.essays.flatMap((e) => e.claims).concat(built.notes.flatMap((n) => n.claims)).sort());
      for (const claim of feed.claims) {
        for (const url of [claim.url, claim.card, claim.context.split('#')[0]!]) expect(fileOf(url) && existsSync(fileOf(url)!), url).toBe(true);
      }
    });

    it('sends a policy whose hashes are exactly those of the inline scripts and styles the pages hold, HSTS, and a policy of its own for the share pictures', () => {
      const text = readFileSync(join(build.outDir, '_headers'), 'utf8');
      const [pages] = parseHeadersFile(text);
      const header = (name: string) => pages!.headers.find(([n]) => n === name)?.[1] ?? '';
      const hashes = (directive: string) => header('Content-Security-Policy').split(';').find((d) => d.trim().startsWith(`${directive} `))!.trim().split(/\s+/).filter((s) => s.startsWith("'sha"));
      const inline = { script: new Set<string>(), style: new Set<string>() };
      for (const page of files(build.outDir).filter((f) => f.endsWith('.html'))) {
        const $ = cheerio.load(readFileSync(join(build.outDir, page), 'utf8'));
        $('script:not([src]):not([type="application/ld+json"])').each((_, el) => void inline.script.add(sha($(el).html() ?? '')));
        $('style').each((_, el) => void inline.style.add(sha($(el).html() ?? '')));
      }
      expect(new Set(hashes('script-src'))).toEqual(inline.script);
      expect(new Set(hashes('style-src'))).toEqual(inline.style);
      expect(hashes('script-src')).not.toContain(sha(''));
      expect(header('Strict-Transport-Security')).toBe('max-age=31536000');
      expect(header('Permissions-Policy')).not.toContain('interest-cohort');
      const card = Object.fromEntries(headersFor(parseHeadersFile(text), `${base}c/x/card.png`));
      expect(card['Content-Security-Policy']).not.toBe(header('Content-Security-Policy'));
      expect(Object.fromEntries(headersFor(parseHeadersFile(text), `${base}feed.xml`))['Content-Type']).toBe('application/rss+xml; charset=utf-8');
    });

    it('gives each page a <meta> policy whose hashes are exactly its own inline scripts and styles (on hosts that send no headers it is the only policy)', () => {
      const pages = files(build.outDir).filter((f) => f.endsWith('.html'));
      expect(pages.length).toBeGreaterThan(0);
      for (const page of pages) {
        const $ = cheerio.load(readFileSync(join(build.outDir, page), 'utf8'));
        const policy = $('meta[http-equiv="content-security-policy"]').attr('content') ?? '';
        const hashes = (directive: string) => new Set((policy.split(';').find((d) => d.trim().startsWith(`${directive} `)) ?? '').trim().split(/\s+/).filter((s) => s.startsWith("'sha")));
        const own = { script: new Set<string>(), style: new Set<string>() };
        $('script:not([src]):not([type="application/ld+json"])').each((_, el) => void own.script.add(sha($(el).html() ?? '')));
        $('style').each((_, el) => void own.style.add(sha($(el).html() ?? '')));
        expect(policy, page).toContain("default-src 'self'");
        expect(hashes('script-src'), page).toEqual(own.script);
        expect(hashes('style-src'), page).toEqual(own.style);
      }
    });

    it(`serves every page under ${base}`, () => {
      expect(loadPage(build.outDir, '').root().find('link[rel="manifest"]').attr('href')).toBe(`${base}site.webmanifest`);
    });
  });
}

describe('the real site as Google Scholar, Zotero and feed readers read it', () => {
  let build: SiteBuild;
  beforeAll(() => {
    build = siteBuild('site');
    expect(build.exitCode, build.output).toBe(0);
  });
  const authors = siteConfig.authors.map((a) => a.name);

  it('gives every essay and note page Scholar\'s required tags, and a byline that is the authors\' names alone', () => {
    const pages = [...content.essays.map((e) => ({ path: `essays/${e.slug}/`, title: e.title })), ...content.notes.map((n) => ({ path: `notes/${n.slug}/`, title: n.title }))];
    expect(pages.length).toBe(content.essays.length + content.notes.length);
    for (const { path, title } of pages) {
      const $ = loadPage(build.outDir, path);
      const meta = (name: string) => $(`meta[name="${name}"]`).map((_, m) => $(m).attr('content')).get();
      expect(meta('citation_title'), path).toEqual([title]);
      expect(meta('citation_author').length, path).toBeGreaterThan(0);
      expect(meta('citation_publication_date')[0], path).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
      // The full text is on the page the tags describe.
      expect($('article').text().length, path).toBeGreaterThan(200);
      expect($('.byline').text().replace(/\s+/g, ' ').trim(), path).toBe(`By ${new Intl.ListFormat('en', { type: 'conjunction' }).format(authors)}`);
    }
  });

  it('has a feed that parses, with an author and a date on every item', async () => {
    const xml = readFileSync(join(build.outDir, 'feed.xml'), 'utf8');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const feed = await new Parser().parseString(xml);
    expect(feed.items.length).toBe(content.essays.length + content.notes.length);
    for (const item of feed.items) {
      expect(item.creator, item.title).toBeTruthy();
      expect(item.isoDate, item.title).toBeTruthy();
    }
    expect(xml).toMatch(/<lastBuildDate>[^<]+<\/lastBuildDate>/);
  });

  it('gives each claim page its own description and a <title> a tab can show, its whole text in og:title', () => {
    const ids = Object.keys(claims).filter((id) => existsSync(fileForUrl(build.outDir, `c/${id}/`)) && !loadPage(build.outDir, `c/${id}/`)('meta[name="robots"]').length);
    const descriptions = ids.map((id) => loadPage(build.outDir, `c/${id}/`)('meta[property="og:description"]').attr('content'));
    expect(new Set(descriptions).size).toBe(ids.length);
    for (const description of descriptions) expect(description).toMatch(/^Claim [1-9]\d* of [1-9]/);
    for (const id of ids) {
      const $ = loadPage(build.outDir, `c/${id}/`);
      expect($('title').text().length, id).toBeLessThanOrEqual(60 + ' · '.length + siteConfig.name.length);
      expect($('h1').text()).toContain($('meta[property="og:title"]').attr('content'));
      expect($('script[type="application/ld+json"]').text()).not.toContain('"isBasedOn":[]');
    }
  });
});

describe('the Nu HTML checker', () => {
  it('reports no error on any page of the real site', async () => {
    const build = siteBuild('site');
    // A page with the fault the search page once had, to show the checker ran and reads every page it is given.
    const faulty = mkdtempSync(join(tmpdir(), 'vnu-'));
    writeFileSync(join(faulty, 'index.html'), '<!doctype html><html lang="en"><head><title>x</title></head><body></body></html><script>1</script>');
    // One Java run over the whole folder; the schema needs a deep stack, and a run this short is quicker without the optimising compiler.
    const jar = join(PROJECT, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
    const args = ['-Xss16m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-jar', jar, '--errors-only', '--skip-non-html', '--format', 'gnu', build.outDir, faulty];
    const { stdout, stderr } = await promisify(execFile)('java', args, { maxBuffer: 16 * 1024 * 1024 }).catch((error: { stdout: string; stderr: string }) => error);
    const errors = `${stdout}${stderr}`.trim().split('\n');
    expect(errors.filter((line) => !line.includes(faulty))).toEqual([]);
    expect(errors.some((line) => line.includes('Stray start tag'))).toBe(true);
  }, 120_000);
});
