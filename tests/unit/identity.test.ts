import { describe, expect, it } from 'vitest';
import { openGraphLocale } from '../../src/site/identity.ts';

describe('openGraphLocale', () => {
  it('writes a language tag as Open Graph spells a locale, language_TERRITORY', () => {
    expect(openGraphLocale('en-GB')).toBe('en_GB');
    expect(openGraphLocale('pt-BR')).toBe('pt_BR');
  });

  it('gives a bare language its likeliest territory', () => {
    expect(openGraphLocale('en')).toBe('en_US');
    expect(openGraphLocale('de')).toBe('de_DE');
    expect(openGraphLocale('ja')).toBe('ja_JP');
  });
});
