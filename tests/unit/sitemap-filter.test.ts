import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtFileOf, indexablePages, isNoindexHtml, sitemapFacts } from '../../src/formats/sitemap-filter.ts';

describe('isNoindexHtml', () => {
  it('finds a robots noindex meta tag, however it is written', () => {
    expect(isNoindexHtml('<head><meta name="robots" content="noindex"></head>')).toBe(true);
    expect(isNoindexHtml("<meta content='noindex, follow' name='robots' />")).toBe(true);
    expect(isNoindexHtml('<META NAME=robots CONTENT="NOINDEX">')).toBe(true);
  });

  it('ignores other meta tags and text that merely mentions noindex', () => {
    expect(isNoindexHtml('<meta name="description" content="noindex"><p>noindex</p>')).toBe(false);
    expect(isNoindexHtml('<meta name="robots" content="index, follow">')).toBe(false);
  });
});

describe('builtFileOf', () => {
  it('maps a page URL under the site and base to its index.html', () => {
    expect(builtFileOf('https://x.org/base/notes/a/', 'https://x.org/base/', '/out')).toBe(join('/out', 'notes/a/index.html'));
    expect(builtFileOf('https://x.org/base/', 'https://x.org/base/', '/out')).toBe(join('/out', 'index.html'));
    expect(builtFileOf('https://x.org/base/feed.xml', 'https://x.org/base/', '/out')).toBe(join('/out', 'feed.xml'));
  });

  it('has no file for a URL outside the site', () => {
    expect(builtFileOf('https://elsewhere.org/a/', 'https://x.org/base/', '/out')).toBeUndefined();
  });
});

describe('indexablePages', () => {
  const files: Record<string, string> = {
    [join('/out', 'index.html')]: '<meta name="description" content="Home">',
    [join('/out', '404/index.html')]: '<meta name="robots" content="noindex">',
    [join('/out', 'c/old/index.html')]: '<meta http-equiv="refresh" content="0; url=/c/new/"><meta name="robots" content="noindex">',
  };
  const keep = indexablePages('https://x.org/', '/out', (file) => (files[file] === undefined ? undefined : sitemapFacts(files[file])));

  it('keeps pages unless they say noindex', () => {
    expect(keep('https://x.org/')).toBe(true);
    expect(keep('https://x.org/404/')).toBe(false);
    expect(keep('https://x.org/c/old/')).toBe(false);
  });

  it('keeps a page it cannot read rather than drop it silently', () => {
    expect(keep('https://x.org/missing/')).toBe(true);
  });
});
