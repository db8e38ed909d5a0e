/**
 * Takes the README's pictures from the built site (run `npm run build:local`
 * first), so they show what the site really looks like today: the essay page
 * in the light and dark themes, and a citation preview open.
 *
 *   npm run screenshots
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './lib/chromium.ts';
import { serveStatic } from './lib/serve.ts';

const root = join(import.meta.dirname, '..');
const out = join(root, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
const essay = 'essays/prolonged-rl-training/';

const server = await serveStatic(join(root, 'dist'));
const browser = await launchChromium();
try {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: scheme, reducedMotion: 'reduce' });
    await page.goto(`${server.url}${essay}`);
    await page.screenshot({ path: join(out, `essay-${scheme}.png`) });
    console.log(`docs/screenshots/essay-${scheme}.png`);
    await page.close();
  }
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' });
  await page.goto(`${server.url}${essay}#paragraph-3`);
  const marker = page.getByRole('link', { name: /^Source 4:/ });
  await marker.hover();
  await page.locator('.citation-preview:popover-open').waitFor();
  await page.screenshot({ path: join(out, 'citation-preview.png') });
  console.log('docs/screenshots/citation-preview.png');
  await page.close();
} finally {
  await browser.close();
  await server.close();
}
