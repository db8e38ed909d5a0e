/** The theme switch: cycles Auto → Light → Dark, stores the choice, and applies it at once. */
import { nextTheme, THEME_LABELS, type ThemeChoice } from './theme-choice.ts';

const KEY = 'theme';

export function enhanceThemeToggle(doc: Document): void {
  const button = doc.querySelector<HTMLButtonElement>('.theme-toggle');
  if (!button) return;
  const label = button.querySelector('.theme-toggle-label')!;
  const read = (): ThemeChoice => {
    try {
      const stored = localStorage.getItem(KEY);
      return stored === 'light' || stored === 'dark' ? stored : 'auto';
    } catch {
      return 'auto';
    }
  };
  const apply = (choice: ThemeChoice) => {
    if (choice === 'auto') delete doc.documentElement.dataset['theme'];
    else doc.documentElement.dataset['theme'] = choice;
    label.textContent = THEME_LABELS[choice];
    button.setAttribute('aria-label', `Colour theme: ${THEME_LABELS[choice]}`);
  };
  apply(read());
  button.hidden = false;
  button.addEventListener('click', () => {
    const choice = nextTheme(read());
    try {
      if (choice === 'auto') localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, choice);
    } catch {
      // Storage may be blocked; the choice then lasts for this page only.
    }
    apply(choice);
  });
}
