/**
 * rehype-page-outline: records the document's headings with the ids the page
 * really gives them (it runs after rehype-slug, so nothing is predicted), and
 * for each claim the "##" section it sits in, for the contents, the claims
 * index and the sections check. It runs before rehype-autolink-headings, so a
 * heading's text is the author's, without the anchor. It also fails the build when two elements of
 * the body share an id (a claim named like a heading, say), naming both: a link
 * to that id could land on either, and the page would not be valid HTML; and
 * when a heading's id is one the page's own parts use ("## Sources"). The
 * layouts' own ids are unique by construction (html-validate checks every
 * built page).
 */
import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import { visitParents } from 'unist-util-visit-parents';
import { derivedOf, type HeadingRecord } from '../markdown/derived.ts';
import { sourceLocator } from '../markdown/source-location.ts';
import { throwIfProblems, type Problem, type SourceLocation } from '../catalog/problems.ts';
import { reservedIdProblem } from '../site/page-ids.ts';

export interface RehypePageOutlineOptions {
  /** Project root: messages name files relative to it. */
  root: string;
  /** Whether a claim id is published (content/claims.json), so that it may not change. Default: none is. */
  published?: (id: string) => boolean;
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
        headings.push({ depth: Number(depth), text: textOf(element.children).trim(), id, line: element.position?.start.line, column: element.position?.start.column });
        if (depth === '2') section = id;
        const reserved = reservedIdProblem(id);
        if (reserved) {
          const where = locate.at(element.position?.start.line ?? 1, element.position?.start.column ?? 1);
          problems.push({ location: where, message: `The ${describe(element)} gets the id "${id}", which the page cannot give it: ${reserved}`, hint: 'Reword the heading: its id comes from its words.' });
          return;
        }
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
      const pair = [{ element: earlier.element, where: earlier.where }, { element, where }];
      const claimSide = pair.find((e) => typeof e.element.properties['dataClaim'] === 'string');
      const headingSide = pair.find((e) => HEADING.test(e.element.tagName));
      if (claimSide && headingSide) {
        const published = options.published?.(id) ?? false;
        problems.push(published
          ? { location: headingSide.where, message: `The ${describe(headingSide.element)} gets the id "${id}", which is the id of the published claim at line ${claimSide.where.line}.`, hint: 'The claim is published, so its id stays: reword the heading, whose id comes from its words.' }
          : { location: claimSide.where, message: `Claim id "${id}" is also the id of the ${describe(headingSide.element)} at line ${headingSide.where.line}.`, hint: 'The claim is not published yet: give it another id, or reword the heading, whose id comes from its words.' });
      } else {
        problems.push({ location: where, message: `The id "${id}" is given to two elements on this page: the ${describe(earlier.element)} at line ${earlier.where.line} and the ${describe(element)} here.`, hint: 'Each id on a page must be unique: rename one of them.' });
      }
    });

    throwIfProblems(`Ids in ${locate.file} clash.`, problems);
    derived.headings = headings;
    derived.sections = sections;
  };
}

/** An element as an author would recognise it: `heading "## Early days"`, `claim "x"`, or its tag. */
function describe(element: Element): string {
  const depth = HEADING.exec(element.tagName)?.[1];
  if (depth) return `heading "${'#'.repeat(Number(depth))} ${textOf(element.children).trim()}"`;
  if (typeof element.properties['dataClaim'] === 'string') return `claim "${element.properties['dataClaim']}"`;
  return `<${element.tagName}>`;
}

function textOf(nodes: readonly ElementContent[]): string {
  return nodes.map((node) => (node.type === 'text' ? node.value : node.type === 'element' ? textOf(node.children) : '')).join('');
}
