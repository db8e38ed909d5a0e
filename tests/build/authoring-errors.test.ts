import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPage, normalizeText } from '../support/html.ts';
import { allSites, errorFixtureContent, errorFixtureNames, siteBuild } from '../support/sites.ts';

/**
 * Broken content fails the build with messages that name the file and line
 * and say what to do (pinned here word for word, and listed in docs/writing.md's
 * "Authoring errors" table). One fixture under tests/fixtures/errors/ per path
 * an error can take through the build; each mistake of a path that is not in
 * its fixture has its message pinned by a unit test of the function that
 * makes it (tests/unit/authoring-errors.test.ts). Unusual content that must
 * build is in tests/fixtures/edge/.
 */

const at = errorFixtureContent;
/** Where a message quotes JSON.parse, whose wording (and the column it gives) is Node's, not the project's. */
const JSON_ERROR = '\u0000';
/** The message as a pattern: exact, but for the part JSON.parse wrote. */
const pattern = (message: string) => new RegExp(message.split(JSON_ERROR).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^\\n]+'));

const failures: Record<string, string> = {
  // (a) The content index (src/catalog/content-index.ts), before any page compiles: every
  // problem in the content folders and the claim registry, in one report.
  'content-check': `The content has problems. (12 problems)

${at('content-check')}/essays/essay.mdx:4: The front matter field "published" is wrong: expected a date written as YYYY-MM-DD.
  published: the date first published, as YYYY-MM-DD, such as 2026-11-29.

${at('content-check')}/notes/Base Note.mdx: The file name gives the note the slug "Base Note", which becomes its URL. The note slug "Base Note" contains spaces; use hyphens between words.
  Rename the file to "base-note.mdx".

${at('content-check')}/notes/second/base-note.mdx: Two notes have the slug "base-note": ${at('content-check')}/notes/first/base-note.mdx and ${at('content-check')}/notes/second/base-note.mdx.
  A slug is the note's URL, so it must be unique across folders: rename one of the two files.

${at('content-check')}/notes/curly-title.mdx:2:8: The front matter field "title" is wrapped in curly quotes (“ ”), which YAML does not read as quotes: they would become part of the value.
  Use straight quotes, or none: title: "Does a title typed with curly quotes pass?"

${at('content-check')}/notes/empty-note.mdx:10: The note is empty: there is no text after the front matter.
  A note's body is its summary: write what the paper found, in a paragraph or two.

${at('content-check')}/notes/long-title.mdx:2: The front matter field "title" is wrong: expected at most 200 characters: a title is one question; put detail in the body.
  title: the note's question, ending in "?", at most 200 characters, such as "Does RL training collapse format diversity in pretrained models?".

${at('content-check')}/notes/missing-field.mdx:2: The front matter field "title" is missing; it is required.
  title: the note's question, ending in "?", at most 200 characters, such as "Does RL training collapse format diversity in pretrained models?".

${at('content-check')}/notes/missing-field.mdx:2: The front matter field "papers" is missing; it is required.
  papers: a list of papers, each with title, firstAuthor, year (a number) and arxiv (quoted, such as "2504.07912").

${at('content-check')}/notes/wrong-type-field.mdx:3: The front matter field "themes" is wrong: invalid input: expected array, received string.
  themes: a list of one to six lowercase tags, such as [exploration, curriculum].

${at('content-check')}/notes/wrong-type-field.mdx:7: The front matter field "papers[0].year" is wrong: invalid input: expected number, received string.
  papers: a list of papers, each with title, firstAuthor, year (a number) and arxiv (quoted, such as "2504.07912").

${at('content-check')}/claims.json:2: Registry entry "base-claim": revision 1 has no valid "date" (found "29 November 2026", expected YYYY-MM-DD).
  Each revision is { "date": "YYYY-MM-DD", "text": "the wording", "sources": ["note-slug"] }, with an optional "reason". Correct it by hand to what was published: revisions are the claim's history, which \`npm run claims:publish\` only adds to.

${at('content-check')}/claims.json:5: Registry entry "other-claim": revision 1 has no "text".
  Each revision is { "date": "YYYY-MM-DD", "text": "the wording", "sources": ["note-slug"] }, with an optional "reason". Correct it by hand to what was published: revisions are the claim's history, which \`npm run claims:publish\` only adds to.`,
  // (b) A remark plugin, while an MDX file compiles: the first file to fail stops the build,
  // so this fixture holds one mistake (the others' messages: tests/unit/authoring-errors.test.ts).
  'remark-plugin': `Citations in ${at('remark-plugin')}/essays/essay.mdx could not be resolved.

${at('remark-plugin')}/essays/essay.mdx:9:66: The citation [@base-notes] names a note that does not exist.
  Did you mean "base-note"?`,
  // (c) MDX's own parser, its message given a place and a fix by src/integrations/mdx-error-hints.ts.
  'mdx-syntax': `${at('mdx-syntax')}/essays/essay.mdx:9:1: Expected a closing tag for \`<Claim>\` (9:1-9:24) before the end of \`paragraph\`
  Close the tag: write </Claim> where the passage ends, in the same paragraph as <Claim>.`,
  // (d) The checks across documents (src/site/corpus.ts), once every page has compiled: one report.
  'cross-document': `The content does not hold together. (7 problems)

${at('cross-document')}/essays/sections.mdx:12:1: The front matter lists the sections ["First part","Renamed part"], but the body's "##" headings are ["First part","Second part"].
  Make the two agree: links to a section break when it is renamed, so change the list only on purpose.

${at('cross-document')}/essays/essay.mdx:7:1: Claim id "base-claim" is used twice: at ${at('cross-document')}/essays/another-essay.mdx:7:1 and here.
  A claim id is a permanent link across the whole site: give one of the two claims another id.

${at('cross-document')}/claims.json:2: The published claim "vanished-claim" of ${at('cross-document')}/essays/essay.mdx no longer exists, so links to it would break.
  Restore it; or, if it was reworded under a new id, add "moved": "new-claim-id" to its entry here; if it was withdrawn, add "retired": "why", "nearest": "claim-id". Keep the rest of the entry: its revisions are the claim's history.

${at('cross-document')}/claims.json:3: The claim "old-claim" is recorded as moved, but "new-claim" is neither a claim nor in the registry.
  Point "moved" at a claim that exists.

${at('cross-document')}/essays/sections.mdx:10:1: The published claim "first-part-point" no longer exists, so links to it would break. "first-part-claim" here, the only claim on this page not yet published, looks like its successor.
  If it is, add "moved": "first-part-claim" to the entry of "first-part-point" at ${at('cross-document')}/claims.json:4, keeping the rest (its revisions are its history), and run "npm run claims:publish" to publish "first-part-claim". If not, restore "first-part-point", or record it as withdrawn: add "retired": "why", "nearest": "claim-id" to that entry.

${at('cross-document')}/essays/essay.mdx:9:1: The words of the published claim "reworded-claim" changed, and no revision records it. Revision 1 was published on 2026-01-15 as "The claim said this first."; the content now reads "The claim now says something else."
  If the change is meant, record it as revision 2, so links shared before it keep showing what the claim said then: run npm run claims:publish -- --reason "why it changed". If not, restore the published wording. (Spacing, quote marks and dashes alone do not count as a change.)

${at('cross-document')}/essays/essay.mdx:9:86: The published claim "unrecorded-claim" has no wording recorded in ${at('cross-document')}/claims.json, so a later change to its words could not be noticed.
  Run npm run claims:publish to record its wording.`,
};

