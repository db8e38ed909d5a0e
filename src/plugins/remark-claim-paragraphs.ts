/**
 * remark-claim-paragraphs: MDX "unravels" a paragraph that holds nothing but
 * tags, such as a paragraph made only of claims, into block elements, and
 * drops the spaces between them. A claim whose content is inline was meant
 * inline: this puts such runs back into paragraphs (a blank line between two
 * claims still ends one), with a space between claims. It runs first, so that
 * every later plugin sees the paragraphs the author wrote.
 */
import type { Nodes, Parent, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visitParents } from 'unist-util-visit-parents';

/** Block content: a claim holding any of it is a block claim, and stays one. */
const FLOW = new Set(['paragraph', 'heading', 'list', 'blockquote', 'code', 'thematicBreak', 'table', 'mdxJsxFlowElement', 'mdxFlowExpression', 'html']);

export default function remarkClaimParagraphs() {
  return (tree: Root) => rewrapUnravelledClaims(tree);
}

function rewrapUnravelledClaims(tree: Root): void {
  const isInlineClaim = (node: Nodes): node is MdxJsxFlowElement =>
    node.type === 'mdxJsxFlowElement' && node.name === 'Claim' && !node.children.some((c) => FLOW.has(c.type));
  visitParents(tree, (node) => {
    if (!('children' in node) || !node.children.some(isInlineClaim)) return;
    const rebuilt: Nodes[] = [];
    for (const child of node.children as Nodes[]) {
      if (!isInlineClaim(child)) {
        rebuilt.push(child);
        continue;
      }
      const inline = { ...child, type: 'mdxJsxTextElement' } as unknown as MdxJsxTextElement;
      const last = rebuilt.at(-1);
      // A blank line between two claims ended the paragraph they were in.
      const sameParagraph = (last?.position?.end.line ?? -Infinity) >= (child.position?.start.line ?? 0) - 1;
      if (last?.type === 'paragraph' && (last.data as { rewrapped?: boolean } | undefined)?.rewrapped && sameParagraph) {
        last.children.push({ type: 'text', value: ' ' }, inline);
        if (last.position && child.position) last.position.end = child.position.end;
      } else {
        rebuilt.push({ type: 'paragraph', children: [inline], data: { rewrapped: true } as never, ...(child.position ? { position: { ...child.position } } : {}) });
      }
    }
    (node as Parent).children = rebuilt as never[];
  });
}

