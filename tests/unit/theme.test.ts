import { expect, it } from 'vitest';
import { nextTheme } from '../../src/client/theme-choice.ts';

it('cycles Auto, Light, Dark and back', () => {
  expect([nextTheme('auto'), nextTheme('light'), nextTheme('dark')]).toEqual(['light', 'dark', 'auto']);
});
