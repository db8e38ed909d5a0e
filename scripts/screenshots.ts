/**
 * Takes the README's pictures from the built site (run `npm run build`
 * first), so they show what the site really looks like today:
 * docs/screenshots/essay-light.png and essay-dark.png.
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

const server = await serveStatic(join(root, 'dist'));
const browser = await launchChromium();
try {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: scheme, reducedMotion: 'reduce' });
    await page.goto(`${server.url}essays/prolonged-rl-training/`);
    await page.screenshot({ path: join(out, `essay-${scheme}.png`) });
    await page.close();
    console.log(`docs/screenshots/essay-${scheme}.png`);
  }
} finally {
  await browser.close();
  await server.close();
}
