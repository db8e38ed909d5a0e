/**
 * remark-paragraph-anchors: gives each top-level paragraph of an essay an id
 * (`paragraph-3`) and records its opening words, so that an essay without
 * "##" headings still has a table of contents: its paragraphs, by the words
 * they begin with, which are the essay's own. These ids are for moving around
 * the page; the permanent links are the claims'. It records the citation
 * markers each paragraph holds, so that a citation outside any claim can
 * still be linked to its paragraph rather than to its marker.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { derivedOf } from '../markdown/derived.ts';
import { PARAGRAPH_PREFIX } from '../site/page-ids.ts';
import { leadWords, plainText } from '../markdown/plain-text.ts';

export interface RemarkParagraphAnchorsOptions {
  /** Which files get anchors: essays, not notes. */
  applies: (path: string) => boolean;
  /** Words in a paragraph's lead-in. Default: 7. */
  words?: number;
}

export default function remarkParagraphAnchors(options: RemarkParagraphAnchorsOptions) {
  const words = options.words ?? 7;
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
      derived.paragraphs.push({ id, lead: leadWords(plainText(node), words), markers });
    }
  };
}
