import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRegistry, type Landing } from '../../src/catalog/claim-registry.ts';
import type { Catalog, IndexedEntry } from '../../src/catalog/content-index.ts';
import type { Settings } from '../../src/catalog/settings.ts';
import type { Corpus } from '../../src/site/corpus.ts';
import { codeVersion, keyInputs, pageKeys, registrySlice, stableJson, type KeyInputs, type KeyedDocument } from '../../src/site/page-keys.ts';

/**
 * The pages' cache keys: each changes with everything its page shows and with
 * nothing else. tests/build/incremental.test.ts proves them against clean builds.
 */

const registryOf = (data: object) => parseRegistry(JSON.stringify(data, null, 2), 'content/claims.json').registry;

const doc = (name: string, digest: string, cites: string[] = [], claims: string[] = []): KeyedDocument => ({ doc: name, digest, cites, claims });

/** Two essays: e1 cites n1 and n2, e2 cites n2; n3 is cited by no one; e1 has a moved claim id and a retired one. */
function inputs(change: (i: KeyInputs & { documents: KeyedDocument[] }) => void = () => {}): KeyInputs {
  const i = {
    site: { origin: 'https://example.org', base: '/', code: 'c1' },
    documents: [
      doc('essays/e1', 'e1', ['n1', 'n2'], ['c-one', 'c-two']),
      doc('essays/e2', 'e2', ['n2'], ['c-three']),
      doc('notes/n1', 'n1'),
      doc('notes/n2', 'n2'),
      doc('notes/n3', 'n3', [], ['c-note']),
    ],
    registry: registryOf({
      'c-one': { doc: 'essays/e1' },
      'old-one': { doc: 'essays/e1', moved: 'c-one' },
      'gone-one': { doc: 'essays/e1', retired: 'Withdrawn.', nearest: 'c-three' },
    }),
    landings: [
      { kind: 'alias', id: 'old-one', doc: 'essays/e1', target: 'c-one' },
      { kind: 'retired', id: 'gone-one', doc: 'essays/e1', reason: 'Withdrawn.', nearest: 'c-three', nearestDoc: 'essays/e2' },
    ] as Landing[],
  };
  change(i);
  return i;
}

const PAGES = [
  ['essay', 'e1'], ['essay', 'e2'], ['evidence', 'e1'], ['evidence', 'e2'],
  ['note', 'n1'], ['note', 'n2'], ['note', 'n3'],
  ['claim', 'c-one'], ['claim', 'c-two'], ['claim', 'c-three'], ['claim', 'c-note'], ['claim', 'old-one'], ['claim', 'gone-one'],
] as const;

/** The pages ("essay e1") whose keys differ between the two inputs. */
function changedPages(before: KeyInputs, after: KeyInputs): string[] {
  const [a, b] = [pageKeys(before), pageKeys(after)];
  return PAGES.filter(([route, slug]) => a[route](slug) !== b[route](slug)).map(([route, slug]) => `${route} ${slug}`);
}

const withDigest = (name: string, digest: string) => (i: { documents: KeyedDocument[] }) => {
  i.documents = i.documents.map((d) => (d.doc === name ? { ...d, digest } : d));
};

