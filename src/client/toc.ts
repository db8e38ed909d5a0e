/**
 * The table of contents, enhanced: open beside the text on wide screens,
 * folded above the text on narrow ones (it is open without script), and the
 * part being read marked with aria-current as the reader scrolls.
 */
const WIDE = '(min-width: 75rem)';

export function enhanceContents(doc: Document): void {
  const details = doc.querySelector<HTMLDetailsElement>('.toc-details');
  const links = [...doc.querySelectorAll<HTMLAnchorElement>('.toc-list a[href^="#"]')];
  if (!details || links.length === 0) return;

  const wide = window.matchMedia(WIDE);
  const sync = () => {
    details.open = wide.matches;
  };
  sync();
  wide.addEventListener('change', sync);

  const targets = links
    .map((link) => ({ link, target: doc.getElementById(decodeURIComponent(link.hash.slice(1))) }))
    .filter((t): t is { link: HTMLAnchorElement; target: HTMLElement } => t.target !== null);

  const mark = () => {
    // The part being read: the last one whose top has passed a line a third of the way down.
    const line = window.innerHeight / 3;
    let current = targets[0];
    for (const t of targets) if (t.target.getBoundingClientRect().top <= line) current = t;
    for (const t of targets) {
      if (t === current) t.link.setAttribute('aria-current', 'true');
      else t.link.removeAttribute('aria-current');
    }
  };
  let queued = false;
  const schedule = () => {
    if (queued) return;
    queued = true;
    window.requestAnimationFrame(() => {
      queued = false;
      mark();
    });
  };
  const observer = new IntersectionObserver(schedule, { rootMargin: '0px 0px -66% 0px' });
  for (const t of targets) observer.observe(t.target);
  window.addEventListener('scroll', schedule, { passive: true });
  mark();
}
