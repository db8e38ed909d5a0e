/**
 * remark-claims: turns `<Claim id="format-collapse-first-epoch">…</Claim>` into
 * an element that carries the claim's permanent id and a permalink control,
 * and records every claim (its text, the notes it cites, the markers of those
 * citations, its paragraph) on the file's derived data. Runs after
 * remark-citations, whose markers it finds inside each claim, so that "Cited
 * in" can link to the claim, the permanent place to land. Ids must be short
 * lowercase slugs, unique in the file, and must not take the page's own ids;
 * a bad id fails the build with the rule it broke. A clash with a heading's id
 * is found by rehype-page-outline, which sees the ids the page really has;
 * uniqueness across files, and the registry of published ids, are checked
 * when the pages are built, where all files meet. It also records the
 * document's plain text for the pages.
 */
import type { Nodes, Parent, PhrasingContent, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { visitParents } from 'unist-util-visit-parents';
import { derivedOf, type ClaimRecord } from '../markdown/derived.ts';
import type { ClaimNode, ClaimPermalinkNode } from '../markdown/mdast-nodes.ts';
import { reservedIdProblem } from '../site/page-ids.ts';
import { plainText } from '../markdown/plain-text.ts';
import { throwIfProblems, type Problem } from '../catalog/problems.ts';
import { CLAIM_ID, slugProblem, suggestSlug } from '../catalog/slugs.ts';
import { sourceLocator } from '../markdown/source-location.ts';

export interface RemarkClaimsOptions {
  /** Project root: messages name files relative to it. */
  root: string;
  /** Accessible name of the permalink control. Default: "Link to this claim". */
  permalinkLabel?: string;
  /** The address the page script copies as the claim's link: its share page, or its latest revision's. Default: none. */
  shareHref?: (id: string) => string;
  /** Where a claim reworded since it was first published shows its history (its share page), or undefined. Default: none are. */
  revised?: (id: string) => string | undefined;
}

type ClaimElement = MdxJsxTextElement | MdxJsxFlowElement;

export default function remarkClaims(options: RemarkClaimsOptions) {
  const permalinkLabel = options.permalinkLabel ?? 'Link to this claim';
  return (tree: Root, file: VFile) => {
    const locate = sourceLocator(file, options.root);
    const derived = derivedOf(file);
    derived.file = locate.file;
    const problems: Problem[] = [];
    const seen = new Map<string, number>();
    const claims: ClaimRecord[] = [];

    const elements: { node: ClaimElement; ancestors: Nodes[] }[] = [];
    visitParents(tree, (node, ancestors) => {
      if ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name === 'Claim') {
        elements.push({ node, ancestors: [...ancestors] });
      }
    });

    for (const { node, ancestors } of elements) {
      const where = locate.at(node.position?.start.line ?? 1, node.position?.start.column ?? 1);
      const id = claimId(node, (message, hint) => problems.push({ location: where, message, hint }));
      if (id === undefined) continue;
      const broken = slugProblem(id, CLAIM_ID) ?? reservedIdProblem(id);
      if (broken) {
        const better = suggestSlug(id, CLAIM_ID.maxLength);
        problems.push({
          location: where,
          message: `Claim id "${id}" breaks a rule: ${broken}`,
          hint: better && better !== id ? `A claim id is a short lowercase slug, such as "${better}".` : 'A claim id is a short lowercase slug, such as "format-collapse-first-epoch".',
        });
        continue;
      }
      const earlier = seen.get(id);
      if (earlier !== undefined) {
        problems.push({
          location: where,
          message: `Claim id "${id}" is used twice in this file: at line ${earlier} and here.`,
          hint: 'Each claim needs its own id: rename one of them.',
        });
        continue;
      }
      seen.set(id, where.line ?? 0);
      if (ancestors.some((a) => a.type === 'claim' || ((a.type === 'mdxJsxTextElement' || a.type === 'mdxJsxFlowElement') && a.name === 'Claim'))) {
        problems.push({ location: where, message: `Claim "${id}" sits inside another claim.`, hint: 'Claims cannot nest: close the outer claim first.' });
        continue;
      }
      const inside = blockInside(node);
      if (inside) {
        const at = locate.at(inside.position?.start.line ?? where.line ?? 1, inside.position?.start.column ?? 1);
        problems.push({
          location: at,
          message: `Claim "${id}" holds ${describeBlock(inside)}; a claim holds running text only: a sentence, or a few paragraphs.`,
          hint: `Move it out of the claim: end the claim before it with </Claim>, or begin the claim after it.`,
        });
        continue;
      }
      const text = plainText({ type: 'paragraph', children: node.children as PhrasingContent[] });
      if (text === '') {
        problems.push({ location: where, message: `Claim "${id}" has no text.`, hint: 'Put the sentence between <Claim id="…"> and </Claim>.' });
        continue;
      }

      const notes: string[] = [];
      const markers: string[] = [];
      visitParents({ type: 'paragraph', children: node.children as PhrasingContent[] }, 'citation', (citation) => {
        for (const use of citation.data.uses) {
          markers.push(use.markerId);
          if (!notes.includes(use.note)) notes.push(use.note);
        }
      });
      const block = tree.children.indexOf(ancestors[1] as never);
      claims.push({
        id,
        text,
        notes,
        markers,
        line: where.line ?? 0,
        column: where.column ?? 0,
        block: block === -1 ? tree.children.indexOf(node as never) : block,
      });

      // A reworded claim's "revised" mark follows its words: after a claim in running text (outside it, so
      // that the claim's own text stays its words), at the end of a claim that is a block.
      const mark = revisedMark(options.revised?.(id));
      const replacement: ClaimNode = {
        type: 'claim',
        // Kept, so that later checks (rehype-page-outline) can name the claim's line.
        ...(node.position ? { position: node.position } : {}),
        children: [...(node.children as PhrasingContent[]), ...(node.type === 'mdxJsxFlowElement' ? mark : []), permalink(id, permalinkLabel, options.shareHref?.(id))],
        data: {
          claimId: id,
          hName: node.type === 'mdxJsxFlowElement' ? 'div' : 'span',
          hProperties: { id, className: ['claim'], dataClaim: id },
        },
      };
      const parent = ancestors.at(-1) as Parent;
      parent.children.splice(parent.children.indexOf(node as never), 1, replacement as never, ...(node.type === 'mdxJsxFlowElement' ? [] : mark) as never[]);
    }

    throwIfProblems(`Claims in ${locate.file} are not valid.`, problems);
    derived.claims = claims;
    // The last plugin to change the text records it, for excerpts and summaries.
    derived.text = plainText(tree);
  };
}

