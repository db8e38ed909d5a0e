/**
 * remark-citations: turns Pandoc-style citations (`[@format-collapse]`,
 * `[@a; @b]`) into numbered markers that link to the cited note, and records
 * each citation on the file's derived data for the pages to build the sources
 * list and the notes' "Cited in". Numbers follow first appearance in the
 * document; side-by-side citations share one marker (`[2, 3]`). A citation to
 * a note that does not exist fails the build at its line and column, with the
 * closest ids, so a broken citation can never ship. `\[@x]` stays literal text.
 */
import type { Nodes, Parent, PhrasingContent, Root, Text } from 'mdast';
import type { ElementContent } from 'hast';
import type { VFile } from 'vfile';
import { visitParents } from 'unist-util-visit-parents';
import { findCitations, groupAdjacent } from '../markdown/citation-syntax.ts';
import { derivedOf, type CitationUse } from '../markdown/derived.ts';
import type { CitationNode } from '../markdown/mdast-nodes.ts';
import { markerId } from '../site/page-ids.ts';
import { plainText, sentenceWithMarker } from '../markdown/plain-text.ts';
import { throwIfProblems, type Problem } from '../catalog/problems.ts';
import { closestIds, didYouMean } from '../catalog/suggest.ts';
import { sourceLocator, type LocatedToken } from '../markdown/source-location.ts';

/** The notes that can be cited, by id, with the title a marker's label names. */
export type NoteCatalog = ReadonlyMap<string, { title?: string | undefined }>;

export interface RemarkCitationsOptions {
  /** The notes that can be cited (the content index's). Called once for each file that cites anything. */
  notes: () => NoteCatalog;
  /** The URL of a note's page. */
  noteHref: (id: string) => string;
  /** Project root: messages name files relative to it. */
  root: string;
  /** Where notes live, for the hint when an id is unknown. Default: "content/notes". */
  notesFolder?: string;
}

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell', 'listItem', 'blockquote', 'root']);

interface Found {
  node: Text;
  parent: Parent;
  ancestors: Nodes[];
  tokens: LocatedToken[];
}

export default function remarkCitations(options: RemarkCitationsOptions) {
  const notesFolder = options.notesFolder ?? 'content/notes';
  return (tree: Root, file: VFile) => {
    const locate = sourceLocator(file, options.root);
    const found: Found[] = [];
    visitParents(tree, 'text', (node, ancestors) => {
      const tokens = findCitations(node.value);
      if (tokens.length === 0) return;
      const parent = ancestors.at(-1) as Parent;
      found.push({ node, parent, ancestors, tokens: locate.tokens(node, tokens) });
    });
    const derived = derivedOf(file);
    if (found.length === 0) return;

    const catalog = options.notes();
    const problems: Problem[] = [];
    const numbers = new Map<string, number>();
    const occurrences = new Map<string, number>();
    const uses: CitationUse[] = [];

    for (const { node, parent, ancestors, tokens } of found) {
      if (ancestors.some((a) => a.type === 'link' || a.type === 'linkReference')) {
        const first = tokens[0]!;
        problems.push({
          location: locate.at(first.line, first.column),
          message: 'A citation sits inside a link, which would put a link inside a link.',
          hint: 'Move the citation out of the link text.',
        });
        continue;
      }
      const live = tokens.filter((t) => !t.token.literal);
      for (const { token, line, column } of live) {
        if (token.problem) {
          problems.push({ location: locate.at(line, column), message: token.problem, hint: 'Write citations as [@note-id] or [@first-id; @second-id].' });
        }
        for (const key of token.keys) {
          if (catalog.has(key.id)) continue;
          const col = column + (key.offset - token.start);
          problems.push({
            location: locate.at(line, col),
            message: `The citation [@${key.id}] names a note that does not exist.`,
            hint: didYouMean(closestIds(key.id, catalog.keys()), `Cite a note by its file name in ${notesFolder}/ without ".mdx", or add the note.`),
          });
        }
      }
      if (problems.length > 0) continue;

      const replacement: PhrasingContent[] = [];
      let cursor = 0;
      for (const group of groupAdjacent(node.value, live.map((t) => t.token))) {
        const first = group[0]!;
        const last = group.at(-1)!;
        const located = live.find((t) => t.token === first)!;
        // A marker hangs on the word before it ("best[1]."), as in print.
        const before = node.value.slice(cursor, first.start).replace(/[ \t]+$/, '');
        if (before) replacement.push({ type: 'text', value: before });
        const groupUses: CitationUse[] = [];
        for (const token of group) {
          for (const key of token.keys) {
            if (!numbers.has(key.id)) numbers.set(key.id, numbers.size + 1);
            const occurrence = (occurrences.get(key.id) ?? 0) + 1;
            occurrences.set(key.id, occurrence);
            const use: CitationUse = {
              note: key.id,
              number: numbers.get(key.id)!,
              occurrence,
              markerId: markerId(key.id, occurrence),
              sentence: '',
              line: located.line,
              column: located.column + (key.offset - first.start),
            };
            groupUses.push(use);
            uses.push(use);
          }
        }
        replacement.push(citationNode(groupUses, catalog, options.noteHref));
        cursor = last.end;
      }
      if (problems.length > 0) continue;
      if (cursor < node.value.length) replacement.push({ type: 'text', value: node.value.slice(cursor) });
      const index = parent.children.indexOf(node as never);
      parent.children.splice(index, 1, ...(replacement as never[]));
    }
    throwIfProblems(`Citations in ${locate.file} could not be resolved.`, problems);

    fillSentences(tree);
    derived.citations = uses;
  };
}

function citationNode(uses: CitationUse[], catalog: NoteCatalog, noteHref: (id: string) => string): CitationNode {
  const ordered = [...uses].sort((a, b) => a.number - b.number);
  const children: ElementContent[] = [{ type: 'text', value: '[' }];
  ordered.forEach((use, i) => {
    if (i > 0) children.push({ type: 'text', value: ', ' });
    const title = catalog.get(use.note)?.title;
    children.push({
      type: 'element',
      tagName: 'a',
      properties: {
        href: noteHref(use.note),
        id: use.markerId,
        className: ['citation-link'],
        dataNote: use.note,
        ariaLabel: title ? `Source ${use.number}: ${title}` : `Source ${use.number}`,
      },
      children: [{ type: 'text', value: String(use.number) }],
    });
  });
  children.push({ type: 'text', value: ']' });
  return {
    type: 'citation',
    children: [],
    data: {
      uses: ordered,
      hName: 'sup',
      hProperties: { className: ['citation'], dataPagefindIgnore: '' },
      hChildren: children,
    },
  };
}

/** Gives each citation the sentence it sits in (a claim, if any, later replaces it with the claim's text). */
function fillSentences(tree: Root): void {
  const seen = new Set<Nodes>();
  visitParents(tree, 'citation', (_node, ancestors) => {
    const block = [...ancestors].reverse().find((a) => BLOCKS.has(a.type));
    if (!block || seen.has(block)) return;
    seen.add(block);
    const text = plainText(block, { keepMarkers: true });
    let index = 0;
    visitParents(block, 'citation', (citation) => {
      const sentence = sentenceWithMarker(text, index);
      for (const use of citation.data.uses) use.sentence = sentence;
      index += 1;
    });
  });
}
