import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRegistry, parseRegistry } from '../../src/catalog/claim-registry.ts';
import { createContentIndex } from '../../src/catalog/content-index.ts';
import { ContentError, formatProblem } from '../../src/catalog/problems.ts';
import { LOCAL_ORIGIN, readSettings } from '../../src/catalog/settings.ts';
import remarkCitations from '../../src/plugins/remark-citations.ts';
import remarkClaims from '../../src/plugins/remark-claims.ts';
import remarkContentRules from '../../src/plugins/remark-content-rules.ts';
import { indexClaims, landingIdProblems } from '../../src/site/claims.ts';
import { errorOf, renderMdx } from '../support/render-mdx.ts';

/**
 * Each authoring mistake on its own, through the function that reports it,
 * with the whole message the build prints, word for word. The build tests
 * (tests/build/authoring-errors.test.ts) build one fixture per path an error
 * takes, several mistakes in one where the path reports them together; these
 * pin what each mistake says alone, and the mistakes no fixture holds.
 */

const NOTE = `---
title: "What does the base note say?"
themes: [exploration]
papers:
  - title: A Paper
    firstAuthor: Ada Lovelace
    year: 2025
    arxiv: "2501.00001"
---

The base note says one thing.
`;
const ESSAY = `---
title: "Does the fixture build?"
standfirst: A fixture.
published: 2026-01-15
---

<Claim id="base-claim">The base claim cites the note [@base-note].</Claim>
`;

/** A project folder holding content/ with these files (paths inside content/; undefined leaves a file out). */
function project(files: Record<string, string | undefined>): string {
  const root = mkdtempSync(join(tmpdir(), 'authoring-'));
  for (const [path, text] of Object.entries(files)) {
    if (text === undefined) continue;
    mkdirSync(dirname(join(root, 'content', path)), { recursive: true });
    writeFileSync(join(root, 'content', path), text);
  }
  return root;
}

/** What the build prints when the content index finds problems (src/catalog/loaders/indexed.ts). */
function contentReport(files: Record<string, string | undefined>): string {
  const root = project({ 'essays/essay.mdx': ESSAY, 'notes/base-note.mdx': NOTE, ...files });
  const { problems } = createContentIndex(readSettings({ LOCAL_URL: LOCAL_ORIGIN }, root)).current();
  return new ContentError('The content has problems.', problems).message;
}

describe('the content index: one mistake alone', () => {
  it('two notes with one slug', () => {
    expect(contentReport({ 'notes/base-note.mdx': undefined, 'notes/first/base-note.mdx': NOTE, 'notes/second/base-note.mdx': NOTE.replace('What does the base note say?', 'Is this the same note?') }))
      .toBe(`The content has problems.

content/notes/second/base-note.mdx: Two notes have the slug "base-note": content/notes/first/base-note.mdx and content/notes/second/base-note.mdx.
  A slug is the note's URL, so it must be unique across folders: rename one of the two files.`);
  });

  it('a missing field (two of them, so the report counts them)', () => {
    expect(contentReport({ 'notes/base-note.mdx': '---\nthemes: [exploration]\n---\n\nA note without a title or papers.\n' })).toBe(`The content has problems. (2 problems)

content/notes/base-note.mdx:2: The front matter field "title" is missing; it is required.
  title: the note's question, ending in "?", at most 200 characters, such as "Does RL training collapse format diversity in pretrained models?".

content/notes/base-note.mdx:2: The front matter field "papers" is missing; it is required.
  papers: a list of papers, each with title, firstAuthor, year (a number) and arxiv (quoted, such as "2504.07912").`);
  });

  it('wrongly typed fields, in an essay and a note', () => {
    expect(contentReport({
      'essays/essay.mdx': ESSAY.replace('published: 2026-01-15', 'published: sometime soon'),
      'notes/base-note.mdx': NOTE.replace('themes: [exploration]', 'themes: exploration').replace('year: 2025', 'year: "last year"'),
    })).toBe(`The content has problems. (3 problems)

content/essays/essay.mdx:4: The front matter field "published" is wrong: expected a date written as YYYY-MM-DD.
  published: the date first published, as YYYY-MM-DD, such as 2026-11-29.

content/notes/base-note.mdx:3: The front matter field "themes" is wrong: invalid input: expected array, received string.
  themes: a list of one to six lowercase tags, such as [exploration, curriculum].

content/notes/base-note.mdx:7: The front matter field "papers[0].year" is wrong: invalid input: expected number, received string.
  papers: a list of papers, each with title, firstAuthor, year (a number) and arxiv (quoted, such as "2504.07912").`);
  });

  it('an empty note', () => {
    expect(contentReport({ 'notes/base-note.mdx': NOTE.replace('The base note says one thing.\n', '\n') })).toBe(`The content has problems.

content/notes/base-note.mdx:10: The note is empty: there is no text after the front matter.
  A note's body is its summary: write what the paper found, in a paragraph or two.`);
  });

  it('a file name that is not a slug', () => {
    expect(contentReport({ 'notes/base-note.mdx': undefined, 'notes/Base Note.mdx': NOTE })).toBe(`The content has problems.

content/notes/Base Note.mdx: The file name gives the note the slug "Base Note", which becomes its URL. The note slug "Base Note" contains spaces; use hyphens between words.
  Rename the file to "base-note.mdx".`);
  });

  it('a title over 200 characters', () => {
    expect(contentReport({ 'notes/base-note.mdx': NOTE.replace('What does the base note say?', `${'Why '.repeat(80)}Why?`) })).toBe(`The content has problems.

content/notes/base-note.mdx:2: The front matter field "title" is wrong: expected at most 200 characters: a title is one question; put detail in the body.
  title: the note's question, ending in "?", at most 200 characters, such as "Does RL training collapse format diversity in pretrained models?".`);
  });

  it('a claim registry that is not valid JSON, at its line', () => {
    const registry = '{\n  "base-claim": { "doc": "essays/essay" },\n  "other-claim": { "doc": "essays/essay" }\n  "third-claim": { "doc": "essays/essay" }\n}\n';
    expect(contentReport({ 'claims.json': registry })).toMatch(
      /^The content has problems\.\n\ncontent\/claims\.json:4:\d+: The claim registry is not valid JSON: [^\n]+\n {2}Fix the JSON, or run `npm run claims:publish` to rewrite the file\.$/,
    );
  });
});

