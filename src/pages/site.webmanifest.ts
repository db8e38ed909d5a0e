import type { APIRoute } from 'astro';
import { webManifest } from '../formats/web-manifest.ts';
import { SITE_DESCRIPTION, SITE_LANGUAGE, SITE_NAME } from '../site/identity.ts';

/**
 * The web app manifest: the site's name and icons (public/) for a phone's home
 * screen or a browser's tab list, made here so that the name follows
 * site.config.ts. Its URLs are relative to the manifest, so they follow the base path.
 */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(webManifest({ name: SITE_NAME, description: SITE_DESCRIPTION, language: SITE_LANGUAGE }), null, 2), {
    headers: { 'Content-Type': 'application/manifest+json; charset=utf-8' },
  });
