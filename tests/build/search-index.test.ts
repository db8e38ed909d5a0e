import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContent, type ContentEssay, type ContentNote } from '../support/content.ts';
import { loadPage } from '../support/html.ts';
import { siteBuild, type SiteBuild } from '../support/sites.ts';

/** The build leaves a Pagefind index in <outDir>/pagefind/ with every essay, note and claim; the pages say what is indexed. */

interface PagefindEntry {
  version: string;
  languages: Record<string, { page_count: number }>;
}

/** What the index must hold, from the content files: one record per essay and note, and one per claim. */
function expectedRecords(contentDir: string): { pages: number; claims: number } {
  const { essays, notes } = readContent(contentDir);
  return { pages: essays.length + notes.length, claims: [...essays, ...notes].reduce((sum, doc) => sum + doc.claims.length, 0) };
}

for (const name of ['site', 'subpath', 'good']) {
  describe(`the search index of the "${name}" build`, () => {
    let expected: { pages: number; claims: number };
    let build: SiteBuild;
    let pagefind: string;
    beforeAll(() => {
      build = siteBuild(name);
      expect(build.exitCode, build.output).toBe(0);
      expected = expectedRecords(build.contentDir);
      pagefind = join(build.outDir, 'pagefind');
    });

    it('exists and holds one record per essay, note and claim', () => {
      const entryFile = join(pagefind, 'pagefind-entry.json');
      expect(existsSync(entryFile), `${entryFile} is missing: did the Pagefind integration run?`).toBe(true);
      const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as PagefindEntry;
      expect(entry.version).toBe('1.6.0');
      expect(Object.keys(entry.languages)).toEqual(['en']);
      expect(entry.languages['en']!.page_count).toBe(expected.pages + expected.claims);
    });

    it('has non-empty word index and fragment files', () => {
      for (const folder of ['index', 'fragment', 'filter']) {
        const files = readdirSync(join(pagefind, folder));
        expect(files.length, `${folder}/`).toBeGreaterThan(0);
        for (const file of files) expect(statSync(join(pagefind, folder, file)).size, `${folder}/${file}`).toBeGreaterThan(0);
      }
    });

    it('keeps what the pages load, and drops the ready-made interfaces no page uses', () => {
      for (const kept of ['pagefind.js', 'pagefind-worker.js', 'pagefind-highlight.js', 'wasm.en.pagefind']) expect(existsSync(join(pagefind, kept)), kept).toBe(true);
      expect(readdirSync(pagefind).filter((f) => /-ui\.(js|css)$/.test(f))).toEqual([]);
    });

    it('logs what it indexed', () => {
      expect(build.output).toMatch(new RegExp(`\\[pagefind-index\\] Indexed ${expected.pages} pages and ${expected.claims} claims into .*pagefind \\(\\d+ bytes of index\\)`));
    });
  });
}

describe.for(['site', 'subpath'])('what the pages of the "%s" build give the index', (name) => {
  let essays: ContentEssay[];
  let notes: ContentNote[];
  let outDir: string;
  beforeAll(() => {
    const build = siteBuild(name);
    outDir = build.outDir;
    ({ essays, notes } = readContent(build.contentDir));
    expect(essays.length * notes.length).toBeGreaterThan(0);
  });

  it('marks essays and notes with their kind, and notes with their themes', () => {
    for (const { slug } of essays) {
      const essay = loadPage(outDir, `/essays/${slug}/`);
      expect(essay('article[data-pagefind-body]').attr('data-pagefind-filter'), slug).toBe('kind:essay');
    }
    for (const { slug, themes } of notes) {
      const note = loadPage(outDir, `/notes/${slug}/`);
      expect(note('article[data-pagefind-body]').attr('data-pagefind-meta'), slug).toBe('kind:note');
      expect(themes.length, slug).toBeGreaterThan(0);
      expect(note('[data-pagefind-filter="theme"]').map((_, el) => note(el).text()).get(), slug).toEqual(themes);
    }
  });

  it('leaves navigation, the repeated title, sources and "Cited in" out of the indexed text', () => {
    const essay = loadPage(outDir, `/essays/${essays[0]!.slug}/`);
    expect(essay('header.site-header').attr('data-pagefind-ignore')).toBe('all');
    expect(essay('footer.site-footer').attr('data-pagefind-ignore')).toBe('all');
    expect(essay('#sources').attr('data-pagefind-ignore')).toBe('all');
    expect(essay('h1').attr('data-pagefind-meta')).toBe('title');
    expect(essay('.claim-tools').first().is('[data-pagefind-ignore]')).toBe(true);
    const note = loadPage(outDir, `/notes/${essays[0]!.notes[0]}/`);
    expect(note('#cited-in').attr('data-pagefind-ignore')).toBe('all');
    // The themes are searched as metadata, and stay filters ("index" ignores the text only).
    expect(note('ul.themes').attr('data-pagefind-ignore')).toBe('');
    expect(note('ul.themes').attr('data-pagefind-meta')).toBe('themes');
  });

  it('indexes no list or search page: they have no data-pagefind-body', () => {
    for (const path of ['/', '/notes/', '/search/', '/404.html']) {
      expect(loadPage(outDir, path)('[data-pagefind-body]').length, path).toBe(0);
    }
  });
});
