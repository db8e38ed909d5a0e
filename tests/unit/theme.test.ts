import { describe, expect, it } from 'vitest';
import { effectiveTheme, nextTheme, type Theme, type ThemeChoice } from '../../src/client/theme-choice.ts';

describe('the theme switch', () => {
  it('always shows the other theme on a click, whatever the system and the choice', () => {
    const choices: ThemeChoice[] = ['auto', 'light', 'dark'];
    const systems: Theme[] = ['light', 'dark'];
    for (const system of systems) {
      for (const choice of choices) {
        const next = nextTheme(choice, system);
        expect(effectiveTheme(next, system), `${choice} on a ${system} system`).not.toBe(effectiveTheme(choice, system));
      }
    }
  });

  it('goes back to following the system when the click lands on the system’s theme', () => {
    expect(nextTheme('auto', 'light')).toBe('dark');
    expect(nextTheme('dark', 'light')).toBe('auto');
    expect(nextTheme('auto', 'dark')).toBe('light');
    expect(nextTheme('light', 'dark')).toBe('auto');
    // A choice stored on another device, equal to this system's theme: one click shows the other.
    expect(nextTheme('light', 'light')).toBe('dark');
  });
});
