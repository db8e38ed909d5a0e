import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { manifestPages, removeAllBut } from '../../src/integrations/kept-output.ts';

const dir = mkdtempSync(join(tmpdir(), 'kept-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function files(root: string): string[] {
  return (readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[]).sort();
}

describe('manifestPages', () => {
  it("lists the output files of Astro's manifest as paths in the output folder, decoded", () => {
    const manifest = JSON.stringify({ routes: { a: { paths: { '/notes/x/': { outputFile: 'notes/x/index.html' }, '/notes/é/': { outputFile: 'notes/%C3%A9/index.html' } } }, b: { paths: {} } } });
    expect([...manifestPages(manifest, '/out')].sort()).toEqual(['notes/x/index.html', 'notes/é/index.html']);
  });
});

describe('removeAllBut', () => {
  it('removes every file but the kept ones, and the folders left empty, leaving .git', () => {
    const out = join(dir, 'out');
    for (const file of ['notes/a/index.html', 'notes/a/card.png', 'notes/b/index.html', 'pagefind/fragment/x.pf_fragment', 'index.html', '.git/HEAD']) {
      mkdirSync(join(out, file, '..'), { recursive: true });
      writeFileSync(join(out, file), file);
    }
    const removed: string[] = [];
    const count = removeAllBut(out, new Set(['notes/a/index.html']), (path) => {
      removed.push(path.slice(out.length + 1));
      rmSync(path, { recursive: true });
    });
    expect(files(out)).toEqual(['.git', '.git/HEAD', 'notes', 'notes/a', 'notes/a/index.html']);
    // A folder holding nothing kept goes whole; its files are counted.
    expect(removed.sort()).toEqual(['index.html', 'notes/a/card.png', 'notes/b', 'pagefind']);
    expect(count).toBe(4);
  });
});
