/**
 * Keeps the root's --header-height at the site header's real height (its
 * border box), so that every jump (a claim's link, the contents, a back-link,
 * a search result) lands below it, whatever the fonts and the zoom make of the
 * row. The style sheet's own value is right for the header as designed; this
 * corrects it where the reader's settings make the row taller or shorter.
 */
export function trackHeaderHeight(doc: Document): void {
  const header = doc.querySelector<HTMLElement>('.site-header');
  if (!header || typeof ResizeObserver === 'undefined') return;
  const root = doc.documentElement;
  const set = (height: number) => root.style.setProperty('--header-height', `${height}px`);
  new ResizeObserver((entries) => {
    const box = entries.at(-1)?.borderBoxSize?.[0];
    set(box ? box.blockSize : header.getBoundingClientRect().height);
  }).observe(header);
}
