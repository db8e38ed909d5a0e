/**
 * The claims' quiet marks: one ¶ per paragraph that holds claims, at the
 * paragraph's end (in the right margin where there is one). Nothing shows
 * over the words while the pointer rests on them; the mark, pressed, opens
 * the tools of that paragraph's claims below it (src/client/claim-tools.ts,
 * loaded then). Each claim's own ¶ link, which the page carries for readers
 * without script, steps aside: one Tab stop per paragraph instead of one per
 * sentence.
 */
const PERMALINK = '.claim-permalink[data-share]';

/** The block a claim is read in: its paragraph (or list item, quotation, cell), or the claim itself when it is a block. */
export function claimBlock(claim: Element): HTMLElement {
  return (claim.parentElement?.closest<HTMLElement>('p, li, blockquote, td, dd') ?? claim) as HTMLElement;
}

/** The claims read in `block`, in order. */
export function claimsIn(block: Element): HTMLElement[] {
  const claims = [...block.querySelectorAll<HTMLElement>('.claim')];
  if (block.matches('.claim')) claims.unshift(block as HTMLElement);
  return claims.filter((claim) => claim.querySelector(PERMALINK) && claimBlock(claim) === block);
}

/** Adds a mark to every block with claims; `open` is called with the mark pressed. Returns the marks. */
export function addClaimMarks(doc: Document, open: (mark: HTMLButtonElement, block: HTMLElement) => void): HTMLButtonElement[] {
  const blocks = new Set<HTMLElement>();
  for (const link of doc.querySelectorAll<HTMLElement>(PERMALINK)) {
    const claim = link.closest('.claim');
    if (claim) blocks.add(claimBlock(claim));
  }
  const marks: HTMLButtonElement[] = [];
  for (const block of blocks) {
    const count = claimsIn(block).length;
    if (count === 0) continue;
    for (const tools of block.querySelectorAll<HTMLElement>('.claim-tools')) tools.hidden = true;
    const mark = doc.createElement('button');
    mark.type = 'button';
    mark.className = 'claim-mark';
    mark.setAttribute('aria-expanded', 'false');
    mark.setAttribute('aria-label', count === 1 ? 'Link or quote this paragraph’s claim' : `Link or quote one of this paragraph’s ${count} claims`);
    mark.title = 'Link or quote';
    mark.dataset['pagefindIgnore'] = '';
    mark.textContent = '¶';
    mark.addEventListener('click', () => open(mark, block));
    block.classList.add('has-claim-mark');
    block.append(mark);
    marks.push(mark);
  }
  return marks;
}
