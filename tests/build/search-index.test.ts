import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPage } from '../support/html.ts';
import { siteBuild, type SiteBuild } from '../support/sites.ts';

/** The build leaves a Pagefind index in <outDir>/pagefind/ with every essay, note and claim; the pages say what is indexed. */

interface PagefindEntry {
  version: string;
  languages: Record<string, { page_count: number }>;
}

for (const [name, expected] of [['site', { pages: 13, claims: 19 }], ['good', { pages: 6, claims: 4 }]] as const) {
  describe(`the search index of the "${name}" build`, () => {
    let build: SiteBuild;
    let pagefind: string;
    beforeAll(() => {
      build = siteBuild(name);
      expect(build.exitCode, build.output).toBe(0);
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

describe('what the pages give the index', () => {
  let outDir: string;
  beforeAll(() => {
    outDir = siteBuild('site').outDir;
  });

  it('marks essays and notes with their kind, and notes with their themes', () => {
    const essay = loadPage(outDir, '/essays/prolonged-rl-training/');
    expect(essay('article[data-pagefind-body]').attr('data-pagefind-filter')).toBe('kind:essay');
    const note = loadPage(outDir, '/notes/training-order/');
    expect(note('article[data-pagefind-body]').attr('data-pagefind-meta')).toBe('kind:note');
    expect(note('[data-pagefind-filter="theme"]').map((_, el) => note(el).text()).get()).toEqual(['curriculum', 'entropy', 'multi-task']);
  });

  it('leaves navigation, the repeated title, sources and "Cited in" out of the indexed text', () => {
    const essay = loadPage(outDir, '/essays/prolonged-rl-training/');
    expect(essay('header.site-header').attr('data-pagefind-ignore')).toBe('all');
    expect(essay('footer.site-footer').attr('data-pagefind-ignore')).toBe('all');
    expect(essay('#sources').attr('data-pagefind-ignore')).toBe('all');
    expect(essay('h1').attr('data-pagefind-meta')).toBe('title');
    expect(essay('.claim-tools').first().is('[data-pagefind-ignore]')).toBe(true);
    const note = loadPage(outDir, '/notes/random-rewards/');
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
