import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
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
