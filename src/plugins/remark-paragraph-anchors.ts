/**
 * remark-paragraph-anchors: gives each top-level paragraph of an essay an id
 * (`paragraph-3`), so that a link can point at a paragraph. (It records
 * nothing: the contents list an essay's sections, never its paragraphs.)
 * These ids are for moving around the page; the permanent links are the claims'.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { PARAGRAPH_PREFIX } from '../site/page-ids.ts';

export interface RemarkParagraphAnchorsOptions {
  /** Which files get anchors: essays, not notes. */
  applies: (path: string) => boolean;
}

export default function remarkParagraphAnchors(options: RemarkParagraphAnchorsOptions) {
  return (tree: Root, file: VFile) => {
    if (!options.applies(file.path)) return;
    let n = 0;
    for (const node of tree.children) {
      if (node.type !== 'paragraph') continue;
      n += 1;
      const id = `${PARAGRAPH_PREFIX}${n}`;
      node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), id } };
    }
  };
}
