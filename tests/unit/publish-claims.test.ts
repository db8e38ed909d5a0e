import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRegistry } from '../../src/catalog/claim-registry.ts';
import { runClaimsPublish } from '../support/claims-publish.ts';
import { PROJECT } from '../support/sites.ts';

/**
 * npm run claims:publish on a copy of the good fixture with one published
 * claim reworded: without --reason it writes nothing and names the claim; with
 * one it appends revision 2, keeping revision 1.
 */
const dir = mkdtempSync(join(tmpdir(), 'publish-claims-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const publish = (...args: string[]) => runClaimsPublish(dir, args);

describe('npm run claims:publish with a reworded claim', () => {
  cpSync(join(PROJECT, 'tests', 'fixtures', 'good', 'content'), dir, { recursive: true });
  const registryFile = join(dir, 'claims.json');
  const before = readFileSync(registryFile, 'utf8');
  const { registry } = parseRegistry(before, registryFile);
  const [id, entry] = [...registry].find(([, e]) => e.revisions?.length === 1 && e.doc.startsWith('essays/'))!;
  const published = entry.revisions![0]!;
  const essay = join(dir, `${entry.doc}.mdx`);
  const firstWord = published.text.split(' ')[0]!;
  writeFileSync(essay, readFileSync(essay, 'utf8').replace(`<Claim id="${id}">${firstWord}`, `<Claim id="${id}">Reworded`));

  it('refuses without a reason, naming the claim, and writes nothing', async () => {
    const { code, out } = await publish('--date=2027-03-12');
    expect(code).toBe(1);
    expect(out).toContain('A published claim was reworded; a new revision needs a reason. Nothing was written.');
    expect(out).toContain(`  ${id} (${entry.doc}), revision 2:`);
    expect(out).toContain(`published ${published.date}: "${published.text}"`);
    expect(out).toContain('npm run claims:publish -- --reason "why it changed"');
    expect(readFileSync(registryFile, 'utf8')).toBe(before);
  });

  it('with a reason, appends revision 2 dated --date and keeps revision 1', async () => {
    const { code, out } = await publish('--reason', 'Sharper.', '--date=2027-03-12');
    expect(code, out).toBe(0);
    expect(out).toContain(`Recorded revision 2 of ${id} (2027-03-12, words changed: "Sharper."): "Reworded`);
    const after = parseRegistry(readFileSync(registryFile, 'utf8'), registryFile).registry;
    expect(after.get(id)?.revisions?.[0]).toEqual(published);
    expect(after.get(id)?.revisions?.[1]).toMatchObject({ date: '2027-03-12', reason: 'Sharper.', sources: published.sources });
    expect(after.get(id)?.revisions?.[1]?.text).toBe(published.text.replace(firstWord, 'Reworded'));
    // Every other entry is as it was (the fixture's unpublished claim is published, with revision 1 dated --date).
    for (const [other, e] of registry) if (other !== id) expect(after.get(other), other).toEqual({ ...e, line: after.get(other)?.line });
  });
});
