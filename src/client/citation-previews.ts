/**
 * Citation previews, an enhancement of the plain links the markers are: hover
 * a marker (after a short pause), focus it, or tap it, and its note's preview
 * opens beside it. Each preview is a popover made from the note's entry in the
 * Sources list, which carries the same question, summary and paper: the page
 * ships that text once, and needs no fetch. Being popovers, Escape and a tap
 * outside close them for free. Where the browser has CSS anchor positioning,
 * CSS places the preview below the marker's line and flips it at the
 * viewport's edges; elsewhere this script places it.
 */
import { previewId, sourceId } from '../site/page-ids.ts';

const HOVER_DELAY = 300;
const HIDE_DELAY = 250;
const ANCHOR = '--active-citation';

/** What the page's bootstrap (reading.ts) replays when the reader's first gesture loaded this module. */
export interface CitationPreviews {
  /** The pointer came to rest on a marker: open after the usual pause. */
  hover(marker: HTMLAnchorElement): void;
  /** A marker was focused or tapped: open now. */
  open(marker: HTMLAnchorElement): void;
}

export function enhanceCitations(doc: Document): CitationPreviews {
  addPreviews(doc);
  const anchoring = typeof CSS !== 'undefined' && CSS.supports('anchor-name', ANCHOR);
  let active: { marker: HTMLAnchorElement; preview: HTMLElement } | undefined;
  let showTimer = 0;
  let hideTimer = 0;

  const cancel = () => {
    window.clearTimeout(showTimer);
    window.clearTimeout(hideTimer);
  };

  const show = (marker: HTMLAnchorElement, preview: HTMLElement) => {
    cancel();
    if (active?.marker === marker && preview.matches(':popover-open')) return;
    if (active && active.preview.matches(':popover-open')) active.preview.hidePopover();
    if (active) active.marker.style.removeProperty('anchor-name');
    active = { marker, preview };
    if (anchoring) marker.style.setProperty('anchor-name', ANCHOR);
    preview.showPopover();
    if (!anchoring) place(marker, preview);
  };

  const hide = () => {
    cancel();
    if (active?.preview.matches(':popover-open')) active.preview.hidePopover();
  };

  const hideSoon = () => {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hide, HIDE_DELAY);
  };

  const previewOf = (marker: HTMLAnchorElement) => doc.getElementById(previewId(marker.dataset['note'] ?? ''));

  for (const marker of doc.querySelectorAll<HTMLAnchorElement>('.citation-link[data-note]')) {
    const preview = previewOf(marker);
    if (!preview) continue;
    marker.setAttribute('aria-describedby', preview.id);
    marker.setAttribute('aria-expanded', 'false');

    marker.addEventListener('pointerenter', (event) => {
      if (event.pointerType === 'touch') return;
      cancel();
      showTimer = window.setTimeout(() => show(marker, preview), HOVER_DELAY);
    });
    marker.addEventListener('pointerleave', (event) => {
      if (event.pointerType === 'touch') return;
      window.clearTimeout(showTimer);
      hideSoon();
    });
    marker.addEventListener('focus', () => show(marker, preview));
    marker.addEventListener('blur', (event) => {
      const next = event.relatedTarget as Node | null;
      if (!next || !preview.contains(next)) hideSoon();
    });
    // A tap opens the preview; a second tap on the same marker follows the link.
    // (The tap also focuses the marker, which opens it: judge by the state before the tap.)
    let openBeforeTap = false;
    marker.addEventListener('pointerdown', (event) => {
      if (event.pointerType === 'touch') openBeforeTap = active?.marker === marker && preview.matches(':popover-open');
    });
    marker.addEventListener('click', (event) => {
      if ((event as PointerEvent).pointerType === 'touch' && !openBeforeTap) {
        event.preventDefault();
        show(marker, preview);
      }
    });
    // Tab from an open preview's marker goes into the preview, as if it followed the marker.
    marker.addEventListener('keydown', (event) => {
      if (event.key !== 'Tab' || event.shiftKey || !preview.matches(':popover-open')) return;
      const first = preview.querySelector<HTMLElement>('a[href]');
      if (!first) return;
      event.preventDefault();
      cancel();
      first.focus();
    });
  }

  for (const preview of doc.querySelectorAll<HTMLElement>('.citation-preview')) {
    preview.addEventListener('pointerenter', cancel);
    preview.addEventListener('pointerleave', (event) => {
      if (event.pointerType !== 'touch') hideSoon();
    });
    preview.addEventListener('keydown', (event) => {
      if (event.key !== 'Tab' || !active || active.preview !== preview) return;
      const marker = active.marker;
      event.preventDefault();
      hide();
      if (event.shiftKey) marker.focus();
      else focusAfter(doc, marker, preview);
    });
    preview.addEventListener('focusout', (event) => {
      const next = event.relatedTarget as Node | null;
      if (!next || (!preview.contains(next) && next !== active?.marker)) hideSoon();
    });
    preview.addEventListener('toggle', (event) => {
      const open = (event as ToggleEvent).newState === 'open';
      if (active?.preview === preview) active.marker.setAttribute('aria-expanded', String(open));
      // Closed while focus was inside (Escape): return focus to the marker.
      if (!open && active?.preview === preview && (preview.contains(doc.activeElement) || doc.activeElement === doc.body)) {
        active.marker.focus({ preventScroll: true });
      }
    });
  }

  return {
    hover: (marker) => {
      const preview = previewOf(marker);
      if (!preview) return;
      cancel();
      showTimer = window.setTimeout(() => show(marker, preview), HOVER_DELAY);
    },
    open: (marker) => {
      const preview = previewOf(marker);
      if (preview) show(marker, preview);
    },
  };
}

