import { describe, expect, it } from 'vitest';
import remarkClaims from '../../src/plugins/remark-claims.ts';
import remarkContentRules from '../../src/plugins/remark-content-rules.ts';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { errorOf, renderMdx } from '../support/render-mdx.ts';

const render = (md: string) => renderMdx(md, [[remarkContentRules, { root: '/project' }], [remarkClaims, { root: '/project' }]] as never);

describe('remark-content-rules', () => {
  it('lets Markdown and <Claim> through', async () => {
    const { html, derived } = await render('Some *text* and <Claim id="a">a claim</Claim>.');
    expect(html.replace(/<span class="claim-tools".*?<\/a><\/span><\/span>/, '')).toBe('<p>Some <em>text</em> and <span id="a" class="claim" data-claim="a">a claim</span>.</p>');
    expect(derived.claims.map((c) => c.id)).toEqual(['a']);
  });

  it('stops raw HTML such as a script at its line', async () => {
    expect(await errorOf(() => render('Text.\n\n<script>alert(1)</script>'))).toBe(
      'content/essays/test.mdx uses something content may not.\n\ncontent/essays/test.mdx:3:1: The text has the HTML tag <script>, which content may not use.\n  Write formatting in Markdown (*emphasis*, [links](https://…)); the only components are <Claim>. For a literal "<", write \\<.',
    );
  });

  it('stops unknown components, imports and expressions', async () => {
    expect(await errorOf(() => render('<Claimm id="a">x</Claimm>'))).toContain('The text uses the component <Claimm>, which does not exist.');
    expect(await errorOf(() => render('import X from "y"\n\nText.'))).toContain('The file has an import or export statement.');
    expect(await errorOf(() => render('A set {x, y}.'))).toContain('content/essays/test.mdx:1:7: The text has an MDX expression {x, y}.\n  Curly braces run code in MDX. For a literal brace, write \\{ instead.');
  });

  it('in a .md file, where Markdown has no components, says a <Claim> needs an .mdx file', async () => {
    const processor = unified().use(remarkParse).use(remarkContentRules, { root: '/project' });
    const file = new VFile({ path: '/project/content/notes/base-note.md', value: 'A summary.\n\n<Claim id="a">A claim.</Claim>\n' });
    expect(await errorOf(async () => processor.run(processor.parse(file), file))).toBe(`content/notes/base-note.md uses something content may not.

content/notes/base-note.md:3:1: The text has <Claim>, which only .mdx files can use: in a .md file it is raw HTML.
  Rename content/notes/base-note.md to end in .mdx (its URL stays the same).`);
  });
});
