/**
 * The web app manifest (site.webmanifest): the site's name and its icons in
 * public/. Every URL in it is relative, resolved against the manifest's own
 * address, so a deploy under a sub-path needs nothing more.
 */
export function webManifest(site: { name: string; description: string; language: string }): Record<string, unknown> {
  return {
    name: site.name,
    short_name: site.name,
    description: site.description,
    lang: site.language,
    start_url: './',
    scope: './',
    display: 'browser',
    background_color: '#fcfbf8',
    theme_color: '#a3461c',
    icons: [
      { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  };
}
