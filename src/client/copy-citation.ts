/**
 * Copy buttons for "Cite this" and a claim page's permanent link, an enhancement: without script the buttons
 * stay hidden and the citations are plain selectable text. With it, each
 * button copies its citation's text exactly and says so, next to the button
 * and to screen readers through the section's live region.
 */
export function enhanceCitationCopy(doc: Document): void {
  if (!navigator.clipboard) return;
  for (const button of doc.querySelectorAll<HTMLButtonElement>('button[data-copy-from]')) {
    const source = doc.getElementById(button.dataset['copyFrom']!);
    const status = button.closest('.cite-this, .claim-permalink-section')?.querySelector<HTMLElement>('[role="status"]');
    if (!source) continue;
    const label = button.textContent ?? '';
    button.hidden = false;
    button.addEventListener('click', async () => {
      // A link copies its address as the browser resolves it (as the claim tools do), a citation its text.
      const text = source instanceof HTMLAnchorElement ? source.href : (source.textContent ?? '');
      let message: string;
      try {
        await navigator.clipboard.writeText(text);
        message = `${button.dataset['format'] ?? 'Citation'} copied`;
      } catch {
        message = 'Copy failed: select the text instead';
      }
      button.textContent = message;
      if (status) status.textContent = message;
      window.setTimeout(() => (button.textContent = label), 2000);
    });
  }
}
