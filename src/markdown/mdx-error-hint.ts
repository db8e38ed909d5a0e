/**
 * What to do about an MDX syntax error. MDX's own messages say what the parser
 * expected ("Expected a closing tag for `<Claim>` (9:1-9:24) before the end of
 * `paragraph`"); this adds where, in the project's format, and a fix an author
 * can act on.
 */
export function mdxErrorHint(message: string): string {
  const closing = /closing tag for `<([A-Za-z][\w.]*)>`/.exec(message);
  if (closing) return `Close the tag: write </${closing[1]}> where the passage ends, in the same paragraph as <${closing[1]}>.`;
  if (/Unexpected closing (slash|tag)/.test(message)) return 'This closing tag has no opening tag: remove it, or add the opening tag, such as <Claim id="…">.';
  if (/expression|Could not parse|acorn/i.test(message)) return 'In MDX, "{" starts code: write \\{ for a brace in the text.';
  if (/Unexpected character/.test(message)) return 'In MDX, "<" starts a tag and "{" starts code: write \\< or \\{ for the characters themselves.';
  return 'Check the MDX at that line: every <Claim> needs its </Claim>, and "<" and "{" in text are written \\< and \\{.';
}

/** "content/essays/a.mdx:9:1: <MDX's message>\n  <hint>" */
export function formatMdxError(file: string, line: number | undefined, column: number | undefined, message: string): string {
  const where = line === undefined ? file : `${file}:${line}:${column ?? 1}`;
  return `${where}: ${message}\n  ${mdxErrorHint(message)}`;
}
