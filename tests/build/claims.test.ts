import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContent, type ContentEssay } from '../support/content.ts';
import { fileForUrl, loadPage, normalizeText } from '../support/html.ts';
import { errorFixtureContent, SITE_ORIGIN, siteBuild, SUBPATH, SUBPATH_ORIGIN, type SiteBuild } from '../support/sites.ts';

/** Claims: every cited sentence is one, each has a share page and a picture, and published ids keep landing. */

function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

// The real site, and the real content with a second essay added under a sub-path: each checked against its own content.
const realSites = [
  { name: 'site', root: `${SITE_ORIGIN}/`, base: '/' },
  { name: 'subpath', root: `${SUBPATH_ORIGIN}${SUBPATH}`, base: SUBPATH },
];

describe.for(realSites)('claims on the real content: the "$name" build', ({ name, root, base }) => {
  let site: SiteBuild;
  let essays: ContentEssay[];
  let homes: { path: string; title: string; claims: string[] }[];
  let claimCount: number;
  beforeAll(() => {
    site = siteBuild(name);
    expect(site.exitCode, site.output).toBe(0);
    // What the pages must show, read from the content files themselves.
    const content = readContent(site.contentDir);
    essays = content.essays;
    homes = [...essays.map((e) => ({ path: `essays/${e.slug}/`, title: e.title, claims: e.claims })), ...content.notes.map((n) => ({ path: `notes/${n.slug}/`, title: n.title, claims: n.claims }))];
    claimCount = homes.reduce((sum, home) => sum + home.claims.length, 0);
    expect(claimCount).toBeGreaterThan(0);
  });

  it('marks every sentence that carries a citation as a claim', () => {
    expect(essays.length).toBeGreaterThan(0);
    for (const essay of essays) {
      const $ = loadPage(site.outDir, `/essays/${essay.slug}/`);
      const markers = $('.essay-body .citation');
      expect(markers.length, essay.slug).toBe(essay.markers);
      markers.each((_, m) => expect($(m).closest('.claim').length).toBe(1));
    }
  });

  it('gives every claim a share page with its text, sources, context link and preview metadata', () => {
    const feed = JSON.parse(readFileSync(join(site.outDir, 'c', 'claims.json'), 'utf8')) as { claims: { id: string; text: string; sources: unknown[] }[] };
    expect(feed.claims.map((c) => c.id).sort()).toEqual(homes.flatMap((h) => h.claims).sort());
    for (const claim of feed.claims) {
      const home = homes.find((h) => h.claims.includes(claim.id))!;
      expect(home, claim.id).toBeDefined();
      const $ = loadPage(site.outDir, `/c/${claim.id}/`);
      const meta = (key: string) => $(`meta[property="${key}"], meta[name="${key}"]`).attr('content');
      expect(normalizeText($('h1').text())).toContain(normalizeText(claim.text));
      expect(meta('og:title')).toBe(claim.text);
      expect(meta('og:description')).toContain(home.title);
      expect(meta('og:image')).toBe(`${root}c/${claim.id}/card.png`);
      expect(meta('twitter:card')).toBe('summary_large_image');
      expect($('link[rel="canonical"]').attr('href')).toBe(`${root}c/${claim.id}/`);
      expect($('a', 'main').filter((_, a) => $(a).text() === 'Read in context').attr('href')).toBe(`${base}${home.path}#${claim.id}`);
      expect($('.claim-page .sources-list > li').length).toBe(claim.sources.length);
      expect(pngSize(join(site.outDir, 'c', claim.id, 'card.png'))).toEqual({ width: 1200, height: 630 });
    }
  });

  it('draws the share pictures the content layer forecast, and none that no page uses', () => {
    // src/site/share-cards.ts: the cards drawn as each file is rendered are the ones the pages publish.
    const line = site.output.split('\n').find((l) => l.includes('[claim-cards]'));
    expect(line, site.output).toMatch(/\d+ share pictures: \d+ drawn/);
    expect(line).not.toContain('drawn ahead that no page uses');
  });

  it('lists every claim at /c/, grouped by essay and by section or paragraph, each with its permalink', () => {
    const $ = loadPage(site.outDir, '/c/');
    expect($('.claim-index-item').length).toBe(claimCount);
    let groups = 0;
    for (const essay of essays.filter((e) => e.claims.length > 0)) {
      const doc = $(`#claims-essay-${essay.slug}`).closest('.claim-index-doc');
      expect(doc.find('.claim-index-item').length, essay.slug).toBe(essay.claims.length);
      expect(doc.find('h3').map((_, h) => $(h).text()).get(), essay.slug).toEqual(essay.claimGroups);
      groups += essay.claimGroups.length;
    }
    expect(groups).toBeGreaterThan(1);
    $('.claim-index-meta a').each((_, a) => expect(existsSync(fileForUrl(site.outDir, $(a).attr('href')!.slice(base.length - 1))), $(a).attr('href')).toBe(true));
  });

  it('warns about exactly the claims its claims.json does not hold yet', () => {
    const registry = JSON.parse(readFileSync(join(site.contentDir, 'claims.json'), 'utf8')) as Record<string, unknown>;
    const unpublished = homes.flatMap((h) => h.claims).filter((id) => !(id in registry));
    if (name === 'site') expect(unpublished, 'the real site publishes every claim').toEqual([]);
    else expect(unpublished.length).toBeGreaterThan(0);
    const warning = /(\d+) claims? (?:is|are) not in \S*claims\.json yet: ([^\n]*)/.exec(site.output);
    expect(warning?.[1] ?? '0').toBe(String(unpublished.length));
    for (const id of unpublished) expect(warning?.[2]).toContain(id);
  });
});

