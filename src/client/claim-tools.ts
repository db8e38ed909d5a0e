/**
 * Claim tools, an enhancement. Without script each claim's ¶ is a plain link
 * to the claim, shown when it has keyboard focus. With script, each paragraph
 * has one quiet mark (src/client/claim-marks.ts), and this module opens, below
 * the paragraph, the tools of its claims: for each claim, its opening words,
 * "Copy link" (its share page, which previews as the claim when pasted into a
 * chat; for a claim with recorded revisions, the page of the wording the
 * reader sees, /c/<id>/<n>/, so the link keeps pointing at those words),
 * "Copy quote" (the claim as a quotation with its link and source numbers)
 * and, for a reworded claim, a link to its history. While a claim's tools
 * are hovered or focused, the claim is highlighted in the text, so it is
 * plain which sentence they act on. Each copy is announced in a live region
 * and shown next to the control.
 */
import { claimsIn } from './claim-marks.ts';
import { formatClaimQuote, quoteNumbers, type ClaimQuote } from './claim-quote.ts';

const LEAD_WORDS = 8;

/** What the page's bootstrap (page.ts) calls when a mark is pressed. */
export interface ClaimTools {
  toggle(mark: HTMLButtonElement, block: HTMLElement): void;
}

export function enhanceClaims(doc: Document): ClaimTools {
  const status = doc.getElementById('claim-status');
  const announce = (control: HTMLElement, message: string) => {
    if (status) status.textContent = message;
    control.dataset['feedback'] = message;
    window.setTimeout(() => delete control.dataset['feedback'], 2000);
  };
  const panels = new Map<HTMLButtonElement, HTMLElement>();

  const close = (mark: HTMLButtonElement, panel: HTMLElement, refocus: boolean) => {
    panel.hidden = true;
    mark.setAttribute('aria-expanded', 'false');
    for (const claim of panel.querySelectorAll<HTMLElement>('[data-claim-tools]')) pointAt(doc, claim.dataset['claimTools']!, false);
    if (refocus) mark.focus();
  };

  const build = (mark: HTMLButtonElement, block: HTMLElement): HTMLElement => {
    const panel = doc.createElement('div');
    panel.className = 'claim-panel';
    panel.setAttribute('role', 'group');
    panel.setAttribute('aria-label', 'Claims in this paragraph');
    panel.dataset['pagefindIgnore'] = 'all';
    const list = doc.createElement('ol');
    list.className = 'claim-panel-list';
    for (const claim of claimsIn(block)) {
      const link = claim.querySelector<HTMLAnchorElement>('.claim-permalink[data-share]')!;
      const id = claim.id;
      const shareUrl = new URL(link.dataset['share']!, doc.baseURI).href;
      const item = doc.createElement('li');
      item.className = 'claim-panel-item';
      item.dataset['claimTools'] = id;
      const words = doc.createElement('span');
      words.className = 'claim-panel-words';
      words.id = `${id}-tools-label`;
      words.textContent = `“${leadWords(claimText(claim), LEAD_WORDS)}”`;
      const copyLink = toolButton(doc, '¶', 'Copy link', words.id);
      copyLink.addEventListener('click', async () => {
        announce(copyLink, (await copy({ text: shareUrl })) ? 'Link copied' : `Copy failed: ${shareUrl}`);
      });
      const copyQuote = toolButton(doc, '❝', 'Copy quote', words.id);
      copyQuote.addEventListener('click', async () => {
        const quote = readQuote(doc, claim, shareUrl);
        const copied = await copy({ text: formatClaimQuote(quote), html: quoteHtml(doc, quote) });
        announce(copyQuote, copied ? 'Quotation copied' : 'Copy failed');
      });
      const actions = doc.createElement('span');
      actions.className = 'claim-panel-actions';
      actions.append(copyLink, copyQuote);
      // A claim reworded since it was first published: its history, as the quiet "revised" mark in the text links it.
      const next = claim.nextElementSibling;
      const revised = claim.querySelector<HTMLAnchorElement>(':scope > .claim-revised') ?? (next instanceof HTMLAnchorElement && next.matches('.claim-revised') ? next : null);
      if (revised) {
        const history = doc.createElement('a');
        history.className = 'claim-tool';
        history.href = revised.href;
        history.setAttribute('aria-describedby', words.id);
        const glyph = doc.createElement('span');
        glyph.className = 'claim-tool-icon';
        glyph.setAttribute('aria-hidden', 'true');
        glyph.textContent = '↺';
        history.append(glyph, ' Revised: history');
        actions.append(history);
      }
      item.append(actions, words);
      // The sentence these tools act on, highlighted while they are pointed at or focused.
      item.addEventListener('pointerenter', () => pointAt(doc, id, true));
      item.addEventListener('pointerleave', () => pointAt(doc, id, item.contains(doc.activeElement)));
      item.addEventListener('focusin', () => pointAt(doc, id, true));
      item.addEventListener('focusout', (event) => {
        if (!item.contains(event.relatedTarget as Node | null)) pointAt(doc, id, item.matches(':hover'));
      });
      list.append(item);
    }
    panel.append(list);
    panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        close(mark, panel, true);
      }
    });
    // On the mark itself: Escape closes the open tools, ArrowDown goes into them (as on a citation marker).
    mark.addEventListener('keydown', (event) => {
      if (panel.hidden) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        close(mark, panel, true);
      } else if (event.key === 'ArrowDown') {
        event.preventDefault();
        panel.querySelector<HTMLElement>('button, a')?.focus();
      }
    });
    // Below the paragraph, so that the claims it names stay in view above it (inside a list item or cell).
    if (block.matches('li, td, dd')) block.append(panel);
    else block.after(panel);
    return panel;
  };

  return {
    toggle(mark, block) {
      let panel = panels.get(mark);
      if (panel && !panel.hidden) {
        close(mark, panel, false);
        return;
      }
      if (!panel) {
        panel = build(mark, block);
        panels.set(mark, panel);
      }
      panel.hidden = false;
      mark.setAttribute('aria-expanded', 'true');
    },
  };
}

