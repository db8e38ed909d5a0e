import { describe, expect, it } from 'vitest';
import { absoluteUrl, siteUrls } from '../../src/site/urls.ts';

describe('siteUrls', () => {
  it('puts every URL under the base path', () => {
    const urls = siteUrls('/explainers/');
    expect(urls.home).toBe('/explainers/');
    expect(urls.essay('e')).toBe('/explainers/essays/e/');
    expect(urls.evidence('e')).toBe('/explainers/essays/e/evidence/');
    expect(urls.note('n')).toBe('/explainers/notes/n/');
    expect(urls.claim('c')).toBe('/explainers/c/c/');
    expect(urls.feed).toBe('/explainers/feed.xml');
    expect(urls.sitemap).toBe('/explainers/sitemap-index.xml');
  });

  it('works at the root', () => {
    expect(siteUrls('/').feed).toBe('/feed.xml');
  });
});

describe('absoluteUrl', () => {
  it('joins the origin and a path', () => {
    expect(absoluteUrl('https://x.org', '/explainers/notes/n/')).toBe('https://x.org/explainers/notes/n/');
  });
});
