import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { allPages, fileForUrl, loadPage, normalizeText } from '../support/html.ts';
import { siteBuild, type SiteBuild } from '../support/sites.ts';

/** Citations and back-links resolve both ways, on the real site and on the fixture that exercises every case. */

for (const name of ['site', 'good']) {
  describe(`cross-links in the "${name}" build`, () => {
    let build: SiteBuild;
    beforeAll(() => {
      build = siteBuild(name);
      expect(build.exitCode, build.output).toBe(0);
    });

    it('links every citation marker to a note page that exists', () => {
      let markers = 0;
      for (const page of allPages(build.outDir)) {
        const $ = loadPage(build.outDir, page);
        $('.citation-link').each((_, a) => {
          markers += 1;
          const href = $(a).attr('href')!;
          expect(href).toMatch(/^\/notes\/[a-z0-9-]+\/$/);
          expect(existsSync(fileForUrl(build.outDir, href)), href).toBe(true);
        });
      }
      expect(markers).toBeGreaterThan(0);
    });

    it('lands every "Cited in" link on an element with that id, showing its sentence', () => {
      let onClaims = 0;
      let onParagraphs = 0;
      for (const page of allPages(build.outDir).filter((p) => p.startsWith('/notes/') && p !== '/notes/')) {
        const $ = loadPage(build.outDir, page);
        $('.cited-in-place').each((_, a) => {
          const [path, id] = $(a).attr('href')!.split('#');
          const target = loadPage(build.outDir, path!);
          const landed = target(`[id="${id}"]`);
          expect(landed.length, `${page} -> ${path}#${id}`).toBe(1);
          const quoted = normalizeText($(a).find('q').text());
          if (landed.hasClass('claim')) {
            // The link shows the citing claim, which is the text of the element it lands on.
            expect(quoted, `${page} -> ${path}#${id}`).toBe(normalizeText(landed.clone().find('.citation, .claim-tools').remove().end().text()));
            onClaims += 1;
          } else {
            // A citation outside any claim: the link lands on its paragraph and shows the sentence around it.
            expect(landed.is('p'), `${page} -> ${path}#${id} lands on neither a claim nor a paragraph`).toBe(true);
            expect(landed.find(`.citation-link[href$="${page}"]`).length, `${page} -> ${path}#${id} holds no marker citing the note`).toBeGreaterThan(0);
            expect(quoted.length, `${page} -> ${path}#${id}`).toBeGreaterThan(0);
            onParagraphs += 1;
          }
        });
      }
      expect(onClaims).toBeGreaterThan(0);
      // The fixture cites a note from a sentence outside any claim.
      if (name === 'good') expect(onParagraphs).toBeGreaterThan(0);
    });

    it('returns from every sources entry to each marker that cites it', () => {
      let entries = 0;
      for (const page of allPages(build.outDir).filter((p) => p.startsWith('/essays/'))) {
        const $ = loadPage(build.outDir, page);
        const sources = $('.sources-list > li');
        // Every essay of these sites cites notes, so its page lists them.
        if ($('article .essay-body').length > 0) expect(sources.length, page).toBeGreaterThan(0);
        sources.each((_, li) => {
          const note = $(li).attr('id')!.replace(/^ref-/, '');
          const backrefs = $(li).find('.backrefs a').map((_, a) => $(a).attr('href')!).get();
          const markers = $(`.citation-link[data-note="${note}"]`).map((_, a) => `#${$(a).attr('id')}`).get();
          expect(markers.length, `${page}: ${note}`).toBeGreaterThan(0);
          expect(backrefs, `${page}: ${note}`).toEqual(markers);
          entries += 1;
        });
      }
      expect(entries).toBeGreaterThan(1);
    });
  });
}

