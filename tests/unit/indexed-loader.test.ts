import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
// Astro's own store, by path: the package does not export it.
import { MutableDataStore } from '../../node_modules/astro/dist/content/mutable-data-store.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startBuildContext } from '../../src/catalog/build-context.ts';
import { createContentIndex } from '../../src/catalog/content-index.ts';
import { indexedCollection } from '../../src/catalog/loaders/indexed.ts';
import { LOCAL_ORIGIN, readSettings } from '../../src/catalog/settings.ts';

/**
 * The collections' loader against Astro's own data store, which a project
 * keeps between builds (node_modules/.astro/data-store.json): a note renamed
 * from .mdx to .md must not leave its old path behind, or every later build
 * fails to resolve the old file's compiled module.
 */

const NOTE = `---
title: "What does the note say?"
themes: [exploration]
papers:
  - title: A Paper
    firstAuthor: Ada Lovelace
    year: 2025
    arxiv: "2501.00001"
---

The note says one thing.
`;

const CONTEXT = Symbol.for('research-explainers.build-context');
afterEach(() => {
  // The build context lives on globalThis: leave none behind for other files in this worker.
  delete (globalThis as Record<symbol, unknown>)[CONTEXT];
});

/** One `astro build`: a fresh content index, Astro's store as the last build left it. */
async function build(root: string, store: MutableDataStore): Promise<void> {
  startBuildContext(createContentIndex(readSettings({ LOCAL_URL: LOCAL_ORIGIN }, root)));
  await indexedCollection('notes').load({
    store: store.scopedStore('notes'),
    config: { root: pathToFileURL(`${root}/`) },
    logger: { error: () => {} },
    generateDigest: (text: string) => String(text.length) + text.slice(0, 40),
  } as never);
}

describe('the indexed loader', () => {
  it('replaces the entry of a note renamed from .mdx to .md, so no build looks for the old file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'loader-'));
    try {
      mkdirSync(join(root, 'content', 'notes'), { recursive: true });
      mkdirSync(join(root, 'content', 'essays'), { recursive: true });
      writeFileSync(join(root, 'content', 'notes', 'base-note.mdx'), NOTE);
      const store = new MutableDataStore();
      await build(root, store);
      expect(store.scopedStore('notes').get('base-note')?.filePath).toBe('content/notes/base-note.mdx');
      // No body in the store: nothing reads it, and Astro writes the whole store after every change.
      expect(store.scopedStore('notes').get('base-note')).not.toHaveProperty('body');
      renameSync(join(root, 'content', 'notes', 'base-note.mdx'), join(root, 'content', 'notes', 'base-note.md'));
      await build(root, store);
      expect(store.scopedStore('notes').get('base-note')?.filePath).toBe('content/notes/base-note.md');
      const modules = join(root, 'content-modules.mjs');
      await store.writeModuleImports(modules);
      expect(readFileSync(modules, 'utf8')).not.toContain('base-note.mdx');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
