import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContentIndex } from '../../src/catalog/content-index.ts';
import { LOCAL_ORIGIN, readSettings } from '../../src/catalog/settings.ts';

/**
 * The content index keeps each file's parsed front matter in the cache folder,
 * by the file's text (src/catalog/content-index.ts): a later build must see
 * exactly what a fresh parse gives, problems and their lines included.
 */

const note = (title: string, year: string) => `---
title: "${title}"
themes: [exploration]
papers:
  - title: A Paper
    firstAuthor: Ada Lovelace
    year: ${year}
    arxiv: "2501.00001"
---

The note says one thing.
`;

describe('the front matter kept between builds', () => {
  it('gives a later index the same entries and problems as a fresh parse, and parses a changed file again', () => {
    const root = mkdtempSync(join(tmpdir(), 'kept-'));
    try {
      mkdirSync(join(root, 'content', 'notes'), { recursive: true });
      mkdirSync(join(root, 'content', 'essays'), { recursive: true });
      writeFileSync(join(root, 'content', 'notes', 'good-note.mdx'), note('A good note', '2025'));
      // A schema problem (a year that is not a number), reported at its line.
      writeFileSync(join(root, 'content', 'notes', 'bad-note.mdx'), note('A bad note', 'soon'));
      const settings = readSettings({ LOCAL_URL: LOCAL_ORIGIN }, root);
      const first = createContentIndex(settings).current();
      const kept = JSON.parse(readFileSync(join(settings.cacheDir, 'front-matter.json'), 'utf8')) as { files: Record<string, unknown> };
      expect(Object.keys(kept.files)).toHaveLength(2);

      const second = createContentIndex(settings).current();
      expect(second.notes.get('good-note')?.data).toEqual(first.notes.get('good-note')?.data);
      expect(second.notes.get('good-note')?.body).toBe(first.notes.get('good-note')?.body);
      expect(first.problems.length).toBeGreaterThan(0);
      expect(second.problems).toEqual(first.problems);

      writeFileSync(join(root, 'content', 'notes', 'good-note.mdx'), note('A renamed note', '2025'));
      expect(createContentIndex(settings).current().notes.get('good-note')?.title).toBe('A renamed note');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
