import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { CurrentClaim } from './claim-registry.ts';
import type { Catalog } from './content-index.ts';
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
