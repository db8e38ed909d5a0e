import type { CheerioAPI } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContent, type ContentEssay, type ContentNote } from '../support/content.ts';
import { allPages, loadPage, normalizeText } from '../support/html.ts';
import { SITE_ORIGIN, siteBuild, SUBPATH, SUBPATH_ORIGIN, type SiteBuild } from '../support/sites.ts';
import { invertedName, nameParts } from '../../src/catalog/site-config.ts';
import siteConfig from '../../site.config.ts';

/**
 * What reference managers, search engines and link previews read from the
 * built pages (Highwire Press tags, schema.org JSON-LD, Open Graph, canonical
 * links) and "Cite this", checked against the content files themselves, on
 * the real site and on a fixture deployed under a sub-path of another origin.
 */

const SITE_NAME = 'Research Explainers';
// Each site is checked against the content it was built from (build.contentDir).
const builds = [
  { name: 'site', root: `${SITE_ORIGIN}/`, base: '/' },
  { name: 'subpath', root: `${SUBPATH_ORIGIN}${SUBPATH}`, base: SUBPATH },
  { name: 'good', root: 'http://localhost:4321/', base: '/' },
  { name: 'good-based', root: `${SUBPATH_ORIGIN}${SUBPATH}`, base: SUBPATH },
];

const meta = ($: CheerioAPI, name: string) => $(`meta[name="${name}"]`).map((_, m) => $(m).attr('content')!).get();
const property = ($: CheerioAPI, name: string) => $(`meta[property="${name}"]`).attr('content');
const jsonLd = ($: CheerioAPI) => {
  const scripts = $('script[type="application/ld+json"]');
  expect(scripts.length).toBe(1);
  return JSON.parse(scripts.text()) as Record<string, any>;
};
const slashDate = (iso: string) => iso.replaceAll('-', '/');
const arxiv = (id: string) => `https://arxiv.org/abs/${id}`;

