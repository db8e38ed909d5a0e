import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keptPages, manifestPages, removeAllBut, type Stamp } from '../../src/integrations/kept-output.ts';

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

describe('keptPages', () => {
  const manifest = JSON.stringify({ routes: { a: { paths: { '/a/': { outputFile: 'a/index.html' }, '/b/': { outputFile: 'b/index.html' }, '/c/': { outputFile: 'c/index.html' } } } } });
  const files: Record<string, [number, number]> = { '/out/a/index.html': [10, 1000], '/out/b/index.html': [12, 2000], '/out/c/index.html': [14, 3000] };
  const stat = (file: string) => files[file];
  const stampOf = (pages: Stamp['pages'], outDir = '/out'): Stamp => ({ outDir, manifest: createHash('sha256').update(manifest).digest('hex'), pages });

  it('keeps only the pages still as the last build left them: same size, same modification time', () => {
    const stamp = stampOf({ 'a/index.html': [10, 1000], 'b/index.html': [12, 1999], 'c/index.html': [15, 3000] });
    expect([...keptPages(manifest, stamp, '/out', stat)]).toEqual(['a/index.html']);
  });

  it('keeps nothing without a stamp, for another output folder, or for another manifest', () => {
    const all = { 'a/index.html': [10, 1000], 'b/index.html': [12, 2000], 'c/index.html': [14, 3000] } as Stamp['pages'];
    expect(keptPages(manifest, stampOf(all), '/out', stat).size).toBe(3);
    expect(keptPages(manifest, undefined, '/out', stat).size).toBe(0);
    expect(keptPages(manifest, stampOf(all, '/elsewhere'), '/out', stat).size).toBe(0);
    expect(keptPages(manifest, { ...stampOf(all), manifest: 'other' }, '/out', stat).size).toBe(0);
    expect(keptPages(undefined, stampOf(all), '/out', stat).size).toBe(0);
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
