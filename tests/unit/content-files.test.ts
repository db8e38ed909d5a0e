import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCollection, readContentFiles, type CollectionRules } from '../../src/catalog/content-files.ts';
import { formatProblem } from '../../src/catalog/problems.ts';
import { NOTE_SLUG } from '../../src/catalog/slugs.ts';
import { noteFieldHints, noteSchema } from '../../src/catalog/schemas/note.ts';

const rules: CollectionRules = {
  label: 'note',
  slug: NOTE_SLUG,
  schema: noteSchema,
  fieldHints: noteFieldHints,
  bodyRequired: 'Write the summary.',
};

const goodFront = `---
title: "Does it work?"
themes: [exploration]
papers:
  - title: A paper
    firstAuthor: Ada Lovelace
    year: 2025
    arxiv: "2501.00001"
---
`;

function check(files: Record<string, string>): string[] {
  const root = mkdtempSync(join(tmpdir(), 'content-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return checkCollection(readContentFiles(join(root, 'notes'), root), rules).map(formatProblem);
}

describe('checkCollection', () => {
  it('finds nothing wrong with a good note', () => {
    expect(check({ 'notes/good-note.mdx': `${goodFront}\nIt works.\n` })).toEqual([]);
  });

  it('names both files when two notes share a slug', () => {
    expect(check({ 'notes/a/same.mdx': `${goodFront}\nA.\n`, 'notes/b/same.mdx': `${goodFront}\nB.\n` })).toEqual([
      'notes/b/same.mdx: Two notes have the slug "same": notes/a/same.mdx and notes/b/same.mdx.\n  A slug is the note\'s URL, so it must be unique across folders: rename one of the two files.',
    ]);
  });

  it('reports a file name that is not a slug, with a better one', () => {
    expect(check({ 'notes/Format Collapse.mdx': `${goodFront}\nA.\n` })).toEqual([
      'notes/Format Collapse.mdx: The file name gives the note the slug "Format Collapse", which becomes its URL. The note slug "Format Collapse" contains spaces; use hyphens between words.\n  Rename the file to "format-collapse.mdx".',
    ]);
  });

  it('reports a missing field at the front matter, a wrong one at its line, with what to write', () => {
    const text = '---\ntitle: "Does it work?"\nthemes: exploration\n---\n\nText.\n';
    expect(check({ 'notes/n.mdx': text })).toEqual([
      `notes/n.mdx:3: The front matter field "themes" is wrong: invalid input: expected array, received string.\n  ${noteFieldHints.themes}`,
      `notes/n.mdx:2: The front matter field "papers" is missing; it is required.\n  ${noteFieldHints.papers}`,
    ]);
  });

  it('reports a wrongly typed nested field at its own line', () => {
    const text = goodFront.replace('year: 2025', 'year: "twenty"') + '\nText.\n';
    expect(check({ 'notes/n.mdx': text })).toEqual([
      `notes/n.mdx:7: The front matter field "papers[0].year" is wrong: invalid input: expected number, received string.\n  ${noteFieldHints.papers}`,
    ]);
  });

  it('suggests the field an unknown one was meant to be', () => {
    const text = goodFront.replace('themes:', 'theme:') + '\nText.\n';
    expect(check({ 'notes/n.mdx': text })).toContain('notes/n.mdx:3: Unknown front matter field "theme".\n  Did you mean "themes"?');
  });

  it('reports an empty note at the line where its body should start', () => {
    expect(check({ 'notes/empty.mdx': goodFront })).toEqual(['notes/empty.mdx:10: The note is empty: there is no text after the front matter.\n  Write the summary.']);
  });

  it('reports a title that is not a question, or too long', () => {
    const notQuestion = goodFront.replace('"Does it work?"', '"It works"') + '\nText.\n';
    expect(check({ 'notes/n.mdx': notQuestion })[0]).toMatch(/^notes\/n\.mdx:2: The front matter field "title" is wrong: expected a question ending in "\?"\./);
    const long = goodFront.replace('"Does it work?"', `"${'a'.repeat(2000)}?"`) + '\nText.\n';
    expect(check({ 'notes/n.mdx': long })[0]).toMatch(/^notes\/n\.mdx:2: The front matter field "title" is wrong: expected at most 200 characters/);
  });

  it('reports a file with no front matter, and YAML that does not parse', () => {
    expect(check({ 'notes/bare.mdx': 'Just text.\n' })[0]).toMatch(/^notes\/bare\.mdx:1: The note has no front matter\./);
    expect(check({ 'notes/y.mdx': '---\ntitle: Echo: a title?\n---\nText.\n' })[0]).toMatch(/^notes\/y\.mdx:2: The front matter is not valid YAML/);
  });

  it('requires one paper unless the note is a synthesis', () => {
    const two = goodFront.replace('papers:', 'papers:\n  - title: B\n    firstAuthor: B\n    year: 2024\n    arxiv: "2401.00001"') + '\nText.\n';
    expect(check({ 'notes/n.mdx': two })[0]).toMatch(/wrong: a note that is not a synthesis summarises exactly one paper; set synthesis: true/);
    expect(check({ 'notes/n.mdx': two.replace('themes:', 'synthesis: true\nthemes:') })).toEqual([]);
  });
});
