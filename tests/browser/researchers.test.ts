import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, describeViolations } from '../support/axe.ts';
import { essayOf, sharedPage, useSite } from './support.ts';
import { SITE_ORIGIN } from '../support/sites.ts';

/**
 * For researchers, in Chromium: the claims-and-evidence map's links and
 * highlighting, its narrow-screen form, what axe finds on it and on "Cite
 * this", and the copy buttons.
 */

const MAP = 'essays/prolonged-rl-training/evidence/';
const ESSAY = essayOf('prolonged-rl-training');

const site = useSite('site');
// For the tests that change nothing a later test could see (the rest open their own).
const shared = sharedPage(site, { viewport: { width: 1280, height: 900 } });

/** Switches the loaded page to the colour scheme (it follows the system's as it changes), and says it has. */
async function showScheme(page: Page, colorScheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme });
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), colorScheme).toBe(colorScheme === 'dark');
}

/** axe-core's violations within `selector`, as "rule: help (targets)" lines. */
async function axeFindings(page: Page, selector: string): Promise<string> {
  return describeViolations(await axeViolations(page, selector));
}

describe('the claims and evidence map', () => {
  it('leads from a claim to that claim in the essay', async () => {
    const page = shared();
    await page.goto(site.url(MAP));
    await page.locator('a[data-claim="format-collapse-first-epoch"] .em-hit').click();
    await expect.poll(() => page.url()).toBe(site.url('essays/prolonged-rl-training/#format-collapse-first-epoch'));
    expect(await page.locator('#format-collapse-first-epoch').textContent()).toContain('Format diversity collapses within the very first epoch');
  });

  it('leads from a note to the note', async () => {
    const page = shared();
    await page.goto(site.url(MAP));
    await page.locator('a[data-note="what-rl-changes"] .em-hit').click();
    await expect.poll(() => page.url()).toBe(site.url('notes/what-rl-changes/'));
    expect(await page.locator('h1').textContent()).toBe('What actually changes inside a model during RL training?');
  });

  it('links every claim and every note, each with a name that says what it is', async () => {
    const page = shared();
    await page.goto(site.url(MAP));
    const claims = await page.locator('.em-svg a[data-claim]').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('aria-label')]));
    // Every claim of the essay, and every note it cites.
    expect(claims).toHaveLength(ESSAY.claims.length);
    for (const [href, name] of claims) expect(href).toMatch(/^\/essays\/prolonged-rl-training\/#[a-z0-9-]+$/), expect(name).toMatch(/\(paragraph \d; cites (no note|notes? [\d, and]+)\)$/);
    const notes = await page.locator('.em-svg a[data-note]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(notes).toHaveLength(ESSAY.notes.length);
    for (const href of notes) {
      const response = await page.request.get(new URL(href!, site.url()).href);
      expect(response.status(), href!).toBe(200);
    }
  });

  it('brings a node’s lines forward when it is focused or hovered, and dims the rest', async () => {
    const page = shared();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(site.url(MAP));
    const claim = page.locator('a[data-claim="rl-touches-small-slice"]');
    const lit = (node: typeof claim) => node.locator('.em-node-edges').evaluate((g) => getComputedStyle(g).visibility);
    const rest = () => page.locator('.em-edges .em-edge').first().evaluate((p) => getComputedStyle(p).opacity);
    expect(await lit(claim)).toBe('hidden');
    const before = await rest();
    expect(await claim.locator('.em-edge-lit').count()).toBe(2);

    await claim.focus();
    expect(await lit(claim)).toBe('visible');
    await expect.poll(async () => Number(await rest())).toBeLessThan(Number(before));
    // The focus is visible: the node's outline is drawn.
    expect(await claim.locator('.em-hit').evaluate((r) => getComputedStyle(r).stroke)).not.toBe('none');

    await claim.blur();
    const note = page.locator('a[data-note="what-rl-changes"]');
    await note.locator('.em-hit').hover();
    await expect.poll(() => lit(note)).toBe('visible');
    expect(await lit(claim)).toBe('hidden');
  });

  it('is reachable from the keyboard, claim by claim, then note by note', async () => {
    const page = shared();
    await page.goto(site.url(MAP));
    await page.locator('a[data-claim]').last().focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-note'))).toBe('format-collapse');
  });

  it('gives way to the tables at 320 px, without scrolling sideways', async () => {
    const page = shared();
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(site.url(MAP));
    expect(await page.locator('.em-svg').isVisible()).toBe(false);
    expect(await page.locator('#em-claims-table').isVisible()).toBe(true);
    expect(await page.locator('#em-claims-table a[href$="#format-collapse-first-epoch"]').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });

  it('is linked from the essay', async () => {
    const page = shared();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(site.url('essays/prolonged-rl-training/'));
    await page.getByRole('link', { name: 'Claims and evidence' }).click();
    await expect.poll(() => page.url()).toBe(site.url(MAP));
  });

  it('has nothing axe can find, in the light theme nor the dark, as map and as tables', async () => {
    const page = shared();
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(site.url(MAP));
      for (const colorScheme of ['light', 'dark'] as const) {
        await showScheme(page, colorScheme);
        // Soft: a violation in one theme does not hide the other's.
        expect.soft(await axeFindings(page, '.em'), `${width} px, ${colorScheme}`).toBe('');
      }
    }
  });
});

