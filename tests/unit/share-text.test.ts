import { describe, expect, it } from 'vitest';
import { cardDrawable, cardLabel } from '../../src/formats/claim-card.ts';
import { lastBuildDate, escapeXml, feedItems } from '../../src/formats/feed.ts';
import { inlineHashes, withHashes, hashSource } from '../../src/formats/security-policy.ts';
import { claimDescription, claimHeadTitle, SHORT_TITLE_CHARS } from '../../src/formats/share-text.ts';
import { lastChangedHtml, sitemapFacts, withLastmod } from '../../src/formats/sitemap-filter.ts';
import { webManifest } from '../../src/formats/web-manifest.ts';

/** What the site says about itself to the software that shares, indexes and serves it. */

describe('claimHeadTitle and claimDescription', () => {
  it('cuts a long claim at a word for the <title>, and keeps a short one whole', () => {
    const long = 'Format diversity collapses within the very first epoch of training, and RL latches onto one format.';
    expect(claimHeadTitle(long)).toBe('Claim: Format diversity collapses within the very first…');
    expect(claimHeadTitle(long).length).toBeLessThanOrEqual(SHORT_TITLE_CHARS);
    expect(claimHeadTitle('RL is sparse.')).toBe('Claim: RL is sparse.');
  });

  it('says where the claim stands and what it rests on', () => {
    expect(claimDescription({ kind: 'essay', documentTitle: 'Why?', position: 2, of: 5, section: 'Early', sources: ['A?', 'B?'] })).toBe('Claim 2 of 5 in the essay “Why?”, section “Early”, resting on 2 notes: A?; B?.');
    expect(claimDescription({ kind: 'note', documentTitle: 'What?', position: 1, of: 1, sources: ['A?'] })).toBe('Claim 1 of 1 in the note “What?”, resting on the note: A?.');
    expect(claimDescription({ kind: 'essay', documentTitle: 'Why?', position: 3, of: 5, sources: [] })).toBe('Claim 3 of 5 in the essay “Why?”.');
  });
});

describe('cardLabel', () => {
  it('names the site, what is shared and how many sources it has', () => {
    const card = { id: 'x', text: 'T', from: 'F', siteName: 'Site', sources: 1 };
    expect(cardLabel(card)).toBe('Site · Claim · 1 source');
    expect(cardLabel({ ...card, kind: 'essay', sources: 12 })).toBe('Site · Essay · 12 notes');
    expect(cardLabel({ ...card, kind: 'note', sources: 2 })).toBe('Site · Note · 2 papers');
    expect(cardLabel({ ...card, kind: 'site' })).not.toContain('Site');
  });
});

describe('cardDrawable', () => {
  it('draws Latin text with its accents and typography, and nothing the fonts lack', () => {
    expect(cardDrawable({ text: 'Does RL “collapse” format — café, Łódź, 10 €?', from: 'A → B' })).toBe(true);
    expect(cardDrawable({ text: 'RL 强化学习', from: '' })).toBe(false);
    expect(cardDrawable({ text: 'RL', from: 'التعلم المعزز' })).toBe(false);
  });
});

describe('the feed', () => {
  it('credits each item\'s authors as Dublin Core creators, escaped', () => {
    const [item] = feedItems([{ kind: 'essay', title: 'E?', url: 'https://x.org/e/', summary: 'S.', date: new Date('2026-11-29'), authors: ['Ada & Co', 'Alan <T>'] }]);
    expect(item!.customData).toBe('<dc:creator>Ada &amp; Co</dc:creator><dc:creator>Alan &lt;T&gt;</dc:creator>');
    expect(escapeXml(`"'`)).toBe('&quot;&apos;');
  });

  it('dates the channel by its newest entry, not by the clock', () => {
    expect(lastBuildDate([new Date('2026-01-01'), undefined, new Date('2026-03-01')])).toEqual(new Date('2026-03-01'));
    expect(lastBuildDate([undefined])).toBeUndefined();
  });
});

describe('the security policy', () => {
  it('hashes the inline scripts and styles a page runs, not data or files', () => {
    const html = '<script>a()</script><script type="module">b()</script><script type="application/ld+json">{}</script><script src="/x.js"></script><style>p{}</style>';
    expect(inlineHashes(html)).toEqual({ scripts: [hashSource('a()'), hashSource('b()')], styles: [hashSource('p{}')] });
    expect(hashSource('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  });

  it('replaces the hashes a policy had with those given, keeping its other sources', () => {
    expect(withHashes("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-old='; style-src 'self' 'sha256-gone='", { scripts: ["'sha256-a='", "'sha256-a='"], styles: [] })).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-a='; style-src 'self'",
    );
  });
});

describe('the sitemap', () => {
  it('dates a page by its modified time, else its published time, from its head', () => {
    expect(lastChangedHtml('<meta property="article:published_time" content="2026-11-29"><meta property="article:modified_time" content="2026-12-03">')).toBe('2026-12-03');
    expect(lastChangedHtml('<meta property="article:published_time" content="2026-11-29">')).toBe('2026-11-29');
    expect(lastChangedHtml('<title>x</title>')).toBeUndefined();
    const serialize = withLastmod('https://x.org/b/', '/out', (file) => sitemapFacts(file === '/out/e/index.html' ? '<meta property="article:published_time" content="2026-11-29">' : '<p>'));
    expect(serialize({ url: 'https://x.org/b/e/' })).toEqual({ url: 'https://x.org/b/e/', lastmod: '2026-11-29' });
    expect(serialize({ url: 'https://x.org/b/' })).toEqual({ url: 'https://x.org/b/' });
  });
});

describe('webManifest', () => {
  it('names the site and its icons by URLs relative to itself, so a sub-path needs nothing more', () => {
    const manifest = webManifest({ name: 'Site', description: 'D.', language: 'en' });
    expect(manifest).toMatchObject({ name: 'Site', start_url: './', lang: 'en' });
    for (const icon of manifest['icons'] as { src: string }[]) expect(icon.src).not.toMatch(/^\//);
  });
});