/** Block content a claim may not hold: it would make the heading or list the claim's text and share page. */
const BLOCK_NAMES: Record<string, string> = {
  heading: 'a heading',
  list: 'a list',
  table: 'a table',
  blockquote: 'a block quote',
  code: 'a code block',
  thematicBreak: 'a thematic break',
};

function blockInside(node: ClaimElement): Nodes | undefined {
  let found: Nodes | undefined;
  visitParents(node, (child) => {
    if (found || child === node) return found ? false : undefined;
    if (child.type in BLOCK_NAMES) {
      found = child;
      return false;
    }
    return undefined;
  });
  return found;
}

function describeBlock(block: Nodes): string {
  if (block.type === 'heading') return `a heading ("${'#'.repeat(block.depth)} ${plainText({ type: 'paragraph', children: block.children })}")`;
  return BLOCK_NAMES[block.type]!;
}

/** Reads `id="…"`; reports anything else the author wrote on the tag. */
function claimId(node: ClaimElement, report: (message: string, hint: string) => void): string | undefined {
  let id: string | undefined;
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') {
      report('A <Claim> has a spread attribute {…}.', 'Write the id as id="claim-id".');
    } else if (attribute.name !== 'id') {
      report(`A <Claim> has the attribute "${attribute.name}", which claims do not take.`, 'A claim takes one attribute: id="claim-id".');
    } else if (typeof attribute.value !== 'string') {
      report('A <Claim> id is written as an expression, not as text.', 'Write the id in quotes: id="claim-id".');
    } else {
      id = attribute.value;
    }
  }
  if (id === undefined && node.attributes.every((a) => a.type === 'mdxJsxAttribute' && a.name !== 'id')) {
    report('A <Claim> has no id.', 'Give it a short, readable, permanent id: <Claim id="format-collapse-first-epoch">.');
  }
  return id;
}

/**
 * A small, quiet "revised" after a claim reworded since it was first
 * published, linking to its history (its share page). Made as the permalink is (no text in
 * the tree), so the claim's text, the page's text and search leave it out.
 */
function revisedMark(href: string | undefined): ClaimPermalinkNode[] {
  if (href === undefined) return [];
  return [{
    type: 'claimPermalink',
    children: [],
    data: {
      hName: 'a',
      hProperties: { href, className: ['claim-revised'], dataPagefindIgnore: '' },
      hChildren: [{ type: 'text', value: 'revised' }, { type: 'element', tagName: 'span', properties: { className: ['sr-only'] }, children: [{ type: 'text', value: ': how this claim read before' }] }],
    },
  }];
}

/**
 * The claim's tools: a permalink (a plain link to the claim, so it works with
 * no script), in a small toolbar that the page script adds a "copy quote"
 * button to. It takes no width in the line.
 */
function permalink(id: string, label: string, share: string | undefined): ClaimPermalinkNode {
  return {
    type: 'claimPermalink',
    children: [],
    data: {
      hName: 'span',
      hProperties: { className: ['claim-tools'], dataPagefindIgnore: '' },
      hChildren: [{
        type: 'element',
        tagName: 'span',
        properties: { className: ['claim-toolbar'] },
        children: [{
          type: 'element',
          tagName: 'a',
          properties: { href: `#${id}`, className: ['claim-permalink'], ariaLabel: label, ...(share ? { dataShare: share } : {}) },
          children: [{ type: 'text', value: '¶' }],
        }],
      }],
    },
  };
}