function toolButton(doc: Document, icon: string, label: string, describedBy: string): HTMLButtonElement {
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'claim-tool';
  button.setAttribute('aria-describedby', describedBy);
  const glyph = doc.createElement('span');
  glyph.className = 'claim-tool-icon';
  glyph.setAttribute('aria-hidden', 'true');
  glyph.textContent = icon;
  button.append(glyph, ` ${label}`);
  return button;
}

/** Highlights (or not) the claim `id` in the text. */
function pointAt(doc: Document, id: string, on: boolean): void {
  doc.getElementById(id)?.classList.toggle('claim-pointed', on);
}

/** A claim's own words: without its markers, its ¶ and any mark. */
function claimText(claim: HTMLElement): string {
  const copy = claim.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('.citation, .claim-tools, .claim-alias, .claim-mark, .claim-revised').forEach((el) => el.remove());
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function leadWords(text: string, count: number): string {
  const words = text.split(' ');
  return words.length <= count ? text : `${words.slice(0, count).join(' ').replace(/[,;:.]$/, '')}…`;
}

/** The claim's words, numbers and sources, read from the page itself. */
function readQuote(doc: Document, claim: HTMLElement, url: string): ClaimQuote {
  const seen = new Set<string>();
  const sources = [...claim.querySelectorAll<HTMLAnchorElement>('.citation-link')].flatMap((a) => {
    const note = a.dataset['note'] ?? '';
    if (seen.has(note)) return [];
    seen.add(note);
    const entry = doc.getElementById(`ref-${note}`);
    return [{
      number: Number(a.textContent),
      title: entry?.querySelector('.source-title')?.textContent?.trim() ?? a.getAttribute('aria-label')?.replace(/^Source \d+: /, '') ?? note,
      citation: entry?.querySelector('.source-paper')?.textContent?.trim() || undefined,
      url: a.href,
    }];
  });
  sources.sort((a, b) => a.number - b.number);
  return { text: claimText(claim), from: doc.querySelector('h1')?.textContent?.trim() ?? doc.title, url, sources };
}

/** The same quotation as HTML, built with the DOM so that every text is escaped. */
function quoteHtml(doc: Document, quote: ClaimQuote): string {
  const block = doc.createElement('blockquote');
  const p = doc.createElement('p');
  p.textContent = `“${quote.text}”${quoteNumbers(quote.sources)}`;
  const from = doc.createElement('p');
  const link = doc.createElement('a');
  link.href = quote.url;
  link.textContent = quote.from;
  from.append('— ', link);
  block.append(p, from);
  if (quote.sources.length > 0) {
    const list = doc.createElement('ol');
    for (const s of quote.sources) {
      const item = doc.createElement('li');
      item.value = s.number;
      const a = doc.createElement('a');
      a.href = s.url;
      a.textContent = s.title;
      item.append(a, s.citation ? ` (${s.citation})` : '');
      list.append(item);
    }
    block.append(list);
  }
  return block.outerHTML;
}

async function copy({ text, html }: { text: string; html?: string }): Promise<boolean> {
  try {
    if (html && 'ClipboardItem' in window) {
      await navigator.clipboard.write([
        new ClipboardItem({ 'text/plain': new Blob([text], { type: 'text/plain' }), 'text/html': new Blob([html], { type: 'text/html' }) }),
      ]);
    } else {
      await navigator.clipboard.writeText(text);
    }
    return true;
  } catch {
    return false;
  }
}
