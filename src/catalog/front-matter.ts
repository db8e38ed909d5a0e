import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';

/**
 * Splits a Markdown or MDX file into its YAML front matter and its body, and
 * keeps the YAML document so that a problem in a field can be reported at the
 * line where the author wrote it (Astro's own report says 0:0).
 */
export interface SplitFile {
  /** Parsed front matter, or undefined when the file has none. */
  data: unknown;
  /** The text after the front matter. */
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
  /** Line in the file of the value at a front-matter path, or of its nearest parent. */
  lineOf(path: readonly PropertyKey[]): number;
  /** YAML syntax errors, with their lines in the file. */
  yamlErrors: { line: number; message: string }[];
  /**
   * Values written unquoted but wrapped in curly quotes (title: “Why…?”), as
   * a word processor or a smart keyboard types them: YAML keeps the curly
   * quotes as part of the value.
   */
  curlyQuoted: { path: PropertyKey[]; line: number; column: number; inner: string }[];
  hasFrontMatter: boolean;
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export function splitFrontMatter(source: string): SplitFile {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  const match = FENCE.exec(text);
  if (!match) {
    return { data: undefined, body: text, bodyLine: 1, lineOf: () => 1, yamlErrors: [], curlyQuoted: [], hasFrontMatter: false };
  }
  const yamlText = match[1] ?? '';
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false });
  // The YAML starts on line 2 of the file, after the opening fence.
  const fileLine = (offset: number) => counter.linePos(offset).line + 1;
  const yamlErrors = doc.errors.map((e) => ({ line: fileLine(e.pos[0]), message: e.message.split('\n')[0] ?? e.message }));
  const data = yamlErrors.length > 0 ? undefined : doc.toJS();
  return {
    data,
    body: text.slice(match[0].length),
    bodyLine: match[0].split('\n').length,
    lineOf: (path) => fileLine(offsetOf(doc, path)),
    yamlErrors,
    curlyQuoted: yamlErrors.length > 0 ? [] : curlyQuotedValues(doc.contents, []).map(({ path, offset, inner }) => ({ path, line: fileLine(offset), column: counter.linePos(offset).col, inner })),
    hasFrontMatter: true,
  };
}

/** An opening curly quote at the start of a value and a closing one at its end: “…”, ‘…’, „…“, «…». */
const CURLY_WRAPPED = /^[“‘„«](.*)[”’“»]$/s;

function curlyQuotedValues(node: unknown, path: PropertyKey[]): { path: PropertyKey[]; offset: number; inner: string }[] {
  if (isMap(node)) return node.items.flatMap((pair) => (isScalar(pair.key) ? curlyQuotedValues(pair.value, [...path, pair.key.value as PropertyKey]) : []));
  if (isSeq(node)) return node.items.flatMap((item, i) => curlyQuotedValues(item, [...path, i]));
  if (isScalar(node) && node.type === 'PLAIN' && typeof node.value === 'string') {
    const inner = CURLY_WRAPPED.exec(node.value)?.[1];
    if (inner !== undefined) return [{ path, offset: rangeStart(node) ?? 0, inner }];
  }
  return [];
}

/** Offset of the deepest node that exists along `path` (a missing key points at its parent). */
function offsetOf(doc: Document, path: readonly PropertyKey[]): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range?.[0];
}

/** `papers[0].year` */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}
