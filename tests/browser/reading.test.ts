import { describe, expect, it } from 'vitest';
import { citationsOf, content, essayOf, paragraphCount, sharedPage, useSite } from './support.ts';

/** A reader in Chromium, on the built site: read the essay, follow a citation, and come back to the exact claim. */

const site = useSite('site');
// For the tests that change nothing a later test could see (the one without script opens its own).
const shared = sharedPage(site);
const ESSAY = 'prolonged-rl-training';

describe('reading the essay', () => {
  it('opens from the home page and shows the question, the paragraphs and the sources', async () => {
    const page = shared();
    await page.goto(site.url());
    await page.getByRole('link', { name: 'How does prolonged RL training differ from standard RLVR approaches?' }).click();
    await expect.poll(() => page.url()).toBe(site.url(`essays/${ESSAY}/`));
    await expect.poll(() => page.locator('h1').textContent()).toBe('How does prolonged RL training differ from standard RLVR approaches?');
    expect(await page.locator('.essay-body > p').count()).toBe(paragraphCount(ESSAY));
    // One source for every note the essay cites.
    expect(await page.locator('.sources-list > li').count()).toBe(essayOf(ESSAY).notes.length);
  });

  it('follows a citation marker to its note, and the note back to the exact claim', async () => {
    const page = shared();
    await page.goto(site.url(`essays/${ESSAY}/`));
    await page.getByRole('link', { name: 'Source 9: Why do random rewards improve reasoning for some models but not others?' }).click();
    await expect.poll(() => page.url()).toBe(site.url('notes/random-rewards/'));
    // The place in this essay (another essay may cite the note too, and be listed first).
    await page.locator(`.cited-in-place[href$="essays/${ESSAY}/#rewards-as-catalyst"]`).click();
    await expect.poll(() => page.url()).toBe(site.url(`essays/${ESSAY}/#rewards-as-catalyst`));
    const claim = page.locator('#rewards-as-catalyst');
    await expect.poll(() => claim.evaluate((el) => el.matches(':target'))).toBe(true);
    const viewport = page.viewportSize()!;
    // Scrolling may be smooth: wait for it to settle on the claim.
    await expect.poll(async () => {
      const box = await claim.boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= viewport.height;
    }).toBe(true);
  });

  it('reads the same with JavaScript turned off', async () => {
    const page = await site.page({ javaScriptEnabled: false });
    await page.goto(site.url(`essays/${ESSAY}/#format-collapse-first-epoch`));
    expect(await page.locator('.essay-body > p').count()).toBe(paragraphCount(ESSAY));
    await page.getByRole('link', { name: /^Source 1:/ }).click();
    await expect.poll(() => page.url()).toBe(site.url('notes/format-collapse/'));
    // Every place an essay cites the note, listed under "Cited in".
    expect(await page.locator('#cited-in .cited-in-place').count()).toBe(citationsOf('format-collapse'));
  });

  it('helps a lost reader back from the 404 page', async () => {
    const page = shared();
    const response = await page.goto(site.url('notes/no-such-note/'));
    expect(response?.status()).toBe(404);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Page not found');
    await page.getByRole('main').getByRole('link', { name: 'All notes' }).click();
    await expect.poll(() => page.url()).toBe(site.url('notes/'));
    expect(await page.locator('.note-item').count()).toBe(content.notes.length);
  });
});
