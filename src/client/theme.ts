/**
 * The theme switch: each click shows the other theme than the one showing
 * (src/client/theme-choice.ts), stores the choice (or forgets it, when the
 * page is back on the system's theme), and applies it at once.
 */
import { effectiveTheme, nextTheme, THEME_LABELS, type Theme, type ThemeChoice } from './theme-choice.ts';

const KEY = 'theme';

export function enhanceThemeToggle(doc: Document): void {
  const button = doc.querySelector<HTMLButtonElement>('.theme-toggle');
  if (!button) return;
  const label = button.querySelector('.theme-toggle-label')!;
  const dark = window.matchMedia('(prefers-color-scheme: dark)');
  const system = (): Theme => (dark.matches ? 'dark' : 'light');
  const read = (): ThemeChoice => {
    try {
      const stored = localStorage.getItem(KEY);
      return stored === 'light' || stored === 'dark' ? stored : 'auto';
    } catch {
      return 'auto';
    }
  };
  let choice = read();
  const apply = () => {
    if (choice === 'auto') delete doc.documentElement.dataset['theme'];
    else doc.documentElement.dataset['theme'] = choice;
    const showing = effectiveTheme(choice, system());
    const other = THEME_LABELS[showing === 'light' ? 'dark' : 'light'];
    label.textContent = THEME_LABELS[showing];
    button.dataset['showing'] = showing;
    button.setAttribute('aria-label', `Colour theme: ${THEME_LABELS[showing]}`);
    button.title = `Switch to the ${other.toLowerCase()} theme`;
  };
  apply();
  button.hidden = false;
  // Following the system: its change shows at once, and the label says so.
  dark.addEventListener('change', apply);
  button.addEventListener('click', () => {
    choice = nextTheme(choice, system());
    try {
      if (choice === 'auto') localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, choice);
    } catch {
      // Storage may be blocked; the choice then lasts for this page only.
    }
    apply();
  });
}
