/**
 * Takes the README's pictures from the built site (run `npm run build:local`
 * first), so they show what the site really looks like today: the essay page
 * on a phone (390 px) and a laptop (1440 px), each in the light and the dark
 * theme, and a citation preview open.
 *
 *   npm run screenshots
 *
 * Writes exactly these files into docs/screenshots/: essay-390-light.png,
 * essay-390-dark.png, essay-1440-light.png, essay-1440-dark.png and
 * preview-1440-light.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './lib/chromium.ts';
import { serveStatic } from './lib/serve.ts';

const root = join(import.meta.dirname, '..');
const out = join(root, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
const essay = 'essays/prolonged-rl-training/';

/** A page at this width and theme, its fonts loaded (the site's own may download), ready for its picture. */
async function open(browser: Browser, url: string, width: number, scheme: 'light' | 'dark') {
  const page = await browser.newPage({ viewport: { width, height: width < 600 ? 844 : 900 }, colorScheme: scheme, reducedMotion: 'reduce' });
  await page.goto(url);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

// npm run build:local's folder: a build for this machine (npm run build's dist/ is for the deployed address).
const server = await serveStatic(join(root, 'dist-local'));
const browser = await launchChromium();
try {
  for (const width of [390, 1440]) {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await open(browser, `${server.url}${essay}`, width, scheme);
      const file = `essay-${width}-${scheme}.png`;
      await page.screenshot({ path: join(out, file) });
      console.log(`docs/screenshots/${file}`);
      await page.close();
    }
  }
  const page = await open(browser, `${server.url}${essay}#paragraph-3`, 1440, 'light');
  const marker = page.getByRole('link', { name: /^Source 4:/ });
  await marker.hover();
  await page.locator('.citation-preview:popover-open').waitFor();
  await page.screenshot({ path: join(out, 'preview-1440-light.png') });
  console.log('docs/screenshots/preview-1440-light.png');
  await page.close();
} finally {
  await browser.close();
  await server.close();
}
