/**
 * Characters per line of a page's paragraphs, as rendered: run in the page
 * (Playwright's `page.evaluate(measureLines, selector)`). Each character of
 * the paragraphs' text gets its box from a Range; a box that starts below the
 * line before begins a new line. Citation markers, claim tools and
 * screen-reader-only text are left out: they are not words a reader reads
 * along the line.
 */
export interface LineReport {
  /** Characters in each full line: every line of each paragraph but its last. */
  lines: number[];
  /** How many paragraphs were measured. */
  paragraphs: number;
}

export function measureLines(selector: string): LineReport {
  const skip = '.citation, .claim-tools, .sr-only, [aria-hidden="true"]';
  const lines: number[] = [];
  const paragraphs = [...document.querySelectorAll<HTMLElement>(selector)];
  const range = document.createRange();
  for (const paragraph of paragraphs) {
    const counts: number[] = [];
    let lastTop = Number.NEGATIVE_INFINITY;
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement?.closest(skip) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (let i = 0; i < text.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getClientRects()[0];
        // Collapsed white space has no box.
        if (!box || box.width === 0) continue;
        const lineHeight = parseFloat(getComputedStyle(paragraph).lineHeight) || box.height;
        if (box.top > lastTop + lineHeight / 2) {
          counts.push(0);
          lastTop = box.top;
        }
        counts[counts.length - 1]! += 1;
      }
    }
    lines.push(...counts.slice(0, -1));
  }
  return { lines, paragraphs: paragraphs.length };
}