/** An MDX file as Astro hands it to the remark plugins: the front matter blanked out, so lines and columns stay the file's. */
function asCompiled(text: string): string {
  return text.replace(/^---\n[\s\S]*?\n---/, (frontMatter) => frontMatter.replace(/[^\n]/g, ' '));
}

/** The site's remark plugins in the order astro.config.mjs runs them, on one file of a project at /project. */
function compile(path: string, text: string): Promise<unknown> {
  const notes = new Map([['base-note', { title: 'What does the base note say?' }]]);
  return renderMdx(asCompiled(text), [
    [remarkContentRules, { root: '/project' }],
    [remarkCitations, { root: '/project', notes: () => notes, noteHref: (id: string) => `/notes/${id}/` }],
    [remarkClaims, { root: '/project' }],
  ] as never, `/project/${path}`);
}

describe('the remark plugins: one mistake alone', () => {
  it('compiles the fixtures\' good files without a word', async () => {
    await expect(compile('content/essays/essay.mdx', ESSAY)).resolves.toBeDefined();
    await expect(compile('content/notes/base-note.mdx', NOTE)).resolves.toBeDefined();
  });

  it('a claim id that is not a slug', async () => {
    const essay = ESSAY.replace('<Claim id="base-claim">The base claim cites the note [@base-note].</Claim>', '<Claim id="Base Claim">The claim id has spaces and capitals [@base-note].</Claim>');
    expect(await errorOf(() => compile('content/essays/essay.mdx', essay))).toBe(`Claims in content/essays/essay.mdx are not valid.

content/essays/essay.mdx:7:1: Claim id "Base Claim" breaks a rule: The claim id "Base Claim" contains spaces; use hyphens between words.
  A claim id is a short lowercase slug, such as "base-claim".`);
  });

  it('a script in a note\'s summary', async () => {
    const note = NOTE.replace('The base note says one thing.\n', 'A summary with a script.\n\n<script>alert("owned")</script>\n');
    expect(await errorOf(() => compile('content/notes/base-note.mdx', note))).toBe(`content/notes/base-note.mdx uses something content may not.

content/notes/base-note.mdx:13:1: The text has the HTML tag <script>, which content may not use.
  Write formatting in Markdown (*emphasis*, [links](https://…)); the only components are <Claim>. For a literal "<", write \\<.`);
  });

  it('a citation of a note that does not exist', async () => {
    const essay = ESSAY.replace('<Claim id="base-claim">The base claim cites the note [@base-note].</Claim>', 'First paragraph.\n\n<Claim id="base-claim">The claim cites a note that is not there [@base-notes].</Claim>');
    expect(await errorOf(() => compile('content/essays/essay.mdx', essay))).toBe(`Citations in content/essays/essay.mdx could not be resolved.

content/essays/essay.mdx:9:66: The citation [@base-notes] names a note that does not exist.
  Did you mean "base-note"?`);
  });
});

