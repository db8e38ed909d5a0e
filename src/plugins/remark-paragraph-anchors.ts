/**
 * remark-paragraph-anchors: gives each top-level paragraph of an essay an id
 * (`paragraph-3`), so that a link can point at a paragraph. These ids are for
 * moving around the page; the permanent links are the claims'. It records the
 * citation markers each paragraph holds, so that a citation outside any claim
 * can still be linked to its paragraph rather than to its marker.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { derivedOf } from '../markdown/derived.ts';
import { PARAGRAPH_PREFIX } from '../site/page-ids.ts';

export interface RemarkParagraphAnchorsOptions {
  /** Which files get anchors: essays, not notes. */
  applies: (path: string) => boolean;
}

export default function remarkParagraphAnchors(options: RemarkParagraphAnchorsOptions) {
  return (tree: Root, file: VFile) => {
    if (!options.applies(file.path)) return;
    const derived = derivedOf(file);
    derived.paragraphs = [];
    let n = 0;
    for (const node of tree.children) {
      if (node.type !== 'paragraph') continue;
      n += 1;
      const id = `${PARAGRAPH_PREFIX}${n}`;
      node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), id } };
      const markers: string[] = [];
      visit(node, 'citation', (citation) => {
        for (const use of citation.data.uses) markers.push(use.markerId);
      });
      derived.paragraphs.push({ id, markers });
    }
  };
}
