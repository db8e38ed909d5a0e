import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { measureLines } from '../../tools/lib/line-lengths.ts';
import { readContent } from '../support/content.ts';
import { PROJECT } from '../support/sites.ts';
import { openPreview, sharedPage, useSite } from './support.ts';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';

/**
 * The essay page as a reader sees it: the measure of its lines, the face its
 * text is set in, the Sources as footnotes, and the contents rail (only for an
 * essay with sections).
 */

const site = useSite('site');
const good = useSite('good');
// For the tests that change nothing a later test could see (the rest open their own).
const shared = sharedPage(site);
const content = readContent(join(PROJECT, 'content'));
const goodContent = join(PROJECT, 'tests', 'fixtures', 'good', 'content');
// The first essay, whose text the seed fixes (an author's new essay may sort before it).
const essay = content.essays.find((e) => e.slug === 'prolonged-rl-training')!;
const essayPath = `essays/${essay.slug}/`;
const arxiv = (id: string) => `https://arxiv.org/abs/${id}`;

/** The essay's sections as the author wrote them: its "##" and "###" headings. */
function sectionsOf(contentDir: string, slug: string): string[] {
  const body = readFileSync(join(contentDir, 'essays', `${slug}.mdx`), 'utf8').split(/\n---\n/).slice(1).join('\n---\n');
  return [...body.matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1]!.trim());
}

async function charactersPerLine(page: Page): Promise<{ mean: number; max: number; lines: number }> {
  const report = await page.evaluate(measureLines, '.essay-body p');
  expect(report.paragraphs).toBeGreaterThan(0);
  expect(report.lines.length).toBeGreaterThan(0);
  return { mean: report.lines.reduce((a, b) => a + b, 0) / report.lines.length, max: Math.max(...report.lines), lines: report.lines.length };
}

describe('type', () => {
  it('sets the essay at 60 to 72 characters a line from 768 px up, and at least 35 in the 320 px column', async () => {
    const page = shared();
    for (const width of [320, 768, 1440, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(site.url(essayPath));
      await page.evaluate(() => document.fonts.ready);
      const { mean, max } = await charactersPerLine(page);
      if (width < 768) {
        // The screen is the limit: the column is the viewport less two narrow margins.
        expect(mean, `${width}px: mean characters a line`).toBeGreaterThanOrEqual(35);
      } else {
        expect(mean, `${width}px: mean characters a line`).toBeGreaterThanOrEqual(60);
        expect(mean, `${width}px: mean characters a line`).toBeLessThanOrEqual(72);
        expect(max, `${width}px: longest line`).toBeLessThanOrEqual(80);
      }
    }
  });

  it('sets the text in a face of the stack: here the site’s own Source Serif 4, downloaded once, its italic only where a page has italics', async () => {
    for (const [path, label] of [[essayPath, 'essay'], ['', 'home page']] as const) {
      const page = await site.page();
      const fonts: string[] = [];
      page.on('request', (r) => {
        if (r.resourceType() === 'font') fonts.push(new URL(r.url()).pathname);
      });
      await page.goto(site.url(path));
      await page.evaluate(() => document.fonts.ready);
      const stack = await page.locator('main p').first().evaluate((p) => getComputedStyle(p).fontFamily);
      expect(stack, label).toMatch(/^Charter, .*"Source Serif 4 Site", serif$/);
      // The face the text is drawn with, as Chromium reports it: not a system fallback such as DejaVu Serif.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'main p' });
      const { fonts: used } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      expect(used.map((f) => f.familyName), label).toEqual(['Source Serif 4']);
      expect(used[0]!.isCustomFont, label).toBe(true);
      const hasItalic = await page.evaluate(() =>
        [...document.querySelectorAll('body *')].some((el) => el.checkVisibility() && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim() !== '') && getComputedStyle(el).fontStyle === 'italic' && getComputedStyle(el).fontFamily.includes('Source Serif')),
      );
      const requested = (name: string) => fonts.filter((f) => f.includes(name)).length;
      expect(requested('source-serif-4-roman'), `${label}: the roman, once for both weights`).toBe(1);
      expect(requested('source-serif-4-italic'), `${label}: the italic iff the page shows italics (${hasItalic})`).toBe(hasItalic ? 1 : 0);
      expect(fonts.every((f) => /\/_astro\/[\w-]+\.[\w-]+\.woff2$/.test(f)), fonts.join(', ')).toBe(true);
      if (path === essayPath) expect(hasItalic, 'the essay has italics (content: *…*)').toBe(true);
    }
  });
});

