import settings from 'virtual:site/settings';
import { siteUrls } from './urls.ts';

/**
 * The build's settings as pages see them (src/catalog/settings.ts reads them;
 * src/integrations/content-index.ts hands them over), and the URL helpers made
 * from them once.
 */

/** The origin the site is served from, without a trailing slash. */
export const SITE_ORIGIN: string = settings.site;
/** Astro's cache folder, where the build keeps what it can reuse. */
export const CACHE_DIR: string = settings.cacheDir;
/** Every URL of the site, under its base path. */
export const urls = siteUrls(settings.base);
