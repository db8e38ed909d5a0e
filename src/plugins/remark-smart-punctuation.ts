/**
 * remark-smart-punctuation: curly quotes, dashes and ellipses (SmartyPants, by
 * retext-smartypants), applied as remark-smartypants applies them and with
 * its output: first to all the document's text joined, for the quotes (a
 * quote's direction depends on the text around it, across links and
 * emphasis; inline code stands in as letters, and each paragraph, heading or
 * table cell starts after a space), then to each text node, for dashes,
 * ellipses and double backticks. Written here rather than used from
 * remark-smartypants because that runs retext's parser over the text twice
 * whether or not it holds anything to change: 2.9 s of the build's main
 * thread at N = 1,000 notes (8 % of it, measured), most of it on text with no
 * dash, ellipsis or backtick. Here each pass parses only text that holds what
 * it changes; tests/unit/remark-smart-punctuation.test.ts checks that the
 * output is remark-smartypants' own, on the site's content and on edge cases.
 */
import type { Nodes, Root } from 'mdast';
import { retext } from 'retext';
import retextSmartypants, { type Options } from 'retext-smartypants';
import { visit } from 'unist-util-visit';

/** The nodes whose text is joined for the quotes; an MDX element's text is skipped inside <style> and <script>. */
const VISITED = new Set(['text', 'inlineCode', 'paragraph', 'heading', 'tableCell']);
/** Where text starts afresh: a quote at the start of one opens. Not emphasis or links, across which quotes pair. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
const IGNORED_ELEMENTS = new Set(['style', 'script']);

type Literal = Extract<Nodes, { value: string }>;
const isLiteral = (node: Nodes): node is Literal => 'value' in node && typeof node.value === 'string';

export default function remarkSmartPunctuation(options: Options = {}) {
  // Quotes only: this pass keeps the text's length, so each node's part can be cut back out of the result.
  const quotes = retext().use(retextSmartypants, { ...options, ellipses: false, dashes: false, backticks: false });
  // The rest, node by node.
  const rest = retext().use(retextSmartypants, { ...options, quotes: false });
  const hasQuote = options.quotes === false ? () => false : (text: string) => text.includes('"') || text.includes("'");
  // What the second pass changes, or more: "--" (and "---"), "..." and ". . .", "``" and "''" (with backticks: 'all',
  // a single backtick or apostrophe). Text without any of it comes out as it went in.
  const restChanges = options.backticks === 'all' ? /[`']|--|\.\s*\./ : /``|''|--|\.\s*\./;

  return (tree: Root) => {
    const nodes: Nodes[] = [];
    let joined = '';
    visit(tree, (node, _index, parent) => {
      if (!parent || !VISITED.has(node.type)) return;
      if (parent.type === 'mdxJsxTextElement' && (parent.name === null || IGNORED_ELEMENTS.has(parent.name))) return;
      if (isLiteral(node)) joined += node.type === 'text' ? node.value : 'A'.repeat(node.value.length);
      else if (BLOCKS.has(node.type)) joined += ' ';
      else return;
      nodes.push(node);
    });
    const quoted = hasQuote(joined) ? quotes.processSync(joined).toString() : joined;
    let start = 0;
    for (const node of nodes) {
      if (!isLiteral(node)) {
        start += 1; // the space put before a block
        continue;
      }
      const end = start + node.value.length;
      if (node.type === 'text') {
        const text = quoted.slice(start, end);
        node.value = restChanges.test(text) ? rest.processSync(text).toString() : text;
      }
      start = end;
    }
  };
}
