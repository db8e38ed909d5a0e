/**
 * Citation previews, an enhancement of the plain links the markers are: hover
 * a marker (after a short pause), focus it from the keyboard, or tap it, and
 * its note's preview opens beside it. Each preview is a popover made from the
 * note's entry in the Sources list, which carries the same question, summary
 * and paper: the page ships that text once, and needs no fetch. Being
 * popovers, Escape and a tap outside close them for free. Where the browser
 * has CSS anchor positioning, CSS places the preview below the marker's line
 * and flips it at the viewport's edges; elsewhere this script places it.
 *
 * Who opened a preview decides how it behaves. Opened by the pointer, it
 * closes when the pointer leaves the marker and the preview, and it never
 * moves focus. Opened from the keyboard, it stays while the marker has focus;
 * Tab goes on to the next control of the page (a preview is the marker's
 * description, not a stop of its own: a page of markers would cost two Tab
 * presses each), ArrowDown enters it, and Escape inside it returns focus to
 * the marker without opening it again. Opened by a tap, a second tap on the
 * marker follows its link.
 */
import { previewId, sourceId } from '../site/page-ids.ts';

const HOVER_DELAY = 300;
const HIDE_DELAY = 250;
const ANCHOR = '--active-citation';

type Opener = 'pointer' | 'keyboard' | 'touch';

/** What the page's bootstrap (page.ts) replays when the reader's first gesture loaded this module. */
export interface CitationPreviews {
  /** The pointer came to rest on a marker: open after the usual pause. */
  hover(marker: HTMLAnchorElement): void;
  /** A marker was focused from the keyboard, or tapped: open now. */
  open(marker: HTMLAnchorElement, by: Exclude<Opener, 'pointer'>): void;
}

