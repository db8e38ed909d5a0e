import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allPages, loadPage } from '../support/html.ts';
import { siteBuild, SUBPATH, SUBPATH_ORIGIN } from '../support/sites.ts';

/** Built with BASE_PATH=/explainers/ and SITE_URL=https://example.org, every address the site makes respects both. */

describe('a deploy under a sub-path', () => {
  const build = siteBuild('subpath');

  it('builds', () => {
    expect(build.exitCode, build.output).toBe(0);
  });

  it('puts every link, asset and script under the sub-path', () => {
    const offenders: string[] = [];
    for (const page of allPages(build.outDir)) {
      const $ = loadPage(build.outDir, page);
      $('[href], [src], [action], [data-share]').each((_, el) => {
        for (const attr of ['href', 'src', 'action', 'data-share']) {
          const value = $(el).attr(attr);
          if (value === undefined || value.startsWith('#') || /^(https?:|mailto:|data:)/.test(value)) continue;
          if (!value.startsWith(SUBPATH)) offenders.push(`${page}: ${attr}="${value}"`);
        }
      });
      $('meta[http-equiv="refresh"]').each((_, el) => {
        const target = $(el).attr('content')!.replace(/^\d+;\s*url=/, '');
        if (!target.startsWith(SUBPATH)) offenders.push(`${page}: refresh to ${target}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  it('writes canonical and share URLs with the origin and the sub-path', () => {
    const $ = loadPage(build.outDir, '/c/format-collapse-first-epoch/');
    expect($('link[rel="canonical"]').attr('href')).toBe(`${SUBPATH_ORIGIN}${SUBPATH}c/format-collapse-first-epoch/`);
    expect($('meta[property="og:url"]').attr('content')).toBe(`${SUBPATH_ORIGIN}${SUBPATH}c/format-collapse-first-epoch/`);
    expect($('meta[property="og:image"]').attr('content')).toBe(`${SUBPATH_ORIGIN}${SUBPATH}c/format-collapse-first-epoch/card.png`);
    const essay = loadPage(build.outDir, '/essays/prolonged-rl-training/');
    expect(essay('link[rel="canonical"]').attr('href')).toBe(`${SUBPATH_ORIGIN}${SUBPATH}essays/prolonged-rl-training/`);
    expect(essay('#ref-format-collapse .source-url').text()).toBe(`${SUBPATH_ORIGIN}${SUBPATH}notes/format-collapse/`);
  });

  it('writes the claims feed and the security headers for the sub-path', () => {
    const feed = JSON.parse(readFileSync(join(build.outDir, 'c', 'claims.json'), 'utf8')) as { claims: { url: string; context: string }[] };
    for (const c of feed.claims) {
      expect(c.url.startsWith(`${SUBPATH_ORIGIN}${SUBPATH}c/`)).toBe(true);
      expect(c.context.startsWith(`${SUBPATH_ORIGIN}${SUBPATH}essays/`)).toBe(true);
    }
    expect(readFileSync(join(build.outDir, '_headers'), 'utf8').split('\n')[0]).toBe(`${SUBPATH}*`);
  });
});
