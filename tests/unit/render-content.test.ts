import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rehypeHeadingIds, remarkCollectImages, unified } from '@astrojs/markdown-remark';
// Astro's own store, by path: the package does not export it.
import { MutableDataStore } from '../../node_modules/astro/dist/content/mutable-data-store.js';
import type { Root } from 'hast';
import remarkGfm from 'remark-gfm';
import { afterEach, describe, expect, it } from 'vitest';
import { startBuildContext } from '../../src/catalog/build-context.ts';
import { createContentIndex, type Catalog, type IndexedEntry } from '../../src/catalog/content-index.ts';
import { indexedCollection, RENDER_CODE, renderInputs } from '../../src/catalog/loaders/indexed.ts';
import { LOCAL_ORIGIN, readSettings } from '../../src/catalog/settings.ts';
import { PROJECT_ROOT } from '../../src/catalog/project-root.ts';
import { astroJsxHtml, createContentRenderer } from '../../src/markdown/render-content.ts';
import remarkClaimParagraphs from '../../src/plugins/remark-claim-paragraphs.ts';
import remarkClaims from '../../src/plugins/remark-claims.ts';
import { errorOf } from '../support/render-mdx.ts';

/**
 * Entries are rendered in the content layer (src/markdown/render-content.ts),
 * their HTML written as Astro's JSX runtime writes an MDX component; the built
 * sites prove the two byte-identical on the fixtures (tests/build), this pins
 * the rules of the writing, MDX's error messages, and the digest that decides
 * when a stored entry is rendered again.
 */

const renderer = createContentRenderer({
  remarkPlugins: [remarkGfm, remarkClaimParagraphs, [remarkClaims, { root: '/project' }]],
  rehypePlugins: [],
  gfm: false,
  smartypants: true,
  remarkCollectImages,
  rehypeHeadingIds,
  root: '/project',
});
const render = (body: string) => renderer.render(body, '/project/content/essays/test.mdx');

describe('astroJsxHtml', () => {
  it('writes text and attributes as Astro escapes them, an empty attribute bare and a void element closed', () => {
    const tree: Root = {
      type: 'root',
      children: [
        { type: 'text', value: '\n' },
        { type: 'element', tagName: 'p', properties: { className: ['a', 'b'], dataNote: 'x&"y', dataPagefindIgnore: '' }, children: [{ type: 'text', value: `<&>'"` }, { type: 'element', tagName: 'br', properties: {}, children: [] }] },
        { type: 'text', value: '\n' },
      ],
    };
    expect(astroJsxHtml(tree)).toBe('<p class="a b" data-note="x&amp;&quot;y" data-pagefind-ignore>&lt;&amp;&gt;&#39;&quot;<br/></p>');
  });

  it('leaves a tree holding a component or an expression to Astro', () => {
    expect(astroJsxHtml({ type: 'root', children: [{ type: 'mdxJsxFlowElement', name: 'Aside', attributes: [], children: [] } as never] })).toBeUndefined();
  });
});

describe('the content renderer', () => {
  it('renders MDX with the site\'s plugins, smart punctuation, GFM tables as MDX writes them, and records what the plugins found', async () => {
    const rendered = await render('"Quoted" <Claim id="a-claim">A claim.</Claim>\n\n| a | b |\n| :- | -: |\n| 1 | 2 |\n\n## A heading\n');
    expect(rendered?.html).toBe([
      '<p>“Quoted” <span id="a-claim" class="claim" data-claim="a-claim">A claim.<span class="claim-tools" data-pagefind-ignore><span class="claim-toolbar"><a href="#a-claim" class="claim-permalink" aria-label="Link to this claim">¶</a></span></span></span></p>',
      '<table><thead><tr><th style="text-align:left">a</th><th style="text-align:right">b</th></tr></thead><tbody><tr><td style="text-align:left">1</td><td style="text-align:right">2</td></tr></tbody></table>',
      '<h2 id="a-heading">A heading</h2>',
    ].join('\n'));
    expect(rendered?.metadata.headings).toEqual([{ depth: 2, slug: 'a-heading', text: 'A heading' }]);
    const derived = rendered?.metadata.frontmatter['derived'] as { claims: { id: string }[]; file: string };
    expect(derived.claims.map((c) => c.id)).toEqual(['a-claim']);
    expect(derived.file).toBe('content/essays/test.mdx');
  });

  it('leaves a body with an image to Astro, whose image pipeline only its own rendering uses', async () => {
    expect(await render('![A chart](./chart.png)\n')).toBeUndefined();
  });

  it('reports an MDX syntax error with the file, line and column, and a fix', async () => {
    expect(await errorOf(() => render('\n\n<Claim id="open">Never closed.\n'))).toBe(
      'content/essays/test.mdx:3:1: Expected a closing tag for `<Claim>` (3:1-3:18) before the end of `paragraph`\n  Close the tag: write </Claim> where the passage ends, in the same paragraph as <Claim>.',
    );
  });
});

