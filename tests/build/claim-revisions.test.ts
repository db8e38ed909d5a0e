import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import Parser from 'rss-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPage, normalizeText } from '../support/html.ts';
import { revisedClaim, siteBuild, SUBPATH, SUBPATH_ORIGIN, type SiteBuild } from '../support/sites.ts';

/**
 * Claim revisions on the "good" fixture (tests/fixtures/good/content/claims.json
 * records wordings for a current claim, a moved one and a retired one): each
 * wording's page, its difference from the words today, the history on the
 * latest share page, the "revised" mark and copy address in the essay, the
 * citation and JSON-LD of a wording, and the feed of revisions. Expectations
 * come from the registry the site was built from.
 */

interface Revision { date: string; text: string; sources: string[]; reason?: string }
interface Entry { doc: string; moved?: string; retired?: string; nearest?: string; revisions?: Revision[] }
interface ClaimData { id: string; text: string; url: string }

const ORIGIN = 'http://localhost:4321';
const LONG = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

let build: SiteBuild;
let registry: [string, Entry][];
let claims: Map<string, ClaimData>;
let revised: [string, Entry & { revisions: Revision[] }][];

beforeAll(() => {
  build = siteBuild('good');
  expect(build.exitCode, build.output).toBe(0);
  registry = Object.entries(JSON.parse(readFileSync(join(build.contentDir, 'claims.json'), 'utf8')) as Record<string, Entry>);
  revised = registry.filter((e): e is [string, Entry & { revisions: Revision[] }] => (e[1].revisions?.length ?? 0) > 0);
  const data = JSON.parse(readFileSync(join(build.outDir, 'c', 'claims.json'), 'utf8')) as { claims: ClaimData[] };
  claims = new Map(data.claims.map((c) => [c.id, c]));
  // The fixture must exercise every kind of id with recorded wordings.
  expect(revised.some(([id, e]) => claims.has(id) && e.revisions.length > 1)).toBe(true);
  expect(revised.some(([, e]) => e.moved)).toBe(true);
  expect(revised.some(([, e]) => e.retired)).toBe(true);
});

/** Every recorded wording: its id, registry entry, revision (i from 0) and page path (/c/<id>/<i + 1>/). */
function* wordingPages(): Generator<{ id: string; entry: Entry & { revisions: Revision[] }; revision: Revision; i: number; path: string }> {
  for (const [id, entry] of revised) {
    for (const [i, revision] of entry.revisions.entries()) yield { id, entry, revision, i, path: `/c/${id}/${i + 1}/` };
  }
}

/** The id's words today, where it stands: its own, or those of the claim it moved to (following each move). */
function nowOf(id: string): ClaimData | undefined {
  let at: string | undefined = id;
  for (let i = 0; at !== undefined && i < 10; i++) {
    const found = claims.get(at);
    if (found) return found;
    at = registry.find(([key]) => key === at)?.[1].moved;
  }
  return undefined;
}

const words = (text: string) => normalizeText(text).replace(/\s+([,.;:!?])/g, '$1');

