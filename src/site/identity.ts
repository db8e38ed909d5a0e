/** The site's own name and framing text, which is the site's, not the essays'. */
export const SITE_NAME = 'Research Explainers';
export const SITE_DESCRIPTION = 'Short essays that answer research questions from notes on the papers behind them.';
/** The language of the site's pages (`<html lang>`) and of its search index. */
export const SITE_LANGUAGE = 'en';
