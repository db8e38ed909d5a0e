import type { APIRoute } from 'astro';
import { siteOrigin } from '../site/citable.ts';
import { robotsTxt } from '../formats/robots.ts';
import { normalizeBase } from '../catalog/settings.ts';
import { absoluteUrl, siteUrls } from '../site/urls.ts';

/**
 * robots.txt, made here so that the sitemap's address follows SITE_URL and
 * BASE_PATH. Crawlers read it only at the origin's root: under a sub-path the
 * host must serve it (or its Sitemap line) from there.
 */
export const GET: APIRoute = ({ site }) =>
  new Response(robotsTxt(absoluteUrl(siteOrigin(site), siteUrls(normalizeBase(import.meta.env.BASE_URL)).sitemap)), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
