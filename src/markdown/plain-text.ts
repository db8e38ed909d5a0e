import type { Nodes } from 'mdast';
import { SITE_LANGUAGE } from '../site/identity.ts';

/**
 * Plain text of a Markdown tree for excerpts, "Cited in" sentences and search:
 * block elements are separated by a blank line, citation markers and claim
 * controls are left out (or replaced by `marker`, for sentence finding).
 */
const FLOW_CONTAINERS = new Set(['root', 'blockquote', 'list', 'listItem', 'mdxJsxFlowElement', 'table']);
const SKIPPED = new Set(['code', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'html', 'yaml', 'definition']);

/** Stands for a citation marker in text kept for sentence finding. */
export const MARKER = '\uFFFC';

export interface PlainTextOptions {
  /** Keep each citation marker as a MARKER character. By default markers go, with the space before them. */
  keepMarkers?: boolean;
}

export function plainText(node: Nodes, options: PlainTextOptions = {}): string {
  const text = collapse(textOf(node, MARKER));
  return options.keepMarkers ? text : stripMarkers(text);
}

function textOf(node: Nodes, marker: string): string {
  if (node.type === 'citation') return marker;
  if (SKIPPED.has(node.type)) return '';
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return ' ';
  if (node.type === 'image') return node.alt ?? '';
  if (!('children' in node)) return '';
  const parts = (node.children as Nodes[]).map((child) => textOf(child, marker));
  return FLOW_CONTAINERS.has(node.type) ? parts.filter((p) => p.trim() !== '').join('\n\n') : parts.join('');
}

/** Folds runs of spaces within paragraphs, keeps the blank lines between them. */
function collapse(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

const segmenter = new Intl.Segmenter(SITE_LANGUAGE, { granularity: 'sentence' });

/**
 * The sentence of `text` (kept with markers) that holds its `index`-th
 * marker, with all markers, and the space before each, removed.
 */
export function sentenceWithMarker(text: string, index: number): string {
  let seen = -1;
  for (const { segment } of segmenter.segment(text)) {
    const count = segment.split(MARKER).length - 1;
    if (seen + count >= index) return stripMarkers(segment).trim();
    seen += count;
  }
  return stripMarkers(text).trim();
}

/** Removes markers and the space before each: "best [1]." reads "best.". */
export function stripMarkers(text: string): string {
  return text.replace(/[^\S\n]*\uFFFC/g, '');
}