describe('published ids that moved or were retired', () => {
  let good: SiteBuild;
  let $: ReturnType<typeof loadPage>;
  beforeAll(() => {
    good = siteBuild('good');
    expect(good.exitCode, good.output).toBe(0);
    $ = loadPage(good.outDir, '/essays/first-essay/');
  });

  it('keeps an id that moved on the same page (in one step or two) as an anchor inside its successor', () => {
    expect($('#opening-claim > .claim-alias').map((_, a) => $(a).attr('id')).get()).toEqual(['old-opening', 'oldest-opening']);
  });

  it('lands an id that moved to another page on a note that links there', () => {
    const note = $('#beta-first-draft.claim-landing');
    expect(note.find('a').attr('href')).toBe('/essays/second-essay/#beta-elsewhere');
    expect(normalizeText(note.text())).toContain('has moved to');
  });

  it('lands a retired id on a note that quotes its last wording, says why and links to the nearest claim', () => {
    const note = $('#withdrawn-claim.claim-landing');
    expect(normalizeText(note.text())).toContain('The paper behind it was withdrawn by its authors.');
    const revisions = (JSON.parse(readFileSync(join(good.contentDir, 'claims.json'), 'utf8')) as Record<string, { revisions?: { text: string }[] }>)['withdrawn-claim']?.revisions ?? [];
    expect(revisions.length).toBeGreaterThan(0);
    expect(normalizeText(note.find('q').text())).toBe(normalizeText(revisions.at(-1)!.text));
    expect(note.find('a').map((_i, a) => $(a).attr('href')).get()).toEqual([`/c/withdrawn-claim/${revisions.length}/`, '/essays/first-essay/#alpha-again']);
  });

  it('forwards the share page of a moved id, and explains a retired one', () => {
    const moved = loadPage(good.outDir, '/c/old-opening/');
    expect(moved('meta[http-equiv="refresh"]').attr('content')).toBe('0; url=/c/opening-claim/');
    expect(moved('main a').attr('href')).toBe('/c/opening-claim/');
    const retired = loadPage(good.outDir, '/c/withdrawn-claim/');
    expect(retired('h1').text()).toBe('This claim was withdrawn');
    expect(retired('main a').attr('href')).toBe('/c/alpha-again/');
  });

  it('reminds the author of claims not yet published', () => {
    expect(good.output).toContain('[content] warning: 1 claim is not in tests/fixtures/good/content/claims.json yet: lonely-finding. Run "npm run claims:publish" to publish them, so the build guards their links.');
  });
});

describe('a broken registry fails the build', () => {
  // The error fixtures hold other mistakes too (tests/build/authoring-errors.test.ts pins each whole report).
  it('when a published id is gone without a word', () => {
    const at = errorFixtureContent('cross-document');
    const build = siteBuild('errors-cross-document');
    expect(build.exitCode).not.toBe(0);
    expect(build.output).toContain(`${at}/claims.json:2: The published claim "vanished-claim" of ${at}/essays/essay.mdx no longer exists, so links to it would break.
  Restore it; or, if it was reworded under a new id, add "moved": "new-claim-id" to its entry here; if it was withdrawn, add "retired": "why", "nearest": "claim-id". Keep the rest of the entry: its revisions are the claim's history.`);
  });

  it('when an id moves to a claim that does not exist', () => {
    const at = errorFixtureContent('cross-document');
    const build = siteBuild('errors-cross-document');
    expect(build.exitCode).not.toBe(0);
    expect(build.output).toContain(`${at}/claims.json:3: The claim "old-claim" is recorded as moved, but "new-claim" is neither a claim nor in the registry.`);
  });

  it('when a revision record does not parse, at its line', () => {
    const at = errorFixtureContent('content-check');
    const build = siteBuild('errors-content-check');
    expect(build.exitCode).not.toBe(0);
    expect(build.output).toContain(`${at}/claims.json:5: Registry entry "other-claim": revision 1 has no "text".`);
  });

  it('when a published claim was reworded without a revision, at the claim', () => {
    const at = errorFixtureContent('cross-document');
    const build = siteBuild('errors-cross-document');
    expect(build.exitCode).not.toBe(0);
    expect(build.output).toContain(`${at}/essays/essay.mdx:9:1: The words of the published claim "reworded-claim" changed, and no revision records it.`);
    expect(build.output, 'a build fails on it, it does not warn').not.toContain('[content] warning: ' + `${at}/essays/essay.mdx:9:1`);
  });
});
