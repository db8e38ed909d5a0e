import { describe, expect, it } from 'vitest';
import { aliasesFor, checkRegistry, formatRegistry, parseRegistry, publishClaims, type CurrentClaim } from '../../src/catalog/claim-registry.ts';
import { formatProblem } from '../../src/catalog/problems.ts';

const file = 'content/claims.json';
const claim = (id: string, doc = 'essays/e'): CurrentClaim => ({ id, doc, file: `content/${doc}.mdx`, line: 3, column: 1 });
const registryOf = (data: object) => parseRegistry(JSON.stringify(data, null, 2), file).registry;
const files = { registry: file, doc: (doc: string) => (doc === 'essays/e' ? 'content/essays/e.mdx' : undefined) };

describe('parseRegistry', () => {
  it('reads entries with their lines', () => {
    const { registry, problems } = parseRegistry('{\n  "a-claim": { "doc": "essays/e" },\n  "old": { "doc": "essays/e", "moved": "a-claim" }\n}', file);
    expect(problems).toEqual([]);
    expect(registry.get('old')).toEqual({ doc: 'essays/e', moved: 'a-claim', retired: undefined, nearest: undefined, line: 3 });
  });

  it('reports broken JSON at its line', () => {
    const { problems } = parseRegistry('{\n  "a": { "doc": "essays/e" }\n  "b": { "doc": "essays/e" }\n}', file);
    expect(problems[0]?.location.line).toBe(3);
    expect(problems[0]?.message).toMatch(/^The claim registry is not valid JSON/);
  });

  it('reports entries of the wrong shape, each with the rule it broke', () => {
    const { problems } = parseRegistry(JSON.stringify({
      'Bad Id': { doc: 'essays/e' },
      'no-doc': {},
      both: { doc: 'essays/e', moved: 'x', retired: 'y', nearest: 'x' },
      'half-retired': { doc: 'essays/e', retired: 'why' },
      extra: { doc: 'essays/e', note: 'x' },
    }, null, 2), file);
    expect(problems.map((p) => p.message)).toEqual([
      'Registry entry "Bad Id": The claim id "Bad Id" contains spaces; use hyphens between words.',
      'Registry entry "no-doc" has no valid "doc".',
      'Registry entry "both" is both moved and retired.',
      'Registry entry "half-retired" is retired without a reason and a nearest claim.',
      'Registry entry "extra" has unknown fields: note.',
    ]);
  });
});

