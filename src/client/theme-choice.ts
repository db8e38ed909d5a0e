/** The reader's theme choice: follow the system, or force light or dark. */
export type ThemeChoice = 'auto' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

export const THEME_LABELS: Record<Theme, string> = { light: 'Light', dark: 'Dark' };

/** The theme the page shows: the reader's choice, or the system's. */
export function effectiveTheme(choice: ThemeChoice, system: Theme): Theme {
  return choice === 'auto' ? system : choice;
}

/**
 * What a click on the switch chooses: always the other theme than the one
 * showing, so that every click changes the page. Landing on the system's own
 * theme goes back to following the system (nothing stored), so there is no
 * third state to click through, and a reader who switched once and back
 * follows the system again.
 */
export function nextTheme(choice: ThemeChoice, system: Theme): ThemeChoice {
  const other: Theme = effectiveTheme(choice, system) === 'light' ? 'dark' : 'light';
  return other === system ? 'auto' : other;
}