describe('an entry\'s render inputs', () => {
  const entry = (id: string, folder: 'essays' | 'notes', source: string): IndexedEntry => ({ id, folder, file: `content/${folder}/${id}.mdx`, path: `/p/content/${folder}/${id}.mdx`, source, body: source, data: {}, title: undefined });
  const essay = entry('essay', 'essays', 'Text [@cited; @missing].');
  const catalog = (titles: Record<string, string>, registry: [string, { doc: string; moved?: string }][] = []): Catalog => ({
    essays: new Map([['essay', essay]]),
    notes: new Map(Object.entries(titles).map(([id, title]) => [id, { ...entry(id, 'notes', 'Body.'), title }])),
    registry: new Map(registry),
    hasRegistry: true,
    registryFile: 'content/claims.json',
    problems: [],
  });
  const inputs = (c: Catalog, settings = { code: 'v1', base: '/', site: 'https://example.org' }) => renderInputs(essay, c, settings);
  const before = inputs(catalog({ cited: 'Cited?', other: 'Other?' }));

  it('change with what the entry\'s HTML shows: a cited note\'s title, its registry entries, the address, the code', () => {
    expect(inputs(catalog({ cited: 'Renamed?', other: 'Other?' }))).not.toBe(before);
    expect(inputs(catalog({ cited: 'Cited?', other: 'Other?', missing: 'Now here?' }))).not.toBe(before);
    expect(inputs(catalog({ cited: 'Cited?', other: 'Other?' }, [['old', { doc: 'essays/essay', moved: 'new' }]]))).not.toBe(before);
    expect(inputs(catalog({ cited: 'Cited?', other: 'Other?' }), { code: 'v1', base: '/sub/', site: 'https://example.org' })).not.toBe(before);
    expect(inputs(catalog({ cited: 'Cited?', other: 'Other?' }), { code: 'v2', base: '/', site: 'https://example.org' })).not.toBe(before);
  });

  it('stay the same when only something the entry does not show changes', () => {
    expect(inputs(catalog({ cited: 'Cited?', other: 'Other renamed?' }, [['elsewhere', { doc: 'essays/another' }]]))).toBe(before);
  });

  it('cover every file the plugins import (RENDER_CODE)', () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*from '(\.[^']+)'/gm)) visit(join(dirname(file), spec!));
    };
    const config = readFileSync(join(PROJECT_ROOT, 'astro.config.mjs'), 'utf8');
    for (const [, spec] of config.matchAll(/from '(\.\/src\/(?:plugins|markdown)\/[^']+)'/g)) visit(join(PROJECT_ROOT, spec!));
    expect(seen.size).toBeGreaterThan(5);
    const outside = [...seen].map((f) => relative(PROJECT_ROOT, f)).filter((f) => !RENDER_CODE.some((folder) => f === folder || f.startsWith(`${folder}/`)));
    expect(outside).toEqual([]);
  });
});

describe('the indexed loader', () => {
  const CONTEXT = Symbol.for('research-explainers.build-context');
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[CONTEXT];
  });
  const NOTE = (text: string) => `---\ntitle: "What does the note say?"\nthemes: [exploration]\npapers:\n  - title: A Paper\n    firstAuthor: Ada Lovelace\n    year: 2025\n    arxiv: "2501.00001"\n---\n\n${text}\n`;

  it('stores each entry\'s HTML, and renders again only the entries that changed since the last build', async () => {
    const root = mkdtempSync(join(tmpdir(), 'render-'));
    try {
      mkdirSync(join(root, 'content', 'notes'), { recursive: true });
      mkdirSync(join(root, 'content', 'essays'), { recursive: true });
      writeFileSync(join(root, 'content', 'notes', 'kept.mdx'), NOTE('Kept as it is.'));
      writeFileSync(join(root, 'content', 'notes', 'edited.mdx'), NOTE('First words.'));
      const rendered: string[] = [];
      const counting = () => (_tree: unknown, file: { path: string }) => void rendered.push(file.path.replace(/.*\//, ''));
      const processor = unified({ remarkPlugins: [counting] });
      const store = new MutableDataStore();
      const build = async () => {
        startBuildContext(createContentIndex(readSettings({ LOCAL_URL: LOCAL_ORIGIN }, root)));
        await indexedCollection('notes').load({
          store: store.scopedStore('notes'),
          config: { root: pathToFileURL(`${root}/`), markdown: { processor, gfm: true, smartypants: true } },
          logger: { error: () => {} },
          generateDigest: (text: string) => String(text.length) + text,
        } as never);
      };
      await build();
      expect(rendered.sort()).toEqual(['edited.mdx', 'kept.mdx']);
      const entry = store.scopedStore('notes').get('edited') as { rendered?: { html: string }; deferredRender?: boolean };
      expect(entry.rendered?.html).toBe('<p>First words.</p>');
      expect(entry.deferredRender).toBeUndefined();
      rendered.length = 0;
      writeFileSync(join(root, 'content', 'notes', 'edited.mdx'), NOTE('Second words.'));
      await build();
      expect(rendered).toEqual(['edited.mdx']);
      expect((store.scopedStore('notes').get('edited') as { rendered?: { html: string } }).rendered?.html).toBe('<p>Second words.</p>');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