describe('Cite this', () => {
  /** Loads a page with every format of its Cite this open. */
  const openCiteThis = async (page: Page, path: string) => {
    await page.goto(site.url(path));
    await page.locator('#cite-this details').evaluateAll((ds) => ds.forEach((d) => d.setAttribute('open', '')));
  };

  it('has nothing axe can find, in the light theme nor the dark', async () => {
    const page = shared();
    await page.setViewportSize({ width: 1280, height: 720 });
    for (const path of ['essays/prolonged-rl-training/', 'notes/format-collapse/', 'c/two-phase-arc/']) {
      await openCiteThis(page, path);
      for (const colorScheme of ['light', 'dark'] as const) {
        await showScheme(page, colorScheme);
        expect.soft(await axeFindings(page, '#cite-this'), `${path}, ${colorScheme}`).toBe('');
      }
    }
  });

  it('does not scroll sideways at 320 px, with every format open', async () => {
    const page = shared();
    await page.setViewportSize({ width: 320, height: 800 });
    for (const path of ['essays/prolonged-rl-training/', 'notes/what-rl-changes/', 'c/rl-touches-small-slice/']) {
      await openCiteThis(page, path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), path).toBeLessThanOrEqual(0);
    }
  });

  it('copies each format exactly, and says so', async () => {
    const page = await site.page({ clipboard: true });
    await page.goto(site.url('c/two-phase-arc/'));
    for (const [format, id] of [['APA', 'cite-apa'], ['BibTeX', 'cite-bibtex'], ['CSL-JSON', 'cite-csl']] as const) {
      const details = page.locator('#cite-this details').filter({ has: page.locator(`#${id}`) });
      if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
      await page.getByRole('button', { name: `Copy ${format}` }).click();
      const expected = await page.locator(`#${id}`).textContent();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
      // Said for this format (the status still says the one before until then).
      await expect.poll(() => page.locator('#cite-this [role="status"]').textContent()).toMatch(new RegExp(`^${format}\\b.* copied$`));
    }
    expect(await page.locator('#cite-apa').textContent()).toContain(`${SITE_ORIGIN}/c/two-phase-arc/`);
  });

  it('shows the citations as plain text, with no dead buttons, without JavaScript', async () => {
    const page = await site.page({ javaScriptEnabled: false });
    await page.goto(site.url('essays/prolonged-rl-training/'));
    expect(await page.locator('#cite-apa').isVisible()).toBe(true);
    expect(await page.locator('#cite-this button:visible').count()).toBe(0);
    await page.locator('#cite-this summary', { hasText: 'BibTeX' }).click();
    expect(await page.locator('#cite-bibtex').isVisible()).toBe(true);
  });
});
