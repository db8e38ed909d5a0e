import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../tools/lib/chromium.ts';
import { serveStatic, type StaticServer } from '../../tools/lib/serve.ts';
import { siteBuild } from '../support/sites.ts';

/** A reader in Chromium, on the built site: read the essay, follow a citation, and come back to the exact claim. */

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic(siteBuild('site').outDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('reading the essay', () => {
  it('opens from the home page and shows the question, the paragraphs and the sources', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByRole('link', { name: 'How does prolonged RL training differ from standard RLVR approaches?' }).click();
    await expect.poll(() => page.url()).toBe(`${server.url}essays/prolonged-rl-training/`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('How does prolonged RL training differ from standard RLVR approaches?');
    expect(await page.locator('.essay-body > p').count()).toBe(5);
    expect(await page.locator('.sources-list > li').count()).toBe(12);
    await page.close();
  });

  it('follows a citation marker to its note, and the note back to the exact claim', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}essays/prolonged-rl-training/`);
    await page.getByRole('link', { name: 'Source 9: Why do random rewards improve reasoning for some models but not others?' }).click();
    await expect.poll(() => page.url()).toBe(`${server.url}notes/random-rewards/`);
    await page.locator('.cited-in-place').first().click();
    await expect.poll(() => page.url()).toBe(`${server.url}essays/prolonged-rl-training/#rewards-as-catalyst`);
    const claim = page.locator('#rewards-as-catalyst');
    await expect.poll(() => claim.evaluate((el) => el.matches(':target'))).toBe(true);
    const viewport = page.viewportSize()!;
    // Scrolling may be smooth: wait for it to settle on the claim.
    await expect.poll(async () => {
      const box = await claim.boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= viewport.height;
    }).toBe(true);
    await page.close();
  });

  it('reads the same with JavaScript turned off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}essays/prolonged-rl-training/#format-collapse-first-epoch`);
    expect(await page.locator('.essay-body > p').count()).toBe(5);
    await page.getByRole('link', { name: /^Source 1:/ }).click();
    await expect.poll(() => page.url()).toBe(`${server.url}notes/format-collapse/`);
    expect(await page.locator('#cited-in .cited-in-place').count()).toBe(1);
    await context.close();
  });

  it('helps a lost reader back from the 404 page', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${server.url}notes/no-such-note/`);
    expect(response?.status()).toBe(404);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Page not found');
    await page.getByRole('main').getByRole('link', { name: 'All notes' }).click();
    await expect.poll(() => page.url()).toBe(`${server.url}notes/`);
    expect(await page.locator('.note-item').count()).toBe(12);
    await page.close();
  });
});
