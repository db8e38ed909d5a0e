/** The reader's theme choice: follow the system, or force light or dark. */
export type ThemeChoice = 'auto' | 'light' | 'dark';

export const THEME_LABELS: Record<ThemeChoice, string> = { auto: 'Auto', light: 'Light', dark: 'Dark' };

/** Auto → Light → Dark → Auto. */
export function nextTheme(current: ThemeChoice): ThemeChoice {
  return current === 'auto' ? 'light' : current === 'light' ? 'dark' : 'auto';
}