describe('pageKeys', () => {
  it('gives every page of the keyed routes a key, the same for the same inputs, and a different one per page', () => {
    const keys = PAGES.map(([route, slug]) => pageKeys(inputs())[route](slug));
    expect(keys.every((k) => typeof k === 'string' && k.length >= 32)).toBe(true);
    expect(keys).toEqual(PAGES.map(([route, slug]) => pageKeys(inputs())[route](slug)));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has no key for a page it does not know, which then renders on every build', () => {
    expect(pageKeys(inputs()).note('nowhere')).toBeUndefined();
    expect(pageKeys(inputs()).claim('no-such-claim')).toBeUndefined();
  });

  it("changes a cited note's readers: the essays citing it, their evidence maps and claims, and the note itself", () => {
    expect(changedPages(inputs(), inputs(withDigest('notes/n1', 'n1 edited')))).toEqual(['essay e1', 'evidence e1', 'note n1', 'claim c-one', 'claim c-two']);
  });

  it("changes, with an essay, its pages, its claims, the notes it cites (Cited in, date, authors) and the landings quoting its claims", () => {
    expect(changedPages(inputs(), inputs(withDigest('essays/e2', 'e2 edited')))).toEqual(['essay e1', 'essay e2', 'evidence e2', 'note n2', 'claim c-three', 'claim gone-one']);
  });

  it('changes, with a note that nothing cites, its own page and claims only', () => {
    expect(changedPages(inputs(), inputs(withDigest('notes/n3', 'n3 edited')))).toEqual(['note n3', 'claim c-note']);
  });

  it('changes the pages of a note an essay starts citing', () => {
    const citing = inputs((i) => {
      i.documents = i.documents.map((d) => (d.doc === 'essays/e2' ? { ...d, digest: 'e2 cites n3', cites: ['n2', 'n3'] } : d));
    });
    expect(changedPages(inputs(), citing)).toEqual(expect.arrayContaining(['note n3', 'claim c-note', 'essay e2']));
  });

  it('changes the pages of the documents a registry entry names when it changes, and its landing, but no other', () => {
    const retired = inputs((i) => {
      i.registry = registryOf({ 'c-one': { doc: 'essays/e1' }, 'old-one': { doc: 'essays/e1', moved: 'c-one' }, 'gone-one': { doc: 'essays/e1', retired: 'Withdrawn for good.', nearest: 'c-three' } });
      i.landings = i.landings.map((l) => (l.kind === 'retired' ? { ...l, reason: 'Withdrawn for good.' } : l));
    });
    expect(changedPages(inputs(), retired)).toEqual(expect.arrayContaining(['essay e1', 'claim gone-one']));
    expect(changedPages(inputs(), retired).filter((page) => page.startsWith('note'))).toEqual([]);
  });

  it('changes every key with the site: its address, base path, identity, fonts or code', () => {
    for (const site of [{ origin: 'https://example.com' }, { base: '/sub/' }, { code: 'c2' }, { name: 'Another name' }, { fonts: 'abc' }]) {
      const changed = inputs((i) => {
        i.site = { ...(i.site as object), ...site };
      });
      expect(changedPages(inputs(), changed), JSON.stringify(site)).toHaveLength(PAGES.length);
    }
  });
});

describe('registrySlice', () => {
  it("holds the entries about a document's claims, and follows moves through other documents", () => {
    const registry = registryOf({
      here: { doc: 'essays/a' },
      'moved-in': { doc: 'essays/b', moved: 'here' },
      'two-steps': { doc: 'essays/a', moved: 'step' },
      step: { doc: 'essays/c', moved: 'here' },
      unrelated: { doc: 'essays/c' },
    });
    expect(registrySlice({ doc: 'essays/a', claims: ['here'] }, registry).map(([id]) => id)).toEqual(['here', 'moved-in', 'step', 'two-steps']);
  });
});

describe('stableJson', () => {
  it('writes objects with sorted keys, so the order fields were set in does not matter', () => {
    expect(stableJson({ b: 1, a: { d: 2, c: [3] } })).toBe(stableJson({ a: { c: [3], d: 2 }, b: 1 }));
    expect(stableJson({ d: new Date('2026-01-02') })).toBe('{"d":"2026-01-02T00:00:00.000Z"}');
  });
});

