import { describe, expect, it } from 'vitest';
import { feedItems } from '../../src/formats/feed.ts';
import { robotsTxt } from '../../src/formats/robots.ts';

describe('feedItems', () => {
  it('lists essays and notes newest first, each with its summary; undated notes last', () => {
    const items = feedItems([
      { kind: 'note', title: 'Undated?', url: 'https://x.org/notes/u/', summary: 'U.' },
      { kind: 'note', title: 'Old note?', url: 'https://x.org/notes/o/', summary: 'O.', date: new Date('2026-01-01') },
      { kind: 'note', title: 'B note?', url: 'https://x.org/notes/b/', summary: 'B.', date: new Date('2026-11-29') },
      { kind: 'essay', title: 'Essay?', url: 'https://x.org/essays/e/', summary: 'Standfirst.', date: new Date('2026-11-29') },
    ]);
    expect(items.map((i) => i.title)).toEqual(['Essay?', 'B note?', 'Old note?', 'Undated?']);
    expect(items[0]).toEqual({ title: 'Essay?', link: 'https://x.org/essays/e/', description: 'Standfirst.', pubDate: new Date('2026-11-29'), categories: ['Essay'] });
    expect(items[3]).not.toHaveProperty('pubDate');
    expect(items[3]!.categories).toEqual(['Note']);
  });
});

describe('robotsTxt', () => {
  it('allows every page and names the sitemap by its absolute URL', () => {
    expect(robotsTxt('https://x.org/base/sitemap-index.xml')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://x.org/base/sitemap-index.xml\n');
  });
});
