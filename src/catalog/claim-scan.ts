import { createProcessor } from '@mdx-js/mdx';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { derivedOf } from '../markdown/derived.ts';
import remarkCitations, { type NoteCatalog } from '../plugins/remark-citations.ts';
import remarkClaimParagraphs from '../plugins/remark-claim-paragraphs.ts';
import remarkClaims from '../plugins/remark-claims.ts';
import remarkSmartPunctuation from '../plugins/remark-smart-punctuation.ts';
import type { CurrentClaim } from './claim-registry.ts';
import type { WordedClaim } from './claim-revisions.ts';
import type { Catalog, IndexedEntry } from './content-index.ts';
import { isDraft } from './drafts.ts';
import { splitFrontMatter } from './front-matter.ts';

/** Where a `<Claim id="…">` tag stands in a file. */
export interface ScannedClaim {
  id: string;
  line: number;
  column: number;
}

const parser = unified().use(remarkParse).use(remarkMdx);

/**
 * The claim ids written in an MDX file, found by parsing it as MDX (so a tag
 * in a code block does not count), without building the site.
 */
export function scanClaims(source: string): ScannedClaim[] {
  const { body, bodyLine } = splitFrontMatter(source);
  const tree = parser.parse(body) as Root;
  const claims: ScannedClaim[] = [];
  visit(tree, (node) => {
    if ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name === 'Claim') {
      const id = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id')?.value;
      if (typeof id === 'string') {
        claims.push({ id, line: (node.position?.start.line ?? 1) + bodyLine - 1, column: node.position?.start.column ?? 1 });
      }
    }
  });
  return claims;
}

/**
 * The claims `npm run claims:publish` publishes: those of every essay and note
 * but drafts, whose ids stay free until they are published; and the drafts
 * left out, by their documents ("essays/<slug>").
 */
export function publishableClaims(catalog: Pick<Catalog, 'essays' | 'notes'>): { claims: CurrentClaim[]; drafts: string[] } {
  const entries = [...catalog.essays.values(), ...catalog.notes.values()];
  return {
    claims: entries.filter((entry) => !isDraft(entry.data)).flatMap((entry) =>
      scanClaims(entry.source).map((c) => ({ ...c, doc: `${entry.folder}/${entry.id}`, file: entry.file })),
    ),
    drafts: entries.filter((entry) => isDraft(entry.data)).map((entry) => `${entry.folder}/${entry.id}`),
  };
}

/**
 * Each claim's wording in an MDX file, as a reader sees it on the page: its
 * plain text (emphasis flattened, citation markers left out, white space
 * collapsed, quotes and dashes as the site curls them) and the notes it cites,
 * in order, without repeats. It runs the site's own Markdown steps up to
 * remark-claims (MDX's parser, smart punctuation, GFM, the claim and citation
 * plugins, in astro.config.mjs's order), so what `npm run claims:publish`
 * records is what the build renders and checks (src/site/corpus.ts). A file
 * with a mistake those plugins stop at (a citation of a missing note) throws
 * their message.
 */
export async function claimWordings(
  source: string,
  options: { path: string; root: string; notes: NoteCatalog },
): Promise<{ id: string; text: string; sources: string[] }[]> {
  const { body, bodyLine } = splitFrontMatter(source);
  const processor = createProcessor({
    remarkPlugins: [
      remarkSmartPunctuation,
      remarkGfm,
      remarkClaimParagraphs,
      [remarkCitations, { root: options.root, notes: () => options.notes, noteHref: (id: string) => `/notes/${id}/` }],
      [remarkClaims, { root: options.root }],
    ],
  });
  // Blank lines for the front matter keep the body's lines, for messages.
  const file = new VFile({ path: options.path, value: '\n'.repeat(bodyLine - 1) + body });
  await processor.process(file);
  return derivedOf(file).claims.map((c) => ({ id: c.id, text: c.text, sources: [...c.notes] }));
}

/**
 * The wordings of the claims `npm run claims:publish` publishes (drafts left
 * out), each document read with claimWordings.
 */
export async function publishableWordings(catalog: Pick<Catalog, 'essays' | 'notes'>, root: string): Promise<WordedClaim[]> {
  const entries: IndexedEntry[] = [...catalog.essays.values(), ...catalog.notes.values()].filter((entry) => !isDraft(entry.data));
  const wordings = await Promise.all(entries.map(async (entry) => {
    if (scanClaims(entry.source).length === 0) return [];
    const found = await claimWordings(entry.source, { path: entry.path, root, notes: catalog.notes });
    return found.map((c) => ({ ...c, doc: `${entry.folder}/${entry.id}` }));
  }));
  return wordings.flat();
}
