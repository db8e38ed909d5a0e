/**
 * A claim as a quotation to paste into a chat or a document: the claim in
 * quotation marks with its source numbers, where it is from, its permanent
 * link, and the sources the numbers stand for.
 *
 *   “Format diversity collapses within the very first epoch…” [1]
 *   — How does prolonged RL training differ from standard RLVR approaches?
 *   https://example.org/c/format-collapse-first-epoch/
 *   [1] Does RL training collapse format diversity in pretrained models? (Zhao et al., 2025) https://example.org/notes/format-collapse/
 */
export interface QuoteSource {
  number: number;
  title: string;
  /** "Zhao et al., 2025", if known. */
  citation?: string | undefined;
  url: string;
}

export interface ClaimQuote {
  text: string;
  /** The essay's or note's question. */
  from: string;
  url: string;
  sources: readonly QuoteSource[];
}

export function quoteNumbers(sources: readonly QuoteSource[]): string {
  return sources.length === 0 ? '' : ` [${sources.map((s) => s.number).join(', ')}]`;
}

export function formatClaimQuote(quote: ClaimQuote): string {
  const lines = [`“${quote.text}”${quoteNumbers(quote.sources)}`, `— ${quote.from}`, quote.url];
  for (const s of quote.sources) lines.push(`[${s.number}] ${s.title}${s.citation ? ` (${s.citation})` : ''} ${s.url}`);
  return lines.join('\n');
}
