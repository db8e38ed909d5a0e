import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPage, normalizeText } from '../support/html.ts';
import { allSites, siteBuild } from '../support/sites.ts';

/**
 * Each broken fixture under tests/fixtures/bad/ either fails the build with a
 * message that names the file and line and says what to do (pinned here word
 * for word, and listed in the README's "Authoring errors" table), or builds a
 * page that shows the text safely.
 */

const at = (name: string) => `tests/fixtures/bad/${name}/content`;

const failures: Record<string, string> = {
  'unknown-citation': `Citations in ${at('unknown-citation')}/essays/essay.mdx could not be resolved.

${at('unknown-citation')}/essays/essay.mdx:9:66: The citation [@base-notes] names a note that does not exist.
  Did you mean "base-note"?`,
  'duplicate-note-slug': `The content has problems.

${at('duplicate-note-slug')}/notes/second/base-note.mdx: Two notes have the slug "base-note": ${at('duplicate-note-slug')}/notes/first/base-note.mdx and ${at('duplicate-note-slug')}/notes/second/base-note.mdx.
  A slug is the note's URL, so it must be unique across folders: rename one of the two files.`,
  'missing-field': `The content has problems. (2 problems)

${at('missing-field')}/notes/base-note.mdx:2: The front matter field "title" is missing; it is required.
  title: the note's question, ending in "?", at most 200 characters, such as "Does RL training collapse format diversity in pretrained models?".

${at('missing-field')}/notes/base-note.mdx:2: The front matter field "papers" is missing; it is required.
  papers: a list of papers, each with title, firstAuthor, year (a number) and arxiv (quoted, such as "2504.07912").`,
  'wrong-type-field': `The content has problems. (3 problems)

${at('wrong-type-field')}/essays/essay.mdx:4: The front matter field "published" is wrong: expected a date written as YYYY-MM-DD.
  published: the date first published, as YYYY-MM-DD, such as 2026-11-29.

${at('wrong-type-field')}/notes/base-note.mdx:3: The front matter field "themes" is wrong: invalid input: expected array, received string.
  themes: a list of one to six lowercase tags, such as [exploration, curriculum].

${at('wrong-type-field')}/notes/base-note.mdx:7: The front matter field "papers[0].year" is wrong: invalid input: expected number, received string.
  papers: a list of papers, each with title, firstAuthor, year (a number) and arxiv (quoted, such as "2504.07912").`,
  'empty-note': `The content has problems.

${at('empty-note')}/notes/base-note.mdx:10: The note is empty: there is no text after the front matter.
  A note's body is its summary: write what the paper found, in a paragraph or two.`,
  'script-in-summary': `${at('script-in-summary')}/notes/base-note.mdx uses something content may not.

${at('script-in-summary')}/notes/base-note.mdx:13:1: The text has the HTML tag <script>, which content may not use.
  Write formatting in Markdown (*emphasis*, [links](https://…)); the only components are <Claim>. For a literal "<", write \\<.`,
  'bad-claim-id': `Claims in ${at('bad-claim-id')}/essays/essay.mdx are not valid.

${at('bad-claim-id')}/essays/essay.mdx:7:1: Claim id "Base Claim" breaks a rule: The claim id "Base Claim" contains spaces; use hyphens between words.
  A claim id is a short lowercase slug, such as "base-claim".`,
  'bad-note-slug': `The content has problems.

${at('bad-note-slug')}/notes/Base Note.mdx: The file name gives the note the slug "Base Note", which becomes its URL. The note slug "Base Note" contains spaces; use hyphens between words.
  Rename the file to "base-note.mdx".`,
  'long-title': `The content has problems.

${at('long-title')}/notes/base-note.mdx:2: The front matter field "title" is wrong: expected at most 200 characters: a title is one question; put detail in the body.
  title: the note's question, ending in "?", at most 200 characters, such as "Does RL training collapse format diversity in pretrained models?".`,
  'duplicate-claim-id': `The content does not hold together.

${at('duplicate-claim-id')}/essays/essay.mdx:7:1: Claim id "base-claim" is used twice: at ${at('duplicate-claim-id')}/essays/another-essay.mdx:7:1 and here.
  A claim id is a permanent link across the whole site: give one of the two claims another id.`,
  'sections-mismatch': `The content does not hold together.

${at('sections-mismatch')}/essays/essay.mdx: The front matter lists the sections ["First part","Renamed part"], but the body's "##" headings are ["First part","Second part"].
  Make the two agree: links to a section break when it is renamed, so change the list only on purpose.`,
  'malformed-mdx-tag': `${at('malformed-mdx-tag')}/essays/essay.mdx:9:1: Expected a closing tag for \`<Claim>\` (9:1-9:24) before the end of \`paragraph\`
  Close the tag: write </Claim> where the passage ends, in the same paragraph as <Claim>.`,
};

describe('broken content fails the build with a clear message', () => {
  for (const [name, message] of Object.entries(failures)) {
    it(name, () => {
      const build = siteBuild(`bad-${name}`);
      expect(build.exitCode).not.toBe(0);
      expect(build.output).toContain(message);
    });
  }
});

describe('unusual but valid content renders safely', () => {
  it('shows HTML in a title or standfirst as text, never as markup', () => {
    // The site's own scripts are bundled module files; any other <script> came from content.
    const build = siteBuild('bad-html-in-title');
    expect(build.exitCode, build.output).toBe(0);
    const note = loadPage(build.outDir, '/notes/base-note/');
    expect(note('h1').text()).toBe("<script>alert('x')</script> Is this title escaped?");
    // JSON-LD data blocks hold the title as data, never run, with "<" escaped so it cannot close the element.
    expect(note('script:not([type="application/ld+json"])').filter((_, el) => note(el).text().includes('alert')).length).toBe(0);
    expect(note('script[type="application/ld+json"]').text()).toContain('alert');
    expect(note('script[type="application/ld+json"]').text()).not.toContain('<');
    const essay = loadPage(build.outDir, '/essays/essay/');
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
    expect(built.map((build) => build.name)).toContain('bad-html-in-title');
    for (const build of built) expect(build.output, build.name).not.toContain('does not exist or is empty');
  });

  it('renders non-Latin scripts intact', () => {
    const build = siteBuild('bad-non-latin-text');
    expect(build.exitCode, build.output).toBe(0);
    const essay = loadPage(build.outDir, '/essays/essay/');
    expect(essay('h1').text()).toBe('強化学習は推論の何を変えるのか？');
    expect(normalizeText(essay('#base-claim').text())).toContain('強化学習は事前学習で得た振る舞いを増幅する');
    expect(essay('.source-title').text()).toBe('RL は形式の多様性を失わせるのか？');
  });

  it('lays right-to-left text out right to left', () => {
    const build = siteBuild('bad-rtl-text');
    expect(build.exitCode, build.output).toBe(0);
    const essay = loadPage(build.outDir, '/essays/essay/');
    expect(essay('h1').attr('dir')).toBe('auto');
    expect(essay('.essay-body').attr('dir')).toBe('auto');
    expect(essay('.source-summary').attr('dir')).toBe('auto');
    expect(essay('h1').text()).toBe('ماذا يغيّر التعلم المعزز في الاستدلال؟');
    const note = loadPage(build.outDir, '/notes/base-note/');
    expect(note('.note-summary').attr('dir')).toBe('auto');
  });
});