describe('keyInputs', () => {
  const entry = (id: string, folder: 'essays' | 'notes', source: string): IndexedEntry => ({ id, folder, file: `content/${folder}/${id}.mdx`, path: '', source, body: '', data: {}, title: id });
  const catalog = (noteText: string): Catalog => ({
    essays: new Map([['e', entry('e', 'essays', 'Essay [@n].')]]),
    notes: new Map([['n', entry('n', 'notes', noteText)]]),
    registry: new Map(),
    hasRegistry: false,
    registryFile: 'content/claims.json',
    problems: [],
  });
  const corpus = {
    essays: [{ ref: { kind: 'essay' }, entry: { id: 'e' }, derived: { citations: [{ note: 'n' }, { note: 'n' }], claims: [{ id: 'a-claim' }] } }],
    notes: [{ ref: { kind: 'note' }, entry: { id: 'n' }, derived: { citations: [], claims: [] } }],
    landings: [],
  } as unknown as Corpus;
  const settings = { site: 'https://example.org', base: '/', root: '/project', contentDir: '/project/content' } as Settings;

  it("reads each document's digest from the catalog, its citations and claims from the corpus, and the settings into the site", () => {
    const made = keyInputs(corpus, catalog('A note.'), settings, 'code');
    expect(made.documents.map((d) => [d.doc, d.cites, d.claims])).toEqual([['essays/e', ['n'], ['a-claim']], ['notes/n', [], []]]);
    expect(made.site).toMatchObject({ origin: 'https://example.org', base: '/', content: 'content', code: 'code' });
    expect(keyInputs(corpus, catalog('A note, edited.'), settings, 'code').documents[1]!.digest).not.toBe(made.documents[1]!.digest);
    expect(keyInputs(corpus, catalog('A note.'), settings, 'code').documents[1]!.digest).toBe(made.documents[1]!.digest);
  });

  it('puts a character no text had before into the fonts (the style sheet changes with them)', () => {
    const fonts = (text: string) => (keyInputs(corpus, catalog(text), settings, 'code').site as { fonts: string }).fonts;
    expect(fonts('A note.')).toBe(fonts('A tone.'));
    expect(fonts('A note.')).not.toBe(fonts('A note ł.'));
  });
});

describe('codeVersion', () => {
  it('changes when any file of src/ or the configuration changes', () => {
    const root = mkdtempSync(join(tmpdir(), 'page-keys-'));
    try {
      mkdirSync(join(root, 'src', 'plugins'), { recursive: true });
      writeFileSync(join(root, 'src', 'plugins', 'a.ts'), 'one');
      writeFileSync(join(root, 'astro.config.mjs'), 'config');
      const first = codeVersion(root);
      expect(codeVersion(root)).toBe(first);
      writeFileSync(join(root, 'src', 'plugins', 'a.ts'), 'two');
      const second = codeVersion(root);
      expect(second).not.toBe(first);
      writeFileSync(join(root, 'astro.config.mjs'), 'config changed');
      expect(codeVersion(root)).not.toBe(second);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the key of a recorded wording’s page (/c/<id>/<n>/)', () => {
  const revisions = (entry: object) => registryOf({
    'c-one': { doc: 'essays/e1', revisions: [{ date: '2026-01-01', text: 'One.', sources: ['n1'] }], ...entry },
    'gone-one': { doc: 'essays/e1', retired: 'Withdrawn.', nearest: 'c-three', revisions: [{ date: '2026-01-01', text: 'Gone.', sources: ['n3'] }] },
  });
  const base = () => inputs((i) => void (i.registry = revisions({})));
  const key = (i: KeyInputs, page: string) => pageKeys(i).revision(page);

  it('changes with its entry, its document, the document holding what the claim reads now, and the notes it cited', () => {
    const before = base();
    expect(key(before, 'c-one/1')).toBeDefined();
    // A second wording recorded: the first's page now says what it became.
    const revised = inputs((i) => void (i.registry = revisions({ revisions: [{ date: '2026-01-01', text: 'One.', sources: ['n1'] }, { date: '2026-02-01', text: 'One, reworded.', sources: ['n1'], reason: 'Why.' }] })));
    expect(key(revised, 'c-one/1')).not.toBe(key(before, 'c-one/1'));
    expect(key(before, 'c-one/1')).not.toBe(key(inputs((i) => { i.registry = revisions({}); withDigest('essays/e1', 'e1 edited')(i); }), 'c-one/1'));
    expect(key(before, 'c-one/1')).not.toBe(key(inputs((i) => { i.registry = revisions({}); withDigest('notes/n1', 'n1 renamed')(i); }), 'c-one/1'));
    // A retired id's wording shows the claim it sends readers to.
    expect(key(before, 'gone-one/1')).not.toBe(key(inputs((i) => { i.registry = revisions({}); withDigest('essays/e2', 'e2 edited')(i); }), 'gone-one/1'));
  });

  it('stays the same when nothing it shows changes, and is absent for an id without wordings', () => {
    expect(key(base(), 'c-one/1')).toBe(key(inputs((i) => { i.registry = revisions({}); withDigest('notes/n2', 'n2 edited')(i); }), 'c-one/1'));
    expect(key(base(), 'nobody/1')).toBeUndefined();
  });
});