describe('each recorded wording has its own page', () => {
  it('shows the words as they were, their date, reason and sources, and is not indexed', () => {
    let checked = 0;
    for (const { id, revision, i, path } of wordingPages()) {
      const $ = loadPage(build.outDir, path);
      expect($('h1').text(), path).toBe(`“${revision.text}”`);
      expect($('.claim-origin time').attr('datetime'), path).toBe(revision.date);
      expect($('.claim-origin time').text(), path).toBe(LONG.format(new Date(revision.date)));
      if (revision.reason) expect(normalizeText($('.revision-reason-line').text()), path).toContain(revision.reason);
      else expect($('.revision-reason-line').length, path).toBe(0);
      // Each source as cited then: linked while the note exists, named once it is gone.
      const items = $('.revision-sources li');
      expect(items.length, path).toBe(revision.sources.length);
      revision.sources.forEach((slug, k) => {
        const exists = existsSync(join(build.outDir, 'notes', slug, 'index.html'));
        const link = items.eq(k).find('a');
        if (exists) expect(link.attr('href'), path).toBe(`/notes/${slug}/`);
        else expect([link.length, items.eq(k).find('.revision-gone-note').text()], path).toEqual([0, slug]);
      });
      expect($('meta[name="robots"]').attr('content'), path).toBe('noindex');
      expect($('meta[property="og:image"]').attr('content'), path).toBe(`${ORIGIN}${path}card.png`);
      expect(existsSync(join(build.outDir, 'c', id, String(i + 1), 'card.png')), path).toBe(true);
      expect($('#permalink-url').attr('href'), path).toBe(path);
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
    const sitemap = readFileSync(join(build.outDir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).not.toMatch(/\/c\/[a-z0-9-]+\/\d+\//);
  });

  it('says what an earlier wording became, word by word, marked without colour and in words', () => {
    let checked = 0;
    for (const { id, entry, revision, path } of wordingPages()) {
      const $ = loadPage(build.outDir, path);
      const now = entry.retired ? undefined : nowOf(id);
      if (!now || words(now.text) === words(revision.text)) {
        expect($('.word-diff').length, path).toBe(0);
        continue;
      }
      expect($('#revised-since-heading').text(), path).toBe('Revised since');
      expect($('.claim-now').text(), path).toBe(`“${now.text}”`);
      const diff = $('.word-diff');
      expect(diff.find('del').length + diff.find('ins').length, path).toBeGreaterThan(0);
      // Screen readers hear where each change starts and ends.
      diff.find('del').each((_, d) => expect($(d).text()).toMatch(/^\[deleted: .+\]$/));
      diff.find('ins').each((_, d) => expect($(d).text()).toMatch(/^\[inserted: .+\]$/));
      // Without the words put in, it reads the old wording; without those taken out, the new.
      const reading = (drop: string) => {
        const copy = cheerio.load(diff.html() ?? '');
        copy(drop).remove();
        copy('.sr-only').remove();
        return words(copy.root().text());
      };
      expect(reading('ins'), path).toBe(words(revision.text));
      expect(reading('del'), path).toBe(words(now.text));
      checked++;
    }
    expect(checked).toBeGreaterThan(1);
  });

  it('cites the wording itself: its address, its date, and the claim it is a version of', () => {
    let checked = 0;
    for (const { id, revision, i, path } of wordingPages()) {
      const url = `${ORIGIN}${path}`;
      const $ = loadPage(build.outDir, path);
      const ld = JSON.parse($('script[type="application/ld+json"]').text()) as Record<string, unknown>;
      expect(ld, path).toMatchObject({ '@type': 'Claim', '@id': url, url, text: revision.text, datePublished: revision.date, version: i + 1, exampleOfWork: { '@type': 'Claim', '@id': `${ORIGIN}/c/${id}/` } });
      expect($('meta[name="citation_public_url"]').attr('content'), path).toBe(url);
      expect($('meta[name="citation_publication_date"]').attr('content'), path).toBe(revision.date.replaceAll('-', '/'));
      const apa = normalizeText($('#cite-apa').text());
      expect(apa, path).toContain(url);
      expect(apa, path).toContain(revision.date.slice(0, 4));
      expect($('#cite-bibtex').text(), path).toContain(`claim_${id.replaceAll('-', '_')}_v${i + 1}_${revision.date.slice(0, 4)}`);
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
  });
});

describe('the latest address of a claim', () => {
  it('lists the claim’s history, each earlier wording linked, dated as the site dates', () => {
    let checked = 0;
    for (const [id, entry] of revised.filter(([id, e]) => claims.has(id) && e.revisions.length > 1)) {
      const $ = loadPage(build.outDir, `/c/${id}/`);
      const items = $('ol.revision-list > li');
      expect(items.length).toBe(entry.revisions.length);
      entry.revisions.forEach((revision, i) => {
        const item = items.eq(entry.revisions.length - 1 - i);
        const label = `${i === 0 ? 'First published' : 'Revised'} ${LONG.format(new Date(revision.date))}`;
        expect(normalizeText(item.find('.revision-when').text())).toContain(label);
        if (i < entry.revisions.length - 1) expect(item.find('a').attr('href')).toBe(`/c/${id}/${i + 1}/`);
        if (revision.reason) expect(normalizeText(item.text())).toContain(revision.reason);
      });
      expect($('#revision-url').attr('href')).toBe(`/c/${id}/${entry.revisions.length}/`);
      // Its JSON-LD lists each wording as an example of the claim.
      const ld = JSON.parse($('script[type="application/ld+json"]').text()) as { workExample?: { '@id': string; version: number }[] };
      expect(ld.workExample?.map((w) => [w['@id'], w.version])).toEqual(entry.revisions.map((_, i) => [`${ORIGIN}/c/${id}/${i + 1}/`, i + 1]));
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('lists the wordings of ids that moved to the claim, each linked: a moved claim keeps its history', () => {
    let checked = 0;
    for (const [id, entry] of registry.filter(([, e]) => e.moved !== undefined && (e.revisions?.length ?? 0) > 0)) {
      // The claim it moved to, following moves in several steps.
      let target = entry.moved;
      for (let i = 0; target !== undefined && !claims.has(target) && i < 10; i++) target = registry.find(([other]) => other === target)?.[1].moved;
      if (target === undefined || !claims.has(target)) continue;
      const $ = loadPage(build.outDir, `/c/${target}/`);
      entry.revisions!.forEach((revision, i) => {
        const link = $(`.revision-history a[href="/c/${id}/${i + 1}/"]`);
        expect(link.length, `${target} links ${id}'s wording ${i + 1}`).toBe(1);
        expect(normalizeText(link.closest('li').find('q').text())).toBe(normalizeText(revision.text));
      });
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('keeps a retired claim’s last wording on its landing', () => {
    let checked = 0;
    for (const [id, entry] of revised.filter(([, e]) => e.retired)) {
      const $ = loadPage(build.outDir, `/c/${id}/`);
      const last = entry.revisions.at(-1)!;
      expect($('.claim-now').text()).toBe(`“${last.text}”`);
      expect($(`a[href="/c/${id}/${entry.revisions.length}/"]`).length).toBe(1);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('claims in their essay', () => {
  it('marks a claim reworded since it was first published, and copies the address of the words shown', () => {
    let checked = 0;
    const pages = new Map<string, cheerio.CheerioAPI>();
    for (const [id, entry] of registry.filter(([id]) => claims.has(id))) {
      const page = entry.doc.replace(/^essays\//, '/essays/').replace(/^notes\//, '/notes/') + '/';
      const $ = pages.get(page) ?? loadPage(build.outDir, page);
      pages.set(page, $);
      const claim = $(`#${id}.claim`);
      const count = entry.revisions?.length ?? 0;
      // After the claim, outside its words (or at the end of a claim that is a block).
      const mark = claim.is('div') ? claim.find('> .claim-revised') : claim.next('.claim-revised');
      expect(mark.length, id).toBe(count > 1 ? 1 : 0);
      if (count > 1) expect([mark.attr('href'), normalizeText(mark.text())], id).toEqual([`/c/${id}/`, 'revised: how this claim read before']);
      expect(claim.find('.claim-permalink').attr('data-share'), id).toBe(count > 0 ? `/c/${id}/${count}/` : `/c/${id}/`);
      checked++;
    }
    expect(checked).toBeGreaterThan(1);
  });
});

describe('the feed of revisions', () => {
  it('lists every recorded wording, newest first, each with its page, date and reason', async () => {
    const xml = readFileSync(join(build.outDir, 'c', 'revisions.xml'), 'utf8');
    const feed = await new Parser().parseString(xml);
    const expected = revised.flatMap(([id, e]) => e.revisions.map((r, i) => ({ id, n: i + 1, ...r })))
      .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id) || b.n - a.n);
    expect(feed.items.map((item) => item.link)).toEqual(expected.map((r) => `${ORIGIN}/c/${r.id}/${r.n}/`));
    feed.items.forEach((item, i) => {
      const r = expected[i]!;
      expect(new Date(item.pubDate!).toISOString().slice(0, 10)).toBe(r.date);
      expect(item.title).toBe(`${r.n === 1 ? 'Published' : 'Revised'}: “${r.text}”`);
      if (r.reason) expect(item.contentSnippet ?? item.content).toContain(r.reason);
    });
    expect(xml).toContain(`<lastBuildDate>${new Date(expected[0]!.date).toUTCString()}</lastBuildDate>`);
    for (const path of ['/c/', `/c/${expected[0]!.id}/${expected[0]!.n}/`, `/c/${[...claims.keys()][0]}/`]) {
      expect(loadPage(build.outDir, path)('link[rel="alternate"][href="/c/revisions.xml"]').attr('type'), path).toBe('application/rss+xml');
    }
  });
});

/**
 * The "done when", for one claim reworded and republished: the old
 * link shows the old words and says what they became, the new one shows the
 * new words, the essay copies the new one's address, and both are citable.
 * `root` is the site's address with its base path.
 */
function checkReworded(site: SiteBuild, root: string, id: string): void {
  const entry = (JSON.parse(readFileSync(join(site.contentDir, 'claims.json'), 'utf8')) as Record<string, Entry>)[id];
  const revisions = entry?.revisions ?? [];
  expect(revisions.length, id).toBeGreaterThan(1);
  const [before, after] = revisions.slice(-2) as [Revision, Revision];
  const [oldN, newN] = [revisions.length - 1, revisions.length];
  const base = new URL(root).pathname;
  const page = (n: number) => loadPage(site.outDir, `/c/${id}/${n}/`);
  const quote = ($: cheerio.CheerioAPI, selector: string) => normalizeText($(selector).clone().children('.claim-quote-numbers').remove().end().text());

  // The old link: the old words, and what they became, word by word.
  const old = page(oldN);
  expect(quote(old, 'h1')).toBe(normalizeText(`“${before.text}”`));
  expect(quote(old, '.claim-now')).toBe(normalizeText(`“${after.text}”`));
  const diff = old('.word-diff').clone();
  diff.find('.sr-only').remove();
  const withoutInserted = diff.clone();
  withoutInserted.find('ins').remove();
  const withoutDeleted = diff.clone();
  withoutDeleted.find('del').remove();
  expect(words(withoutInserted.text())).toBe(words(before.text));
  expect(words(withoutDeleted.text())).toBe(words(after.text));
  // The new link and the latest address: the new words, with nothing revised since.
  const current = page(newN);
  expect(quote(current, 'h1')).toBe(normalizeText(`“${after.text}”`));
  expect(current('.word-diff').length).toBe(0);
  const latest = loadPage(site.outDir, `/c/${id}/`);
  expect(quote(latest, 'h1')).toBe(normalizeText(`“${after.text}”`));
  // Cited from its latest address, the new words carry their own date, not the day the claim was first published.
  expect(JSON.parse(latest('script[type="application/ld+json"]').text())).toMatchObject({ text: after.text, datePublished: after.date });
  expect(latest('meta[name="citation_publication_date"]').attr('content')).toBe(after.date.replaceAll('-', '/'));
  expect(normalizeText(latest('#cite-apa').text())).toContain(`(${after.date.slice(0, 4)}`);
  // Both citable, each as itself.
  for (const [$, n, revision] of [[old, oldN, before], [current, newN, after]] as const) {
    const url = `${root}c/${id}/${n}/`;
    expect(JSON.parse($('script[type="application/ld+json"]').text()), url).toMatchObject({ '@id': url, text: revision.text, version: n, datePublished: revision.date });
    expect(normalizeText($('#cite-apa').text()), url).toContain(url);
  }
  // In its essay: marked as revised, and copied as the new words' address.
  const essay = loadPage(site.outDir, `/${entry!.doc}/`);
  expect(essay(`#${id} .claim-permalink`).attr('data-share')).toBe(`${base}c/${id}/${newN}/`);
  expect(essay(`#${id}`).next('.claim-revised').attr('href')).toBe(`${base}c/${id}/`);
}

describe('a claim reworded and republished', () => {
  it('on the "good" fixture: the old link shows the old words and what they became, the new one the new words, both citable', () => {
    const [id] = revised.find(([id, e]) => claims.has(id) && e.revisions.length > 1)!;
    checkReworded(build, `${ORIGIN}/`, id);
  });
  it('on a copy of the real site where the preparation reworded a seed-essay claim and ran `npm run claims:publish`', () => {
    const subpath = siteBuild('subpath');
    const reworded = revisedClaim(subpath);
    expect(reworded, 'the subpath site’s preparation records a revision').toBeDefined();
    checkReworded(subpath, `${SUBPATH_ORIGIN}${SUBPATH}`, reworded!.id);
  });
});
