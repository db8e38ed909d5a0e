import type { APIRoute } from 'astro';
import { robotsTxt } from '../formats/robots.ts';
import { SITE_ORIGIN, urls } from '../site/settings.ts';
import { absoluteUrl } from '../site/urls.ts';

/**
 * robots.txt, made here so that the sitemap's address follows SITE_URL and
 * BASE_PATH. Crawlers read it only at the origin's root: under a sub-path the
 * host must serve it (or its Sitemap line) from there.
 */
export const GET: APIRoute = () =>
  new Response(robotsTxt(absoluteUrl(SITE_ORIGIN, urls.sitemap)), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
