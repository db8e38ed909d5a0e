/**
 * robots.txt: every page may be crawled (pages that should stay out of
 * search results say so with a robots meta tag, which a crawler must be
 * allowed to fetch to read), and the sitemap is named with its absolute URL.
 */
export function robotsTxt(sitemapUrl: string): string {
  return ['User-agent: *', 'Allow: /', '', `Sitemap: ${sitemapUrl}`, ''].join('\n');
}
