/**
 * rehype-page-outline: records the document's headings with the ids the page
 * really gives them (it runs after rehype-slug, so nothing is predicted), and
 * for each claim the "##" section it sits in, for the contents, the claims
 * index and the sections check. It runs before rehype-autolink-headings, so a
 * heading's text is the author's, without the anchor. It also fails the build when two elements of
 * the body share an id (a claim named like a heading, say): a link to that id
 * could land on either, and the page would not be valid HTML.
 */
import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import { visitParents } from 'unist-util-visit-parents';
import { derivedOf, type HeadingRecord } from '../markdown/derived.ts';
import { sourceLocator } from '../markdown/source-location.ts';
import { throwIfProblems, type Problem, type SourceLocation } from '../catalog/problems.ts';

export interface RehypePageOutlineOptions {
  /** Project root: messages name files relative to it. */
  root: string;
}

const HEADING = /^h([1-6])$/;

export default function rehypePageOutline(options: RehypePageOutlineOptions) {
  return (tree: Root, file: VFile) => {
    const locate = sourceLocator(file, options.root);
    const derived = derivedOf(file);
    const headings: HeadingRecord[] = [];
    const sections: Record<string, string> = {};
    const seen = new Map<string, { element: Element; where: SourceLocation }>();
    const problems: Problem[] = [];
    let section: string | undefined;

    visitParents(tree, 'element', (element) => {
      const id = typeof element.properties['id'] === 'string' ? element.properties['id'] : undefined;
      const depth = HEADING.exec(element.tagName)?.[1];
      if (depth && id) {
        headings.push({ depth: Number(depth), text: textOf(element.children).trim(), id });
        if (depth === '2') section = id;
      }
      const claim = element.properties['dataClaim'];
      if (typeof claim === 'string' && section !== undefined) sections[claim] = section;
      if (!id) return;
      const where = locate.at(element.position?.start.line ?? 1, element.position?.start.column ?? 1);
      const earlier = seen.get(id);
      if (!earlier) {
        seen.set(id, { element, where });
        return;
      }
      const pair = [earlier.element, element];
      const claimElement = pair.find((e) => typeof e.properties['dataClaim'] === 'string');
      const heading = pair.find((e) => HEADING.test(e.tagName));
      problems.push(claimElement && heading
        ? { location: claimElement === element ? where : earlier.where, message: `Claim id "${id}" is also the id of a heading on the same page.`, hint: 'Choose another id for the claim.' }
        : { location: where, message: `The id "${id}" is given to two elements on this page: at line ${earlier.where.line} and here.`, hint: 'Each id on a page must be unique: rename one of them.' });
    });

    throwIfProblems(`Ids in ${locate.file} clash.`, problems);
    derived.headings = headings;
    derived.sections = sections;
  };
}

function textOf(nodes: readonly ElementContent[]): string {
  return nodes.map((node) => (node.type === 'text' ? node.value : node.type === 'element' ? textOf(node.children) : '')).join('');
}