describe('broken content fails the build with a clear message', () => {
  it('has a message pinned for every error fixture, and a fixture for every message', () => {
    expect(errorFixtureNames()).toEqual(Object.keys(failures).sort());
  });

  for (const [name, message] of Object.entries(failures)) {
    it(name, () => {
      const build = siteBuild(`errors-${name}`);
      expect(build.exitCode).not.toBe(0);
      expect(build.output).toMatch(pattern(message));
    });
  }
});

describe('unusual but valid content renders safely', () => {
  it('shows HTML in a title or standfirst as text, never as markup', () => {
    // The site's own scripts are bundled module files; any other <script> came from content.
    const build = siteBuild('edge');
    expect(build.exitCode, build.output).toBe(0);
    const note = loadPage(build.outDir, '/notes/html-in-title/');
    expect(note('h1').text()).toBe("<script>alert('x')</script> Is this title escaped?");
    // JSON-LD data blocks hold the title as data, never run, with "<" escaped so it cannot close the element.
    expect(note('script:not([type="application/ld+json"])').filter((_, el) => note(el).text().includes('alert')).length).toBe(0);
    expect(note('script[type="application/ld+json"]').text()).toContain('alert');
    expect(note('script[type="application/ld+json"]').text()).not.toContain('<');
    const essay = loadPage(build.outDir, '/essays/html-in-title/');
    expect(essay('h1').text()).toBe('Does <em>markup</em> in a title stay text?');
    expect(essay('h1 em').length).toBe(0);
    expect(essay('.standfirst').text()).toBe('A standfirst with <script>alert(1)</script> in it.');
    expect(essay('script:not([type="application/ld+json"])').filter((_, el) => essay(el).text().includes('alert')).length).toBe(0);
    expect(essay('script[type="application/ld+json"]').text()).not.toContain('<');
    expect(essay('title').text()).toContain('Does <em>markup</em> in a title stay text?');
  });

  it('builds a site with no claim registry yet without telling its author to look for an error', () => {
    // Astro warns of any empty collection as if the content config were wrong.
    const unregistered = allSites().filter((site) => !existsSync(join(site.contentDir, 'claims.json')));
    const built = unregistered.map((site) => siteBuild(site.name)).filter((build) => build.exitCode === 0);
    expect(built.map((build) => build.name)).toContain('edge');
    for (const build of built) expect(build.output, build.name).not.toContain('does not exist or is empty');
  });

  it('renders non-Latin scripts intact', () => {
    const build = siteBuild('edge');
    expect(build.exitCode, build.output).toBe(0);
    const essay = loadPage(build.outDir, '/essays/non-latin-text/');
    expect(essay('h1').text()).toBe('強化学習は推論の何を変えるのか？');
    expect(normalizeText(essay('#non-latin-claim').text())).toContain('強化学習は事前学習で得た振る舞いを増幅する');
    expect(essay('.source-title').text()).toBe('RL は形式の多様性を失わせるのか？');
  });

  it('lays right-to-left text out right to left', () => {
    const build = siteBuild('edge');
    expect(build.exitCode, build.output).toBe(0);
    const essay = loadPage(build.outDir, '/essays/rtl-text/');
    expect(essay('h1').attr('dir')).toBe('auto');
    expect(essay('.essay-body').attr('dir')).toBe('auto');
    expect(essay('.source-summary').attr('dir')).toBe('auto');
    expect(essay('h1').text()).toBe('ماذا يغيّر التعلم المعزز في الاستدلال؟');
    const note = loadPage(build.outDir, '/notes/rtl-text/');
    expect(note('.note-summary').attr('dir')).toBe('auto');
  });
});