describe('sources', () => {
  it('are footnotes: smaller than the text, and at 320 px no taller than the essay', async () => {
    const page = shared();
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(site.url(essayPath));
    const [sources, body] = await Promise.all([page.locator('#sources').boundingBox(), page.locator('.essay-body').boundingBox()]);
    expect(sources!.height).toBeLessThanOrEqual(body!.height);
    const size = (selector: string) => page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(await size('.source-title')).toBeLessThan(await size('.essay-body p'));
  });

  it('link each note and each of its papers; one switch shows every summary without JavaScript; the back-links are the pointer’s; the preview links the paper too', async () => {
    const page = await site.page({ javaScriptEnabled: false });
    await page.goto(site.url(essayPath));
    const entries = page.locator('.sources-list > li.source');
    expect(await entries.count()).toBe(essay.notes.length);
    for (const slug of essay.notes) {
      const note = content.notes.find((n) => n.slug === slug)!;
      const entry = page.locator(`#ref-${slug}`);
      expect(await entry.locator('.source-title').getAttribute('href'), slug).toBe(`/notes/${slug}/`);
      expect(await entry.locator('.source-paper a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), slug).toEqual(note.papers.map((p) => arxiv(p.arxiv)));
    }
    const first = page.locator('.sources-list > li.source').first();
    const summaries = page.locator('.sources .source-summary');
    expect(await summaries.count()).toBe(essay.notes.length);
    expect(await summaries.evaluateAll((all) => all.filter((s) => s.checkVisibility()).length)).toBe(0);
    await page.getByLabel("Show each note's summary").check();
    expect(await summaries.evaluateAll((all) => all.filter((s) => s.checkVisibility()).length)).toBe(essay.notes.length);
    // The back-links show, for the pointer; the keyboard reaches the same places from the notes' "Cited in".
    expect(await first.locator('.backrefs a').first().isVisible()).toBe(true);
    expect(await page.locator('.backrefs a:not([tabindex="-1"])').count()).toBe(0);

    const withScript = shared();
    await withScript.goto(site.url(essayPath));
    const marker = withScript.getByRole('link', { name: /^Source 1:/ });
    await marker.focus();
    await expect.poll(() => openPreview(withScript).count()).toBe(1);
    const firstNote = content.notes.find((n) => n.slug === essay.notes[0])!;
    expect(await openPreview(withScript).locator('.preview-paper a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(firstNote.papers.map((p) => arxiv(p.arxiv)));
  });
});

describe('contents', () => {
  it('an essay with sections has a rail of them, open without JavaScript; one without has none, its column centred', async () => {
    const essays = [
      ...readContent(goodContent).essays.map((e) => ({ site: good, slug: e.slug, sections: sectionsOf(goodContent, e.slug) })),
      ...content.essays.map((e) => ({ site, slug: e.slug, sections: sectionsOf(join(PROJECT, 'content'), e.slug) })),
    ];
    expect(essays.some((e) => e.sections.length > 0), 'a fixture essay with sections').toBe(true);
    expect(essays.some((e) => e.sections.length === 0), 'an essay without').toBe(true);
    // One page for every essay: a page may visit both sites' servers.
    const page = await site.page({ javaScriptEnabled: false, viewport: { width: 1440, height: 900 } });
    for (const { site: served, slug, sections } of essays) {
      await page.goto(served.url(`essays/${slug}/`));
      if (sections.length > 0) {
        expect(await page.locator('.toc-item a').allTextContents(), slug).toEqual([...sections, 'Sources', 'Cite this']);
        expect(await page.locator('.toc-details').getAttribute('open'), slug).not.toBeNull();
        expect(await page.locator('.toc-list').isVisible(), slug).toBe(true);
      } else {
        expect(await page.locator('.toc').count(), slug).toBe(0);
        const column = (await page.locator('.essay-body').boundingBox())!;
        expect(Math.abs(column.x + column.width / 2 - 720), `${slug}: the column's centre`).toBeLessThanOrEqual(2);
      }
    }
  });

  it('folds above the text on narrow screens with JavaScript, and marks the part being read on wide ones', async () => {
    const slug = readContent(goodContent).essays.find((e) => sectionsOf(goodContent, e.slug).length > 0)!.slug;
    const narrow = await good.page({ viewport: { width: 375, height: 800 } });
    await narrow.goto(good.url(`essays/${slug}/`));
    await expect.poll(() => narrow.locator('.toc-details').getAttribute('open')).toBeNull();
    await narrow.locator('.toc-summary').click();
    await narrow.locator('.toc-item a').first().click();
    await expect.poll(() => new URL(narrow.url()).hash).toBe(await narrow.locator('.toc-item a').first().getAttribute('href'));

    const wide = await good.page({ viewport: { width: 1440, height: 900 } });
    await wide.goto(good.url(`essays/${slug}/`));
    expect(await wide.locator('.toc').evaluate((el) => getComputedStyle(el).position)).toBe('sticky');
    await wide.locator('#sources').evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 100));
    await expect.poll(() => wide.locator('.toc-item a[aria-current="true"]').textContent()).toBe('Sources');
  });
});

describe('page furniture', () => {
  it('prints folded parts open, without disclosure markers or the summaries’ switch: the Cite formats and the sources’ summaries', async () => {
    const page = shared();
    await page.emulateMedia({ media: 'print' });
    await page.goto(site.url(essayPath));
    const closed = page.locator('details:not([open])');
    expect(await closed.count()).toBeGreaterThan(0);
    for (const selector of ['.cite-format:not([open]) .cite-code', '.sources:not(:has(.sources-summaries:checked)) .source-summary']) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(true);
    }
    // A summary is a list item: its ::marker (▶) shows unless its list style is none.
    const markers = await page.locator('details > summary').evaluateAll((summaries) =>
      summaries.filter((s) => s.checkVisibility()).map((s) => [getComputedStyle(s).listStyleType, getComputedStyle(s, '::before').content]),
    );
    expect(markers.length).toBeGreaterThan(0);
    for (const [listStyle, before] of markers) {
      expect(listStyle).toBe('none');
      expect(before).toBe('none');
    }
  });

  it('evidence page at 320 px: the table headers break only between words, and the map’s legend goes with the map', async () => {
    const page = shared();
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(site.url(`${essayPath}evidence/`));
    expect(await page.locator('.em-svg').isVisible()).toBe(false);
    expect(await page.locator('.em-legend').isVisible()).toBe(false);
    const split = await page.locator('.em-table thead th').evaluateAll((headers) =>
      headers.flatMap((th) => {
        const text = th.firstChild!;
        const words: string[] = [];
        for (const match of text.textContent!.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(text, match.index);
          range.setEnd(text, match.index + match[0].length);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (tops.size > 1) words.push(match[0]);
        }
        return words;
      }),
    );
    expect(split).toEqual([]);
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(await page.locator('.em-legend').isVisible()).toBe(true);
  });

  it('the footer and the site’s description say nothing the content does not bear out', async () => {
    const page = shared();
    await page.goto(site.url());
    const footer = (await page.locator('.site-footer').textContent())!;
    const description = [await page.locator('meta[name="description"]').getAttribute('content'), await page.locator('.standfirst').textContent()].join(' ');
    const body = readFileSync(join(PROJECT, 'content', 'essays', `${essay.slug}.mdx`), 'utf8');
    const uncited = [...body.matchAll(/<Claim id="[^"]+">([\s\S]*?)<\/Claim>/g)].filter((m) => !m[1]!.includes('[@'));
    if (uncited.length > 0) expect(`${footer} ${description}`).not.toMatch(/every claim cit/i);
    expect(content.notes.every((n) => n.papers.length > 0)).toBe(true);
    expect(footer).toMatch(/every note names the papers/);
  });
});
