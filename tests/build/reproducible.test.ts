import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { allPages } from '../support/html.ts';
import { siteBuild } from '../support/sites.ts';

/**
 * Two clean builds of the same commit (each in its own folder, with its own
 * cold cache) are byte-identical. They build the fixture that exercises every
 * feature (moved and retired claim ids, notes in subfolders, share pictures,
 * the search index), which runs the same code as the real site in less time.
 */

function digests(dir: string): Map<string, string> {
  const files = (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => statSync(join(dir, f)).isFile()).sort();
  return new Map(files.map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
}

it('builds byte-identical output twice from the same commit', () => {
  const [first, second] = [siteBuild('good'), siteBuild('good-again')];
  expect(first.exitCode).toBe(0);
  expect(second.exitCode).toBe(0);
  const a = digests(first.outDir);
  const b = digests(second.outDir);
  expect([...b.keys()]).toEqual([...a.keys()]);
  const differing = [...a].filter(([file, hash]) => b.get(file) !== hash).map(([file]) => file);
  expect(differing).toEqual([]);
  // Every page is compared, and the files beside them: style sheets, scripts, pictures, the search index.
  const pages = allPages(first.outDir);
  expect(pages.length).toBeGreaterThan(3);
  expect(a.size).toBeGreaterThan(pages.length);
  expect([...a.keys()].some((f) => f.endsWith('card.png'))).toBe(true);
  expect([...a.keys()].some((f) => f.startsWith('pagefind/'))).toBe(true);
});