for (const spec of builds) {
  describe(`scholarly metadata in the "${spec.name}" build`, () => {
    let build: SiteBuild;
    let essays: ContentEssay[];
    let notes: ContentNote[];
    const noteBySlug = (slug: string) => notes.find((n) => n.slug === slug)!;
    /** The earliest essay date of a note: notes are dated by the first essay to cite them. */
    const noteDate = (slug: string) => essays.filter((e) => e.notes.includes(slug)).map((e) => e.published).sort()[0];

    beforeAll(() => {
      build = siteBuild(spec.name);
      expect(build.exitCode, build.output).toBe(0);
      ({ essays, notes } = readContent(build.contentDir));
    });

    it('gives each essay its Highwire tags, with a reference for every paper behind its notes', () => {
      for (const essay of essays) {
        const url = `${spec.root}essays/${essay.slug}/`;
        const $ = loadPage(build.outDir, `/essays/${essay.slug}/`);
        expect(meta($, 'citation_title')).toEqual([essay.title]);
        expect(meta($, 'citation_publication_date')).toEqual([slashDate(essay.published)]);
        expect(meta($, 'citation_public_url')).toEqual([url]);
        expect(meta($, 'citation_publisher')).toEqual([SITE_NAME]);
        // The content names no authors: the site's (site.config.ts), family name first.
        expect(meta($, 'citation_author')).toEqual(siteConfig.authors.map(invertedName));
        const refs = meta($, 'citation_reference');
        const papers = new Set(essay.notes.flatMap((n) => noteBySlug(n).papers.map((p) => p.arxiv)));
        expect(refs).toHaveLength(papers.size);
        for (const paper of essay.notes.flatMap((n) => noteBySlug(n).papers)) {
          expect(refs, paper.title).toContain(
            `citation_title=${paper.title}; citation_author=${paper.firstAuthor}; citation_publication_date=${paper.year}; citation_arxiv_id=${paper.arxiv}; citation_public_url=${arxiv(paper.arxiv)}`,
          );
        }
      }
    });

    it('describes each essay as a ScholarlyArticle citing its notes', () => {
      for (const essay of essays) {
        const data = jsonLd(loadPage(build.outDir, `/essays/${essay.slug}/`));
        expect(data).toMatchObject({
          '@context': 'https://schema.org',
          '@type': 'ScholarlyArticle',
          headline: essay.title,
          description: essay.standfirst,
          url: `${spec.root}essays/${essay.slug}/`,
          datePublished: essay.published,
          publisher: { '@type': 'Organization', name: SITE_NAME, url: spec.root },
        });
        expect(data['dateModified']).toBe(essay.updated);
        expect(data['author'].map((a: { name: string }) => a.name)).toEqual(siteConfig.authors.map((a) => a.name));
        expect(data['citation'].map((c: { url: string }) => c.url)).toEqual(essay.notes.map((n) => `${spec.root}notes/${n}/`));
        for (const cited of data['citation']) {
          const note = notes.find((n) => `${spec.root}notes/${n.slug}/` === cited.url)!;
          expect(cited.name).toBe(note.title);
          expect(cited.isBasedOn.map((p: { '@id': string }) => p['@id'])).toEqual(note.papers.map((p) => arxiv(p.arxiv)));
        }
      }
    });

    it('gives each note its Highwire tags and a ScholarlyArticle based on its papers, dated by the first essay to cite it', () => {
      for (const note of notes) {
        const url = `${spec.root}notes/${note.slug}/`;
        const $ = loadPage(build.outDir, `/notes/${note.slug}/`);
        expect(meta($, 'citation_title')).toEqual([note.title]);
        expect(meta($, 'citation_public_url')).toEqual([url]);
        const date = noteDate(note.slug);
        expect(meta($, 'citation_publication_date')).toEqual(date ? [slashDate(date)] : []);
        expect(meta($, 'citation_reference').map((r) => /citation_arxiv_id=([^;]+)/.exec(r)![1])).toEqual(note.papers.map((p) => p.arxiv));
        const data = jsonLd($);
        expect(data).toMatchObject({ '@type': 'ScholarlyArticle', headline: note.title, url, publisher: { name: SITE_NAME } });
        expect(data['datePublished']).toBe(date);
        expect(data['isBasedOn']).toEqual(note.papers.map((p) => expect.objectContaining({ name: p.title, url: arxiv(p.arxiv), author: { '@type': 'Person', name: p.firstAuthor } })));
      }
    });

    it('describes each claim share page as a Claim that appears in its essay, with its permalink', () => {
      const homes = [
        ...essays.map((e) => ({ url: `${spec.root}essays/${e.slug}/`, title: e.title, claims: e.claims })),
        ...notes.map((n) => ({ url: `${spec.root}notes/${n.slug}/`, title: n.title, claims: n.claims })),
      ];
      let checked = 0;
      for (const home of homes) {
        for (const id of home.claims) {
          const permalink = `${spec.root}c/${id}/`;
          const $ = loadPage(build.outDir, `/c/${id}/`);
          expect(meta($, 'citation_public_url')).toEqual([permalink]);
          expect(jsonLd($)).toMatchObject({ '@type': 'Claim', url: permalink, appearance: { url: home.url, name: home.title } });
          expect($('#cite-apa').text()).toContain(permalink);
          expect($('#cite-bibtex').text()).toContain(`url = {${permalink}}`);
          expect(JSON.parse($('#cite-csl').text())[0]).toMatchObject({ type: 'entry', URL: permalink, 'container-title': home.title, publisher: SITE_NAME });
          checked += 1;
        }
      }
      expect(checked).toBeGreaterThan(0);
    });

    it('offers "Cite this" on essays and notes in APA, BibTeX and CSL-JSON, by the site\'s authors', () => {
      const works = [
        ...essays.map((e) => ({ path: `/essays/${e.slug}/`, title: e.title, date: e.published })),
        ...notes.map((n) => ({ path: `/notes/${n.slug}/`, title: n.title, date: noteDate(n.slug) })),
      ];
      for (const work of works) {
        const url = `${spec.root}${work.path.slice(1)}`;
        const $ = loadPage(build.outDir, work.path);
        const year = work.date ? work.date.slice(0, 4) : 'n.d.';
        // APA's typographic quotes and apostrophes are fine; normalizeText folds them.
        expect(normalizeText($('#cite-apa').text())).toMatch(new RegExp(`^${escape(nameParts(siteConfig.authors[0]!).family)}.* \\(${escape(year)}.*\\)\\. ${escape(normalizeText(work.title))} ${SITE_NAME}\\. ${escape(url)}$`));
        const bibtex = $('#cite-bibtex').text();
        expect(bibtex).toContain(`url = {${url}}`);
        expect(bibtex).toContain(`publisher = {${SITE_NAME}}`);
        expect(bibtex).toMatch(new RegExp(`author = \\{.*${escape(nameParts(siteConfig.authors[0]!).family)}`));
        const [csl] = JSON.parse($('#cite-csl').text());
        expect(csl).toMatchObject({ type: 'webpage', title: work.title, URL: url, 'container-title': SITE_NAME });
        expect(csl.author).toHaveLength(siteConfig.authors.length);
        expect(csl.issued).toEqual(work.date ? { 'date-parts': [work.date.split('-').map(Number)] } : undefined);
        expect($('button[data-copy-from]').length).toBe(3);
      }
    });

    it('gives every page Open Graph and Twitter card tags and the feed link, and a canonical and shared URL unless it is not to be indexed', () => {
      for (const path of allPages(build.outDir)) {
        const $ = loadPage(build.outDir, path);
        const url = `${spec.root}${path.slice(1)}`;
        expect(property($, 'og:title'), path).toBeTruthy();
        expect(property($, 'og:description'), path).toBeTruthy();
        expect(property($, 'og:site_name'), path).toBe(SITE_NAME);
        expect($('meta[name="twitter:card"]').attr('content'), path).toMatch(/^summary(_large_image)?$/);
        expect($('link[rel="alternate"][type="application/rss+xml"]').attr('href'), path).toBe(`${spec.base}feed.xml`);
        // A page not to be indexed (404, forwarding pages of moved claims) has no address of its own to share.
        const noindex = $('meta[name="robots"]').attr('content') === 'noindex';
        expect(property($, 'og:url'), path).toBe(noindex ? undefined : url);
        expect($('link[rel="canonical"]').attr('href'), path).toBe(noindex ? undefined : url);
      }
    });

    it('marks essays, notes and claims as articles, and lists as the website', () => {
      expect(property(loadPage(build.outDir, `/essays/${essays[0]!.slug}/`), 'og:type')).toBe('article');
      expect(property(loadPage(build.outDir, `/notes/${notes[0]!.slug}/`), 'og:type')).toBe('article');
      expect(property(loadPage(build.outDir, '/'), 'og:type')).toBe('website');
      expect(property(loadPage(build.outDir, '/notes/'), 'og:type')).toBe('website');
    });
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
