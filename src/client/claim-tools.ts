/**
 * Claim tools, an enhancement: without script each claim's ¶ is a plain link
 * to the claim. With it, the ¶ copies the claim's permanent link (its share
 * page, which previews as the claim when pasted into a chat), and a second
 * button copies the claim as a quotation with its link and source numbers.
 * Each copy is announced in a live region and shown next to the control.
 */
import { formatClaimQuote, quoteNumbers, type ClaimQuote } from './claim-quote.ts';

/** What the page's bootstrap (reading.ts) replays when a click on ¶ loaded this module. */
export interface ClaimTools {
  copyLink(link: HTMLAnchorElement): Promise<void>;
}

export function enhanceClaims(doc: Document): ClaimTools {
  const status = doc.getElementById('claim-status');
  const announce = (control: HTMLElement, message: string) => {
    if (status) status.textContent = message;
    control.dataset['feedback'] = message;
    window.setTimeout(() => delete control.dataset['feedback'], 2000);
  };
  const copyLink = async (link: HTMLAnchorElement) => {
    const shareUrl = new URL(link.dataset['share']!, doc.baseURI).href;
    announce(link, (await copy({ text: shareUrl })) ? 'Link copied' : `Copy failed: ${shareUrl}`);
  };

  for (const link of doc.querySelectorAll<HTMLAnchorElement>('.claim-permalink[data-share]')) {
    const claim = link.closest<HTMLElement>('.claim');
    const toolbar = link.parentElement;
    if (!claim || !toolbar) continue;
    const shareUrl = new URL(link.dataset['share']!, doc.baseURI).href;
    link.setAttribute('aria-label', 'Copy link to this claim');
    link.title = 'Copy link to this claim';
    link.addEventListener('click', (event) => {
      event.preventDefault();
      void copyLink(link);
    });

    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'claim-copy-quote';
    button.setAttribute('aria-label', 'Copy this claim as a quotation');
    button.title = 'Copy as a quotation';
    button.textContent = '❝';
    button.addEventListener('click', async () => {
      const quote = readQuote(doc, claim, shareUrl);
      const copied = await copy({ text: formatClaimQuote(quote), html: quoteHtml(doc, quote) });
      announce(button, copied ? 'Quotation copied' : 'Copy failed');
    });
    toolbar.append(button);
  }
  return { copyLink };
}

/** The claim's words, numbers and sources, read from the page itself. */
function readQuote(doc: Document, claim: HTMLElement, url: string): ClaimQuote {
  const copy = claim.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('.citation, .claim-tools, .claim-alias').forEach((el) => el.remove());
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
  return { text: (copy.textContent ?? '').replace(/\s+/g, ' ').trim(), from: doc.querySelector('h1')?.textContent?.trim() ?? doc.title, url, sources };
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
