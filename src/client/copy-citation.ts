/**
 * Copy buttons for "Cite this", an enhancement: without script the buttons
 * stay hidden and the citations are plain selectable text. With it, each
 * button copies its citation's text exactly and says so, next to the button
 * and to screen readers through the section's live region.
 */
export function enhanceCitationCopy(doc: Document): void {
  if (!navigator.clipboard) return;
  for (const button of doc.querySelectorAll<HTMLButtonElement>('button[data-copy-from]')) {
    const source = doc.getElementById(button.dataset['copyFrom']!);
    const status = button.closest('.cite-this')?.querySelector<HTMLElement>('[role="status"]');
    if (!source) continue;
    const label = button.textContent ?? '';
    button.hidden = false;
    button.addEventListener('click', async () => {
      const text = source.textContent ?? '';
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