describe('the checks across documents: one mistake alone', () => {
  const report = (problems: Parameters<typeof formatProblem>[0][]) => new ContentError('The content does not hold together.', problems).message;
  const claim = (id: string) => ({ id, text: 'A claim.', notes: ['base-note'], markers: [], line: 7, column: 1, block: 1 });
  const ref = (id: string) => ({ kind: 'essay' as const, id, title: 'Does the fixture build?', url: `/essays/${id}/`, file: `content/essays/${id}.mdx` });

  it('one claim id in two essays', () => {
    const { problems } = indexClaims([
      { doc: ref('another-essay'), claims: [claim('base-claim')], numberOf: () => 1 },
      { doc: ref('essay'), claims: [claim('base-claim')], numberOf: () => 1 },
    ]);
    expect(report(problems)).toBe(`The content does not hold together.

content/essays/essay.mdx:7:1: Claim id "base-claim" is used twice: at content/essays/another-essay.mdx:7:1 and here.
  A claim id is a permanent link across the whole site: give one of the two claims another id.`);
  });

  const files = { registry: 'content/claims.json', doc: (doc: string) => (doc === 'essays/essay' ? 'content/essays/essay.mdx' : undefined) };
  const current = [{ id: 'base-claim', doc: 'essays/essay', file: 'content/essays/essay.mdx', line: 7, column: 1 }];

  it('a published claim gone without a word', () => {
    const { registry } = parseRegistry('{\n  "base-claim": { "doc": "essays/essay" },\n  "vanished-claim": { "doc": "essays/essay" }\n}\n', 'content/claims.json');
    expect(report(checkRegistry(registry, current, files).problems)).toBe(`The content does not hold together.

content/claims.json:3: The published claim "vanished-claim" of content/essays/essay.mdx no longer exists, so links to it would break.
  Restore it; or, if it was reworded under a new id, add "moved": "new-claim-id" to its entry here; if it was withdrawn, add "retired": "why", "nearest": "claim-id". Keep the rest of the entry: its revisions are the claim's history.`);
  });

  it('a claim id moved to nowhere, at its line in the registry', () => {
    const { registry } = parseRegistry('{\n  "base-claim": { "doc": "essays/essay" },\n  "old-claim": { "doc": "essays/essay", "moved": "new-claim" }\n}\n', 'content/claims.json');
    expect(report(checkRegistry(registry, current, files).problems)).toBe(`The content does not hold together.

content/claims.json:3: The claim "old-claim" is recorded as moved, but "new-claim" is neither a claim nor in the registry.
  Point "moved" at a claim that exists.`);
  });

  describe('a published claim whose wording changed without a recorded revision', () => {
    const { registry } = parseRegistry(JSON.stringify({
      'base-claim': { doc: 'essays/essay', revisions: [
        { date: '2026-01-15', text: 'The first wording.', sources: ['base-note'] },
        { date: '2026-03-12', text: 'The “base” claim cites the note.', sources: ['base-note'] },
      ] },
    }, null, 2), 'content/claims.json');
    const now = (text: string, sources: string[]) => report(checkRegistry(registry, [{ ...current[0]!, text, sources }], files).unrecorded);
    const hint = '  If the change is meant, record it as revision 3, so links shared before it keep showing what the claim said then: run npm run claims:publish -- --reason "why it changed". If not, restore the published wording. (Spacing, quote marks and dashes alone do not count as a change.)';

    it('its words', () => {
      expect(now('The base claim cites a note.', ['base-note'])).toBe(`The content does not hold together.

content/essays/essay.mdx:7:1: The words of the published claim "base-claim" changed, and no revision records it. Revision 2 was published on 2026-03-12 as "The “base” claim cites the note."; the content now reads "The base claim cites a note."
${hint}`);
    });

    it('its cited notes', () => {
      expect(now('The "base" claim cites the note.', ['base-note', 'other-note'])).toBe(`The content does not hold together.

content/essays/essay.mdx:7:1: The cited notes of the published claim "base-claim" changed, and no revision records it. Revision 2 was published on 2026-03-12 citing [@base-note]; it now cites [@base-note; @other-note].
${hint}`);
    });

    it('both', () => {
      expect(now('Reworded.', [])).toBe(`The content does not hold together.

content/essays/essay.mdx:7:1: The words and cited notes of the published claim "base-claim" changed, and no revision records it. Revision 2 was published on 2026-03-12 as "The “base” claim cites the note.", citing [@base-note]; the content now reads "Reworded.", citing no notes.
${hint}`);
    });

    it('but not its spacing, quote marks or dashes', () => {
      expect(checkRegistry(registry, [{ ...current[0]!, text: ' The "base"  claim\ncites the note. ', sources: ['base-note'] }], files).unrecorded).toEqual([]);
    });

    it('nor a claim whose wording the caller does not know', () => {
      expect(checkRegistry(registry, current, files).unrecorded).toEqual([]);
    });
  });

  it('a published claim with no wording recorded', () => {
    const { registry } = parseRegistry('{\n  "base-claim": { "doc": "essays/essay" }\n}\n', 'content/claims.json');
    expect(report(checkRegistry(registry, [{ ...current[0]!, text: 'The base claim.', sources: [] }], files).unrecorded)).toBe(`The content does not hold together.

content/essays/essay.mdx:7:1: The published claim "base-claim" has no wording recorded in content/claims.json, so a later change to its words could not be noticed.
  Run npm run claims:publish to record its wording.`);
  });

  it('a revision record that does not parse', () => {
    const revisions = (list: unknown) => parseRegistry(JSON.stringify({ 'base-claim': { doc: 'essays/essay', revisions: list } }), 'content/claims.json').problems.map((p) => p.message);
    expect([
      ...revisions([{ date: '2026-13-45', text: 'x', sources: [] }]),
      ...revisions([{ date: '2026-01-15', sources: [] }]),
      ...revisions([{ date: '2026-01-15', text: 'x' }]),
      ...revisions([]),
      ...revisions([{ date: '2026-03-01', text: 'x', sources: [] }, { date: '2026-01-15', text: 'y', sources: [] }]),
      ...revisions([{ date: '2026-01-15', text: 'x', sources: [], why: 'z' }]),
    ]).toEqual([
      'Registry entry "base-claim": revision 1 has no valid "date" (found "2026-13-45", expected YYYY-MM-DD).',
      'Registry entry "base-claim": revision 1 has no "text".',
      'Registry entry "base-claim": revision 1 has no "sources" list of note slugs.',
      'Registry entry "base-claim": "revisions" must be a list of at least one revision.',
      'Registry entry "base-claim": revision 2 is dated 2026-01-15, before revision 1 (2026-03-01).',
      'Registry entry "base-claim": revision 1 has unknown fields: why.',
    ]);
  });
});

