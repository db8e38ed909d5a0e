import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openClaimTools, sharedPage, useSite } from './support.ts';
import { SITE_ORIGIN } from '../support/sites.ts';
import { claimCopyPath } from '../support/content.ts';

/** Claim permalinks in Chromium: copying, landing, moved ids, share pages. */

const site = useSite('site');
const good = useSite('good');
// For the tests that change nothing a later test could see (the rest open their own).
const shared = sharedPage(site);
const ESSAY = 'essays/prolonged-rl-training/';

/** True once the element is inside the viewport, below the sticky header. */
async function inView(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((el) => {
    const box = el.getBoundingClientRect();
    const header = document.querySelector('.site-header')!.getBoundingClientRect().bottom;
    return box.top >= header - 1 && box.top < window.innerHeight;
  });
}

const clipboardText = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const backgroundOf = (page: Page, selector: string) => page.locator(selector).evaluate((el) => getComputedStyle(el).backgroundColor);

describe('copying a claim', () => {
  // The link copied is the claim's latest recorded wording's own page, so it keeps pointing at the words the reader saw.
  const copied = (id: string) => site.url(claimCopyPath(site.build.contentDir, id));

  it('copies the exact permanent link and says so', async () => {
    const page = await site.page({ clipboard: true, reducedMotion: 'reduce' });
    await page.goto(site.url(ESSAY));
    const tools = await openClaimTools(page.locator('#format-collapse-first-epoch'));
    await tools.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => clipboardText(page)).toBe(copied('format-collapse-first-epoch'));
    await expect.poll(() => page.locator('#claim-status').textContent()).toBe('Link copied');
    expect(page.url()).toBe(site.url(ESSAY));
  });

  it('works from the keyboard alone', async () => {
    const page = await site.page({ clipboard: true, reducedMotion: 'reduce' });
    await page.goto(site.url(ESSAY));
    // The paragraph's mark, then Tab to the claim's own "Copy link".
    await page.locator('.has-claim-mark', { has: page.locator('#two-phase-arc') }).locator('.claim-mark').focus();
    await page.keyboard.press('Enter');
    const copyLink = page.locator('[data-claim-tools="two-phase-arc"]').getByRole('button', { name: 'Copy link' });
    await copyLink.waitFor();
    for (let i = 0; i < 20 && !(await copyLink.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    // While it has focus, the sentence it acts on is highlighted.
    expect(await page.locator('.claim-pointed').evaluateAll((els) => els.map((e) => e.id))).toEqual(['two-phase-arc']);
    await page.keyboard.press('Enter');
    await expect.poll(() => clipboardText(page)).toBe(copied('two-phase-arc'));
  });

  it('copies the claim as a quotation with its link and source numbers', async () => {
    const page = await site.page({ clipboard: true, reducedMotion: 'reduce' });
    await page.goto(site.url(ESSAY));
    const tools = await openClaimTools(page.locator('#rl-touches-small-slice'));
    await tools.getByRole('button', { name: 'Copy quote' }).click();
    await expect.poll(() => page.locator('#claim-status').textContent()).toBe('Quotation copied');
    expect((await clipboardText(page)).split('\n')).toEqual([
      '“Mechanically, RL only ever touches a small, structurally consistent slice of the network — 5 to 30 percent of parameters, nearly identical across random seeds — and works mostly by suppressing wrong trajectories rather than building new ones.” [2, 3]',
      '— How does prolonged RL training differ from standard RLVR approaches?',
      copied('rl-touches-small-slice'),
      `[2] Does reinforcement learning update only a small fraction of parameters? (Mukherjee et al., 2025) ${site.url('notes/sparse-parameter-updates/')}`,
      `[3] What actually changes inside a model during RL training? (Draws on Mukherjee et al., 2025; Zhu et al., 2025; Wang et al., 2025) ${site.url('notes/what-rl-changes/')}`,
    ]);
  });

  it('is a plain link to the claim without JavaScript', async () => {
    const page = await site.page({ javaScriptEnabled: false });
    await page.goto(site.url(ESSAY));
    const link = page.locator('#early-commitment').getByRole('link', { name: 'Link to this claim' });
    // Out of sight until it has keyboard focus: nothing shows over the words under a resting pointer.
    const shown = () => link.evaluate((el) => getComputedStyle(el.closest('.claim-toolbar')!).opacity);
    await page.locator('#early-commitment').hover();
    expect(await shown()).toBe('0');
    await link.focus();
    expect(await shown()).toBe('1');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toBe(site.url(`${ESSAY}#early-commitment`));
  });
});

describe('landing on a claim', () => {
  it('puts the claim in view, clear of the sticky header, and highlights it', async () => {
    const page = shared();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(site.url(`${ESSAY}#cannot-out-train-prior`));
    await expect.poll(() => inView(page, '#cannot-out-train-prior')).toBe(true);
    const [claim, body] = await Promise.all([backgroundOf(page, '#cannot-out-train-prior'), backgroundOf(page, 'body')]);
    expect(claim).not.toBe(body);
    expect(claim).not.toBe('rgba(0, 0, 0, 0)');
  });

  it('keeps the highlight in the dark theme and in print', async () => {
    const page = shared();
    for (const options of [{ colorScheme: 'dark' as const }, { colorScheme: 'light' as const, media: 'print' as const }]) {
      await page.emulateMedia(options);
      await page.goto(site.url(`${ESSAY}#early-commitment`));
      expect(await backgroundOf(page, '#early-commitment'), JSON.stringify(options)).not.toBe('rgba(0, 0, 0, 0)');
    }
  });

  it('lands an old, moved id on its successor, with no JavaScript', async () => {
    const page = await good.page({ javaScriptEnabled: false, reducedMotion: 'reduce' });
    await page.goto(good.url('essays/first-essay/#oldest-opening'));
    await expect.poll(() => inView(page, '#opening-claim')).toBe(true);
    expect(await backgroundOf(page, '#opening-claim')).not.toBe('rgba(0, 0, 0, 0)');
    await page.goto(good.url('c/old-opening/'));
    await expect.poll(() => page.url()).toBe(good.url('c/opening-claim/'));
  });

  it('shows the note for a retired id, which links to the nearest claim', async () => {
    const page = await good.page();
    await page.goto(good.url('essays/first-essay/#withdrawn-claim'));
    const note = page.locator('#withdrawn-claim');
    expect(await note.isVisible()).toBe(true);
    await expect.poll(() => inView(page, '#withdrawn-claim')).toBe(true);
    expect(await page.locator('#beta-first-draft').isVisible()).toBe(false);
    // Its last wording's page is linked too; the nearest claim's link takes the reader on.
    await note.getByRole('link', { name: 'as last published' }).waitFor();
    await note.getByRole('link').last().click();
    await expect.poll(() => page.url()).toBe(good.url('essays/first-essay/#alpha-again'));
  });
});

describe('share pages', () => {
  it('carry the claim as preview metadata, with a picture that exists', async () => {
    const page = shared();
    await page.goto(site.url('c/sampling-efficiency-not-boundary/'));
    const meta = (name: string) => page.locator(`meta[property="${name}"], meta[name="${name}"]`).getAttribute('content');
    expect(await meta('og:title')).toMatch(/^RLVR improves sampling efficiency/);
    expect(await meta('og:description')).toContain('How does prolonged RL training differ from standard RLVR approaches?');
    expect(await meta('twitter:card')).toBe('summary_large_image');
    const image = (await meta('og:image'))!.replace(`${SITE_ORIGIN}/`, site.url());
    const response = await page.request.get(image);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('image/png');
    await page.getByRole('link', { name: 'Read in context' }).click();
    await expect.poll(() => page.url()).toBe(site.url(`${ESSAY}#sampling-efficiency-not-boundary`));
  });
});
