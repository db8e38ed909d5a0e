/**
 * Reads a `_headers` file (the format Netlify and Cloudflare Pages share): a
 * path pattern on its own line, then indented "Name: value" lines. Used to
 * serve the built site in tests exactly as such a host would.
 */
export interface HeaderRule {
  /** The pattern as written; "*" matches any run of characters. */
  pattern: string;
  headers: [string, string][];
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    const rule = rules.at(-1);
    if (rule && colon > 0) rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** The headers for a request path: those of every matching rule, in order. */
export function headersFor(rules: readonly HeaderRule[], path: string): [string, string][] {
  return rules
    .filter((r) => new RegExp(`^${r.pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(path))
    .flatMap((r) => r.headers);
}