/**
 * Adds a preview popover for each note in the Sources list, after the article
 * (outside its reading order): "Source n", the question as a link to the note,
 * the summary and the paper, each copied from the note's entry.
 */
function addPreviews(doc: Document): void {
  const entries = doc.querySelectorAll<HTMLLIElement>('.sources-list > li.source');
  if (entries.length === 0) return;
  const box = doc.createElement('div');
  box.className = 'citation-previews';
  // Like the Sources list: search's term highlighting leaves it alone.
  box.dataset['pagefindIgnore'] = 'all';
  const prefix = sourceId('');
  /** A new element holding copies of `from`'s contents (its text, and any inline markup). */
  const copy = <K extends keyof HTMLElementTagNameMap>(tag: K, from: Element | null, attributes: Record<string, string>) => {
    const element = doc.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    if (from) element.append(...[...from.childNodes].map((child) => child.cloneNode(true)));
    return element;
  };
  for (const entry of entries) {
    const title = entry.querySelector<HTMLAnchorElement>('.source-title');
    if (!entry.id.startsWith(prefix) || !title) continue;
    const label = `Source ${entry.value}`;
    const preview = copy('div', null, { id: previewId(entry.id.slice(prefix.length)), class: 'citation-preview', popover: 'auto', role: 'group', 'aria-label': label });
    const number = copy('p', null, { class: 'preview-number' });
    number.textContent = label;
    const question = copy('p', null, { class: 'preview-title', dir: 'auto' });
    question.append(copy('a', title, { href: title.getAttribute('href') ?? '' }));
    preview.append(
      number,
      question,
      copy('p', entry.querySelector('.source-summary'), { class: 'preview-summary', dir: 'auto' }),
      copy('p', entry.querySelector('.source-paper'), { class: 'preview-paper' }),
    );
    box.append(preview);
  }
  const article = entries[0]!.closest('article');
  if (article) article.after(box);
  else doc.body.append(box);
}

/** Focuses the first focusable element after `marker` in the page, outside the preview. */
function focusAfter(doc: Document, marker: HTMLElement, preview: HTMLElement): void {
  const focusable = [...doc.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), input, select, textarea, [tabindex]:not([tabindex="-1"])')]
    .filter((el) => !preview.contains(el) && !el.closest('[popover]:not(:popover-open)') && el.offsetParent !== null);
  const next = focusable[focusable.indexOf(marker) + 1];
  (next ?? marker).focus();
}

/** Places a preview below its marker's line (above if there is no room), inside the viewport. */
function place(marker: HTMLElement, preview: HTMLElement): void {
  const gap = 6;
  const margin = 8;
  const line = marker.getBoundingClientRect();
  const box = preview.getBoundingClientRect();
  const below = line.bottom + gap + box.height <= window.innerHeight - margin;
  const top = below ? line.bottom + gap : Math.max(margin, line.top - gap - box.height);
  const left = Math.min(Math.max(margin, line.left + line.width / 2 - box.width / 2), window.innerWidth - box.width - margin);
  preview.style.setProperty('inset', 'auto');
  preview.style.setProperty('top', `${top}px`);
  preview.style.setProperty('left', `${left}px`);
}