describe('new mistakes, each caught where it happens', () => {
  it('a heading inside a claim', async () => {
    const essay = ESSAY.replace('<Claim id="base-claim">The base claim cites the note [@base-note].</Claim>', '<Claim id="base-claim">\n\n## Where it starts\n\nThe base claim cites the note [@base-note].\n\n</Claim>');
    expect(await errorOf(() => compile('content/essays/essay.mdx', essay))).toBe(`Claims in content/essays/essay.mdx are not valid.

content/essays/essay.mdx:9:1: Claim "base-claim" holds a heading ("## Where it starts"); a claim holds running text only: a sentence, or a few paragraphs.
  Move it out of the claim: end the claim before it with </Claim>, or begin the claim after it.`);
  });

  it('a list inside a claim', async () => {
    const essay = ESSAY.replace('<Claim id="base-claim">The base claim cites the note [@base-note].</Claim>', '<Claim id="base-claim">\n\n- The base claim cites the note [@base-note].\n- A second item.\n\n</Claim>');
    expect(await errorOf(() => compile('content/essays/essay.mdx', essay))).toContain(`content/essays/essay.mdx:9:1: Claim "base-claim" holds a list; a claim holds running text only`);
  });

  it('curly quotes where YAML needs straight ones', () => {
    expect(contentReport({ 'notes/base-note.mdx': NOTE.replace('title: "What does the base note say?"', 'title: “What does the base note say?”') })).toBe(`The content has problems.

content/notes/base-note.mdx:2:8: The front matter field "title" is wrapped in curly quotes (“ ”), which YAML does not read as quotes: they would become part of the value.
  Use straight quotes, or none: title: "What does the base note say?"`);
  });

  it('curly quotes in a nested field, at its line', () => {
    expect(contentReport({ 'notes/base-note.mdx': NOTE.replace('  - title: A Paper', '  - title: ‘A Paper’') })).toBe(`The content has problems.

content/notes/base-note.mdx:5:12: The front matter field "papers[0].title" is wrapped in curly quotes (“ ”), which YAML does not read as quotes: they would become part of the value.
  Use straight quotes, or none: title: "A Paper"`);
  });

  it('a heading that takes the id a retired claim keeps on its page', () => {
    const landings = [{ kind: 'retired' as const, id: 'early-days', doc: 'essays/essay', reason: 'Withdrawn.', nearest: 'base-claim', nearestDoc: 'essays/essay' }];
    const headings = [{ depth: 2, text: 'Early days', id: 'early-days', line: 9, column: 1 }];
    const problems = landingIdProblems(landings, (doc) => (doc === 'essays/essay' ? { file: 'content/essays/essay.mdx', headings } : undefined));
    expect(new ContentError('The content does not hold together.', problems).message).toBe(`The content does not hold together.

content/essays/essay.mdx:9:1: The heading "## Early days" gets the id "early-days", which this page keeps for the retired claim "early-days", so that old links to it still land.
  Reword the heading: its id comes from its words.`);
  });
});