describe('the fixture that exercises every case', () => {
  let build: SiteBuild;
  beforeAll(() => {
    build = siteBuild('good');
  });

  it('labels repeated back-links a, b as Wikipedia does', () => {
    const $ = loadPage(build.outDir, '/essays/first-essay/');
    const alpha = $('#ref-alpha .backrefs');
    expect(normalizeText(alpha.text())).toBe('^ a b');
    expect(alpha.find('a').map((_, a) => $(a).attr('href')).get()).toEqual(['#cite-alpha-1', '#cite-alpha-2']);
  });

  it('lists every place in every essay that cites a note, with its number and sentence', () => {
    const $ = loadPage(build.outDir, '/notes/beta/');
    const places = $('.cited-in-place').map((_, a) => ({ href: $(a).attr('href'), text: normalizeText($(a).text()) })).get();
    expect(places).toEqual([
      { href: '/essays/second-essay/#beta-elsewhere', text: '[1] Beta matters here too.' },
      { href: '/essays/first-essay/#alpha-again', text: '[2] Alpha is cited again here with beta.' },
    ]);
  });

  it('links a citation outside any claim to its paragraph, with the sentence around it, and warns', () => {
    const $ = loadPage(build.outDir, '/notes/gamma/');
    const place = $('.cited-in-place');
    const [path, id] = place.attr('href')!.split('#');
    expect(path).toBe('/essays/first-essay/');
    expect(id).toMatch(/^paragraph-\d+$/);
    expect(loadPage(build.outDir, path!)(`p#${id}`).find('#cite-gamma-1').length).toBe(1);
    expect(build.output).toContain('[content] warning: tests/fixtures/good/content/essays/first-essay.mdx:13:129: The citation [@gamma] is outside any <Claim>, so the note\'s "Cited in" links to its paragraph, whose anchor moves when paragraphs are added above it. Wrap the sentence in <Claim id="…">…</Claim> to give it a permanent link.');
    expect(normalizeText(place.find('q').text())).toBe('A sentence outside any claim cites gamma.');
  });

  it('gives a note in a subfolder a URL from its file name alone', () => {
    expect(existsSync(fileForUrl(build.outDir, '/notes/gamma/'))).toBe(true);
  });

  it('carries each note\'s summary once: the citation previews are made from the Sources list in the browser', () => {
    const $ = loadPage(build.outDir, '/essays/first-essay/');
    expect($('.citation-preview')).toHaveLength(0);
    const summary = $('#ref-alpha .source-summary').text();
    expect(summary.length).toBeGreaterThan(20);
    expect($('body').text().split(summary)).toHaveLength(2);
  });

  it('keeps an escaped citation as text', () => {
    const $ = loadPage(build.outDir, '/essays/first-essay/');
    expect($('.essay-body').text()).toContain('Write [@alpha] to show the syntax.');
  });

  it('shows a code block as plain text, with no inline style for the Content-Security-Policy to block', () => {
    const $ = loadPage(build.outDir, '/notes/uncited-note/');
    expect($('.prose pre > code').text()).toBe('reward = 1.0 if answer == gold else 0.0\n');
    expect($('[style]').length).toBe(0);
    expect(build.output).not.toContain('Shiki');
  });

  it('warns about a note no essay cites, naming it', () => {
    expect(build.output).toContain('[content] warning: Note "uncited-note" (tests/fixtures/good/content/notes/uncited-note.mdx) is not cited by any essay.');
  });

  it('says "No essay cites this note yet" on an uncited note', () => {
    const $ = loadPage(build.outDir, '/notes/uncited-note/');
    expect($('#cited-in .empty').text()).toBe('No essay cites this note yet.');
    expect($('#cited-in a').length).toBe(0);
  });
});

describe('the Markdown plugins keep running', () => {
  // Astro 7's default Markdown processor ignores remark and rehype plugins without a word; this fails if they stop.
  let $: ReturnType<typeof loadPage>;
  beforeAll(() => {
    $ = loadPage(siteBuild('good').outDir, '/essays/first-essay/');
  });

  it('gives headings ids and self-links (rehype-slug, rehype-autolink-headings)', () => {
    const heading = $('.essay-body h2').first();
    expect(heading.attr('id')).toBe('what-the-notes-say');
    expect(heading.find('a.heading-anchor').attr('href')).toBe('#what-the-notes-say');
  });

  it('renders GitHub-flavoured Markdown: tables, strikethrough, bare links (remark-gfm)', () => {
    expect($('.essay-body table td del').text()).toBe('old');
    expect($('.essay-body a[href="http://www.example.org"]').length).toBe(1);
  });

  it('runs the site\'s own remark plugins (citations and claims)', () => {
    expect($('.essay-body .citation-link').length).toBeGreaterThan(0);
    expect($('.essay-body .claim[id]').length).toBeGreaterThan(0);
  });
});
