import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * docs/architecture.md walks one build through the code: every file and folder
 * it names must exist, so that a newcomer following it never hits a dead end
 * after a move.
 */
const PROJECT = join(import.meta.dirname, '..', '..');
const doc = readFileSync(join(PROJECT, 'docs', 'architecture.md'), 'utf8');

/** Backticked paths from the project's root (`src/site/corpus.ts`, `tests/unit/`, `astro.config.mjs`). */
function namedPaths(text: string): string[] {
  return [...text.matchAll(/`((?:src|tests|tools|bench|content|docs)\/[^`\s]*|[\w.-]+\.(?:mjs|md))`/g)].map((m) => m[1]!);
}

describe('docs/architecture.md', () => {
  it('names files by their path from the root, and only files and folders that exist', () => {
    expect([...doc.matchAll(/`([\w-]+\.(?:ts|astro))`/g)].map((m) => m[1]), 'a bare file name: write its path').toEqual([]);
    const paths = namedPaths(doc);
    expect(paths.length).toBeGreaterThan(40);
    expect(paths.filter((p) => !existsSync(join(PROJECT, p)))).toEqual([]);
  });

  it('names every folder of src/', () => {
    for (const folder of ['catalog', 'plugins', 'markdown', 'site', 'formats', 'integrations', 'pages', 'layouts', 'components', 'client']) {
      expect(doc).toContain(`src/${folder}/`);
    }
  });
});