export function enhanceCitations(doc: Document): CitationPreviews {
  addPreviews(doc);
  const anchoring = typeof CSS !== 'undefined' && CSS.supports('anchor-name', ANCHOR);
  let active: { marker: HTMLAnchorElement; preview: HTMLElement; by: Opener } | undefined;
  let showTimer = 0;
  let hideTimer = 0;
  /** A marker the browser gives focus back to as its preview closes: that focus must not open it again. */
  let returning: HTMLAnchorElement | undefined;
  /** The marker each preview was last opened from (a note cited twice has one preview for two markers). */
  const owners = new Map<HTMLElement, HTMLAnchorElement>();

  const isOpen = (preview: HTMLElement) => preview.matches(':popover-open');

  const cancel = () => {
    window.clearTimeout(showTimer);
    window.clearTimeout(hideTimer);
  };

  const show = (marker: HTMLAnchorElement, preview: HTMLElement, by: Opener) => {
    cancel();
    // A pause that ended after the pointer had gone opens nothing.
    if (by === 'pointer' && !marker.matches(':hover')) return;
    if (active?.marker === marker && isOpen(preview)) {
      // The keyboard (or a tap) takes over a preview the pointer opened: it now stays until focus leaves.
      if (by !== 'pointer') active.by = by;
      return;
    }
    const previous = active;
    active = { marker, preview, by };
    if (previous) {
      previous.marker.style.removeProperty('anchor-name');
      if (isOpen(previous.preview)) previous.preview.hidePopover();
      previous.marker.setAttribute('aria-expanded', 'false');
    }
    if (anchoring) marker.style.setProperty('anchor-name', ANCHOR);
    // Hiding the previous preview may have moved focus, and so opened another: the newest asked for wins.
    if (active.marker !== marker || isOpen(preview)) return;
    owners.set(preview, marker);
    preview.showPopover();
    marker.setAttribute('aria-expanded', 'true');
    if (!anchoring) place(marker, preview);
  };

  const hide = () => {
    cancel();
    if (active && isOpen(active.preview)) active.preview.hidePopover();
  };

  const hideSoon = () => {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hide, HIDE_DELAY);
  };

  const hoverSoon = (marker: HTMLAnchorElement, preview: HTMLElement) => {
    cancel();
    showTimer = window.setTimeout(() => show(marker, preview, 'pointer'), HOVER_DELAY);
  };

  const previewOf = (marker: HTMLAnchorElement) => doc.getElementById(previewId(marker.dataset['note'] ?? ''));

  for (const marker of doc.querySelectorAll<HTMLAnchorElement>('.citation-link[data-note]')) {
    const preview = previewOf(marker);
    if (!preview) continue;
    marker.setAttribute('aria-describedby', preview.id);
    marker.setAttribute('aria-expanded', 'false');

    marker.addEventListener('pointerenter', (event) => {
      if (event.pointerType !== 'touch') hoverSoon(marker, preview);
    });
    marker.addEventListener('pointerleave', (event) => {
      if (event.pointerType === 'touch') return;
      window.clearTimeout(showTimer);
      if (active?.marker === marker && active.by === 'pointer') hideSoon();
    });
    // Only the keyboard's focus opens: a click or a tap focuses the marker too, and has its own ways.
    marker.addEventListener('focus', () => {
      const back = returning === marker;
      returning = undefined;
      if (!back && marker.matches(':focus-visible')) show(marker, preview, 'keyboard');
    });
    marker.addEventListener('blur', (event) => {
      if (active?.marker !== marker || active.by !== 'keyboard') return;
      const next = event.relatedTarget as Node | null;
      if (!next || !preview.contains(next)) hide();
    });
    // A tap opens the preview; a second tap on the same marker follows the link.
    let openBeforeTap = false;
    marker.addEventListener('pointerdown', (event) => {
      if (event.pointerType === 'touch') openBeforeTap = active?.marker === marker && isOpen(preview);
    });
    marker.addEventListener('click', (event) => {
      if ((event as PointerEvent).pointerType === 'touch' && !openBeforeTap) {
        event.preventDefault();
        show(marker, preview, 'touch');
      }
    });
    // ArrowDown from the marker enters its open preview (Tab goes on through the page).
    marker.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowDown' || event.altKey || event.ctrlKey || event.metaKey || !isOpen(preview)) return;
      const first = preview.querySelector<HTMLElement>('a[href]');
      if (!first) return;
      event.preventDefault();
      cancel();
      if (active) active.by = 'keyboard';
      first.focus();
    });
  }

  for (const preview of doc.querySelectorAll<HTMLElement>('.citation-preview')) {
    preview.addEventListener('pointerenter', (event) => {
      if (event.pointerType !== 'touch') window.clearTimeout(hideTimer);
    });
    preview.addEventListener('pointerleave', (event) => {
      if (event.pointerType !== 'touch' && active?.preview === preview && active.by === 'pointer') hideSoon();
    });
    // Tab out of a preview goes on from its marker, as if the preview followed it; Shift+Tab goes back to the marker.
    preview.addEventListener('keydown', (event) => {
      if (event.key !== 'Tab' || active?.preview !== preview) return;
      const { marker } = active;
      const focusable = [...preview.querySelectorAll<HTMLElement>('a[href]')];
      const edge = event.shiftKey ? focusable[0] : focusable.at(-1);
      if (event.target !== edge) return;
      event.preventDefault();
      // Focus first, then close: a preview closed with focus inside gives it back to its marker.
      if (event.shiftKey) {
        returning = marker;
        marker.focus();
        returning = undefined;
      } else {
        focusAfter(doc, marker, preview);
        hide();
      }
    });
    preview.addEventListener('focusout', (event) => {
      const next = event.relatedTarget as Node | null;
      if (next && (preview.contains(next) || next === active?.marker)) return;
      if (active?.preview === preview && active.by !== 'pointer') hide();
    });
    preview.addEventListener('beforetoggle', (event) => {
      if ((event as ToggleEvent).newState !== 'closed') return;
      owners.get(preview)?.setAttribute('aria-expanded', 'false');
      // Closing with focus inside (Escape): the browser gives focus back to the marker, which must not reopen it.
      if (active?.preview === preview && preview.contains(doc.activeElement)) returning = active.marker;
    });
    preview.addEventListener('toggle', (event) => {
      if ((event as ToggleEvent).newState === 'open' || active?.preview !== preview) return;
      returning = undefined;
      // Focus was inside and went nowhere (the marker was not where it came from): back to the marker, quietly.
      if (active.by === 'keyboard' && doc.activeElement === doc.body) {
        returning = active.marker;
        active.marker.focus({ preventScroll: true });
        returning = undefined;
      }
    });
  }

  return {
    hover: (marker) => {
      const preview = previewOf(marker);
      if (preview) hoverSoon(marker, preview);
    },
    open: (marker, by) => {
      const preview = previewOf(marker);
      if (preview) show(marker, preview, by);
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