describe('checkRegistry', () => {
  it('accepts published claims that still exist, and lists the ones not yet published', () => {
    const result = checkRegistry(registryOf({ a: { doc: 'essays/e' } }), [claim('a'), claim('b')], files);
    expect(result.problems).toEqual([]);
    expect(result.unpublished.map((c) => c.id)).toEqual(['b']);
  });

  it('fails when a published claim is gone without a word, at its line in the registry, naming its file', () => {
    const { problems } = checkRegistry(registryOf({ a: { doc: 'essays/e' }, gone: { doc: 'essays/e' } }), [claim('a')], files);
    expect(problems.map(formatProblem)).toEqual([
      'content/claims.json:5: The published claim "gone" of content/essays/e.mdx no longer exists, so links to it would break.\n' +
        '  Restore it; or, if it was reworded under a new id, add "moved": "new-claim-id" to its entry here; if it was withdrawn, add "retired": "why", "nearest": "claim-id". Keep the rest of the entry: its revisions are the claim\'s history.',
    ]);
  });

  it('names the likely successor of a vanished claim: the only unpublished claim on its page, or the one with the closest id', () => {
    const registry = registryOf({ a: { doc: 'essays/e' }, 'rewards-as-catalyst': { doc: 'essays/e' } });
    const only = checkRegistry(registry, [claim('a'), claim('rewards-as-a-catalyst'), claim('elsewhere', 'essays/f')], files).problems.map(formatProblem);
    expect(only).toEqual([
      'content/essays/e.mdx:3:1: The published claim "rewards-as-catalyst" no longer exists, so links to it would break. "rewards-as-a-catalyst" here, the only claim on this page not yet published, looks like its successor.\n' +
        '  If it is, add "moved": "rewards-as-a-catalyst" to the entry of "rewards-as-catalyst" at content/claims.json:5, keeping the rest (its revisions are its history), and run "npm run claims:publish" to publish "rewards-as-a-catalyst". If not, restore "rewards-as-catalyst", or record it as withdrawn: add "retired": "why", "nearest": "claim-id" to that entry.',
    ]);
    const closest = checkRegistry(registry, [claim('a'), claim('unrelated-new-point'), claim('rewards-catalyse')], files).problems;
    expect(closest[0]!.message).toContain('"rewards-catalyse" here, of the claims on this page not yet published the one whose id is closest to it, looks like its successor.');
  });

  it('fails when a published claim moved to another page under the same id', () => {
    const { problems } = checkRegistry(registryOf({ a: { doc: 'essays/e' } }), [claim('a', 'essays/f')], files);
    expect(problems[0]?.message).toBe('The claim "a" was published in essays/e and is now in essays/f, so links to it there would break.');
  });

  it('lands a moved id on its successor: an alias on the same page, a note on another', () => {
    const registry = registryOf({ old: { doc: 'essays/e', moved: 'new' }, older: { doc: 'essays/e', moved: 'old' }, away: { doc: 'essays/e', moved: 'there' } });
    const { problems, landings } = checkRegistry(registry, [claim('new'), claim('there', 'essays/f')], files);
    expect(problems).toEqual([]);
    expect(landings).toEqual([
      { kind: 'alias', id: 'old', doc: 'essays/e', target: 'new' },
      { kind: 'alias', id: 'older', doc: 'essays/e', target: 'new' },
      { kind: 'moved-away', id: 'away', doc: 'essays/e', target: 'there', targetDoc: 'essays/f' },
    ]);
  });

  it('lands a retired id on a note that links to the nearest claim', () => {
    const { landings } = checkRegistry(registryOf({ gone: { doc: 'essays/e', retired: 'Withdrawn.', nearest: 'a' } }), [claim('a')], files);
    expect(landings).toEqual([{ kind: 'retired', id: 'gone', doc: 'essays/e', reason: 'Withdrawn.', nearest: 'a', nearestDoc: 'essays/e' }]);
  });

  it('fails on a move to nowhere, a circle of moves, a missing nearest claim, and an id reused', () => {
    const registry = registryOf({
      lost: { doc: 'essays/e', moved: 'nowhere' },
      x: { doc: 'essays/e', moved: 'y' },
      y: { doc: 'essays/e', moved: 'x' },
      gone: { doc: 'essays/e', retired: 'Why.', nearest: 'missing' },
      reused: { doc: 'essays/e', moved: 'a' },
    });
    const { problems } = checkRegistry(registry, [claim('a'), claim('reused')], files);
    expect(problems.map((p) => p.message)).toEqual([
      'The claim "lost" is recorded as moved, but "nowhere" is neither a claim nor in the registry.',
      'The claim "x" is recorded as moved, but its moves go round in a circle: x → y → x.',
      'The claim "y" is recorded as moved, but its moves go round in a circle: y → x → y.',
      'The retired claim "gone" names the nearest claim "missing", which does not exist.',
      'The claim id "reused" is recorded as moved in content/claims.json, but a claim at content/essays/e.mdx:3:1 uses it again.',
    ]);
  });
});

describe('aliasesFor', () => {
  it('finds the old ids of this page that moved, in one step or several, to each claim here', () => {
    const registry = registryOf({ old: { doc: 'essays/e', moved: 'new' }, older: { doc: 'essays/e', moved: 'old' }, elsewhere: { doc: 'essays/f', moved: 'new' } });
    expect(aliasesFor('essays/e', new Set(['new']), registry)).toEqual(new Map([['new', ['old', 'older']]]));
  });
});

describe('publishClaims and formatRegistry', () => {
  it('adds the claims not yet published, keeps every entry, and writes them sorted', () => {
    const { registry, added } = publishClaims(registryOf({ z: { doc: 'essays/e' }, old: { doc: 'essays/e', moved: 'z' } }), [claim('z'), claim('a')]);
    expect(added).toEqual(['a']);
    expect(formatRegistry(registry)).toBe(
      '{\n  "a": {\n    "doc": "essays/e"\n  },\n  "old": {\n    "doc": "essays/e",\n    "moved": "z"\n  },\n  "z": {\n    "doc": "essays/e"\n  }\n}\n',
    );
  });
});
