import site from '../../site.config.ts';
import type { Contributor } from '../catalog/site-config.ts';

/**
 * The site's own name, framing text, language and people, from
 * site.config.ts (its address comes through src/site/settings.ts, which the
 * environment may override).
 */
export const SITE_NAME: string = site.name;
export const SITE_DESCRIPTION: string = site.description;
/** The language of the site's pages (`<html lang>`) and of its search index. */
export const SITE_LANGUAGE: string = site.language;
/** Who wrote the site: the authors of every essay that names none, and of its notes and claims. */
export const SITE_AUTHORS: readonly Contributor[] = site.authors;
/** Who edits the site, if anyone is named. */
export const SITE_EDITORS: readonly Contributor[] = site.editors ?? [];
/**
 * The Open Graph locale (og:locale), which is language_TERRITORY: "en-GB" as
 * "en_GB", and a bare language with its likeliest territory ("en" as "en_US",
 * "de" as "de_DE"), as the platform's likely-subtags data gives it.
 */
export const SITE_LOCALE: string = openGraphLocale(site.language);

export function openGraphLocale(language: string): string {
  const locale = new Intl.Locale(language).maximize();
  return locale.region ? `${locale.language}_${locale.region}` : locale.language;
}
