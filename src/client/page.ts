/**
 * The one script every page runs, and all of it small: the theme switch, the
 * contents' current-part marker, the search field's bootstrap. The larger
 * enhancements load when the reader first reaches for them: citation previews
 * (pointing at, focusing or tapping a citation), claim tools (pointing at,
 * focusing or pressing a paragraph's ¶ mark, which this script adds), the
 * "Cite this" copy buttons (reaching the section), and search itself (see
 * search/bootstrap.ts). The first gesture is replayed once its code is in, so
 * a page that is only read loads none of it. Without script, every marker and
 * every claim's ¶ is a plain link.
 */
import type { CitationPreviews } from './citation-previews.ts';
import { addClaimMarks } from './claim-marks.ts';
import type { ClaimTools } from './claim-tools.ts';
import './search/bootstrap.ts';
import { trackHeaderHeight } from './header-height.ts';
import { enhanceThemeToggle } from './theme.ts';
import { enhanceContents } from './toc.ts';

trackHeaderHeight(document);
enhanceThemeToggle(document);
enhanceContents(document);

function lazy<T>(load: () => Promise<T>): { get: () => Promise<T>; loaded: () => boolean } {
  let promise: Promise<T> | undefined;
  let done = false;
  return {
    get: () => (promise ??= load().then((value) => ((done = true), value))),
    loaded: () => done,
  };
}

const previews = lazy<CitationPreviews>(() => import('./citation-previews.ts').then((m) => m.enhanceCitations(document)));
const claimTools = lazy<ClaimTools>(() => import('./claim-tools.ts').then((m) => m.enhanceClaims(document)));

const closest = <T extends Element>(target: EventTarget | null, selector: string) => (target instanceof Element ? target.closest<T>(selector) : null);
const MARKER = '.citation-link[data-note]';

if (document.querySelector(MARKER)) {
  document.addEventListener('pointerover', (event) => {
    const marker = closest<HTMLAnchorElement>(event.target, MARKER);
    if (marker && event.pointerType !== 'touch' && !previews.loaded()) void previews.get().then((p) => p.hover(marker));
  });
  // Focus from the keyboard only: a click or a tap focuses the marker too.
  document.addEventListener('focusin', (event) => {
    const marker = closest<HTMLAnchorElement>(event.target, MARKER);
    if (marker && !previews.loaded() && marker.matches(':focus-visible')) {
      void previews.get().then((p) => {
        if (document.activeElement === marker) p.open(marker, 'keyboard');
      });
    }
  });
  // A first tap opens the preview rather than following the link, as it does once loaded.
  document.addEventListener('click', (event) => {
    const marker = closest<HTMLAnchorElement>(event.target, MARKER);
    if (marker && (event as PointerEvent).pointerType === 'touch' && !previews.loaded()) {
      event.preventDefault();
      void previews.get().then((p) => p.open(marker, 'touch'));
    }
  }, true);
}

// Claims: one quiet mark per paragraph; its tools load when a mark is first pressed.
if (document.querySelector('.claim-permalink[data-share]')) {
  const marks = addClaimMarks(document, (mark, block) => void claimTools.get().then((tools) => tools.toggle(mark, block)));
  // Pointing at or focusing a mark fetches the tools ahead of the press.
  const early = () => void claimTools.get();
  for (const mark of marks) {
    mark.addEventListener('pointerenter', early, { once: true });
    mark.addEventListener('focus', early, { once: true });
  }
}

// "Cite this" and a claim page's permanent link: the copy buttons appear as the reader reaches either.
const copyAreas = [...document.querySelectorAll('.cite-this, .claim-permalink-section')];
if (copyAreas.length > 0) {
  const copyButtons = lazy(() => import('./copy-citation.ts').then((m) => m.enhanceCitationCopy(document)));
  const wake = () => void copyButtons.get();
  if ('IntersectionObserver' in window) {
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        wake();
      }
    }, { rootMargin: '200px' });
    for (const area of copyAreas) observer.observe(area);
  }
  for (const area of copyAreas) area.addEventListener('focusin', wake);
}
