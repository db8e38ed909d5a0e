import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { essayOf, escapePreview, openPreview, pauseClock, sharedPage, useSite } from './support.ts';

/**
 * The essay page as a calm place to read, in Chromium: a header of one row at
 * every width, jumps that land below it, citation previews that close when
 * the pointer leaves, claim tools that wait to be asked, a short keyboard
 * path, and no console error whether the essay is read by mouse, keyboard or
 * touch. One page per test, resized in a loop.
 */

const site = useSite('site');
const good = useSite('good');
// For the tests that change nothing a later test could see (the rest open their own).
const shared = sharedPage(site);
const SLUG = 'prolonged-rl-training';
const ESSAY = `essays/${SLUG}/`;
/** Tab presses from the top of the essay page to its footer, at most (issue 18). */
const TAB_BUDGET = 60;

const widths = (from: number, to: number, step: number) => Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);
const SWEEP = widths(320, 1920, 40);

/** The header's row: its height, and its visible children's vertical extents. */
async function headerRow(page: Page) {
  return page.locator('.site-header').evaluate((header) => {
    const box = header.getBoundingClientRect();
    const children = [...header.querySelector('.site-header-inner')!.children]
      .map((child) => child.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({ top: r.top, bottom: r.bottom, middle: (r.top + r.bottom) / 2, height: r.height }));
    return { height: box.height, bottom: box.bottom, children };
  });
}

/**
 * Follows a link to each of `ids` in turn, in the page (location.hash, a
 * same-document navigation, which scrolls at once), and says where each
 * target's first line landed against the header's bottom. A moved id's anchor
 * is empty: its claim's first line counts. A header that scrolls away (on
 * narrow screens) covers nothing once it has gone.
 */
async function jumps(page: Page, ids: readonly string[]) {
  return page.evaluate((ids) => ids.map((id) => {
    location.hash = id;
    const target = document.getElementById(id)!;
    const shown = target.classList.contains('claim-alias') ? target.closest('.claim')! : target;
    const header = document.querySelector('.site-header')!;
    const bottom = header.getBoundingClientRect().bottom;
    return { id, top: shown.getClientRects()[0]!.top, below: getComputedStyle(header).position === 'sticky' ? bottom : Math.max(0, bottom), scrollY: window.scrollY };
  }), ids);
}

describe('the header and the jumps, from 320 to 1920 px', () => {
  it('keeps the header one row and lands every kind of jump below it', async () => {
    const page = shared();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const base = site.url(ESSAY);
    await page.goto(base);
    // Every kind of jump the page offers: a claim's permalink, the contents, the Sources' back-links.
    const claims = await page.locator('.essay-body .claim[id]').evaluateAll((els) => els.map((e) => e.id));
    const contents = await page.locator('.toc a[href^="#"]').evaluateAll((els) => els.map((e) => e.getAttribute('href')!.slice(1)));
    const backLinks = await page.locator('#sources a[href^="#"]').evaluateAll((els) => els.map((e) => e.getAttribute('href')!.slice(1)));
    expect(claims.length).toBe(essayOf(SLUG).claims.length);
    expect(backLinks.length).toBeGreaterThan(0);
    // Three of each kind (first, middle, last), in an order that never jumps to where the page already is.
    const pick = (ids: string[]) => [...new Set([ids[0], ids[Math.floor(ids.length / 2)], ids.at(-1)])].filter((id): id is string => !!id);
    const targets = [...pick(claims), ...pick(contents.filter((id) => id !== 'cite-this')), ...pick(backLinks)];
    const heights = new Set<number>();
    let landed = 0;
    for (const width of SWEEP) {
      await page.setViewportSize({ width, height: 720 });
      const row = await headerRow(page);
      heights.add(Math.round(row.height));
      const tallest = Math.max(...row.children.map((c) => c.height));
      const shortest = Math.min(...row.children.map((c) => c.height));
      // One row: two rows would stack at least two children.
      expect(row.height, `${width}px: header ${row.height}px tall`).toBeLessThan(tallest + shortest);
      for (const child of row.children) expect(Math.abs(child.middle - row.children[0]!.middle), `${width}px: a header child off the row`).toBeLessThanOrEqual(2);
      // The search field's "/" hint, where it shows, sits inside the field (not over the controls beside it).
      const hint = await page.evaluate(() => {
        const key = document.querySelector('.site-search-key')!;
        if (!key.checkVisibility()) return null;
        const [k, f] = [key.getBoundingClientRect(), document.querySelector('#site-search-input')!.getBoundingClientRect()];
        return k.left >= f.left && k.right <= f.right && k.top >= f.top && k.bottom <= f.bottom;
      });
      if (width >= 800) expect(hint, `${width}px: the "/" hint is not inside the search field`).toBe(true);
      for (const at of await jumps(page, targets)) {
        expect(at.top, `${width}px: #${at.id} lands at ${at.top}, under the header (bottom ${at.below})`).toBeGreaterThanOrEqual(at.below);
        landed += 1;
      }
    }
    expect(landed).toBe(SWEEP.length * targets.length);
    console.info(`Header heights from 320 to 1920 px: ${[...heights].join(', ')} px`);
  });

  it('lands a search result, opened from another page, below the header at every width', async () => {
    const page = shared();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const claims = essayOf(SLUG).claims;
    let landed = 0;
    for (const width of SWEEP) {
      await page.setViewportSize({ width, height: 720 });
      // A result's link: the claim, with the searched words; the page loads and scrolls before any script runs.
      const claim = claims[landed % claims.length]!;
      await page.goto(site.url(`${ESSAY}?highlight=training#${claim}`));
      const [at] = await page.evaluate((id) => {
        const header = document.querySelector('.site-header')!;
        const bottom = header.getBoundingClientRect().bottom;
        return [{ top: document.getElementById(id)!.getClientRects()[0]!.top, below: getComputedStyle(header).position === 'sticky' ? bottom : Math.max(0, bottom), scrollY: window.scrollY }];
      }, claim);
      expect(at!.top, `${width}px: #${claim}`).toBeGreaterThanOrEqual(at!.below);
      expect(at!.scrollY, `${width}px: #${claim} was not scrolled to`).toBeGreaterThan(0);
      landed += 1;
    }
    expect(landed).toBe(SWEEP.length);
  });

  it('folds the secondary controls into a menu that opens without script, from the keyboard, and closes on Escape', async () => {
    const page = await site.page({ javaScriptEnabled: false, viewport: { width: 390, height: 700 } });
    await page.goto(site.url(ESSAY));
    const button = page.getByRole('button', { name: 'Menu' });
    const notes = page.locator('#site-menu').getByRole('link', { name: 'Notes' });
    expect(await notes.isVisible()).toBe(false);
    await button.focus();
    await page.keyboard.press('Enter');
    await notes.waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await notes.waitFor({ state: 'hidden' });
    await button.click();
    await notes.click();
    await expect.poll(() => page.url()).toBe(site.url('notes/'));
  });

  // Without script: the style sheet's own header height must be right (with script, the sweep above measures it).
  it('lands a moved claim id below the header at every width, without script', async () => {
    const page = await good.page({ reducedMotion: 'reduce', javaScriptEnabled: false });
    await page.goto(good.url('essays/first-essay/'));
    const aliases = await page.locator('.claim-alias[id]').evaluateAll((els) => els.map((e) => e.id));
    expect(aliases.length).toBeGreaterThan(1);
    let landed = 0;
    for (const width of SWEEP) {
      await page.setViewportSize({ width, height: 640 });
      for (const at of await jumps(page, aliases)) {
        expect(at.top, `${width}px: #${at.id}`).toBeGreaterThanOrEqual(at.below);
        landed += 1;
      }
    }
    expect(landed).toBe(SWEEP.length * aliases.length);
  });
});

/** Moves the mouse onto the middle of the `i`-th citation marker of the essay, scrolled into view. */
async function pointAtMarker(page: Page, i: number): Promise<void> {
  const point = await page.locator('.essay-body .citation-link').nth(i).evaluate((el) => {
    el.scrollIntoView({ block: 'center', behavior: 'instant' });
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.move(point.x, point.y);
}

/** Collects every console error and uncaught exception of the page. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

describe('citation previews, and reading the whole essay', () => {
  it('by mouse, on a fresh page with no click before: every preview closes when the pointer leaves, Escape closes one for good, and no console error', async () => {
    const context = await site.context({ viewport: { width: 1280, height: 800 } });
    // The page's pauses (300 ms to open, 250 ms to close) are run through on its clock, not slept through.
    await context.clock.install();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(site.url(ESSAY));
    await pauseClock(page);
    const away = () => page.mouse.move(640, 5);
    const count = await page.locator('.essay-body .citation-link').count();
    expect(count).toBeGreaterThan(1);
    // The first marker twice (first time and every time), then every marker.
    for (const i of [0, ...Array.from({ length: count }, (_, i) => i)]) {
      await pointAtMarker(page, i);
      // The first hover loads the previews' code, then waits its pause.
      await expect.poll(async () => {
        await page.clock.runFor(100);
        return openPreview(page).count();
      }, { message: `marker ${i + 1}` }).toBe(1);
      await away();
      await page.clock.runFor(1_000);
      await expect.poll(() => openPreview(page).count(), { message: `marker ${i + 1}, pointer gone` }).toBe(0);
    }
    // Escape on a preview the pointer opened: closed, focus left where it was, and nothing opens it again.
    await pointAtMarker(page, 1);
    await page.clock.runFor(400);
    await expect.poll(() => openPreview(page).count()).toBe(1);
    await escapePreview(page);
    await page.clock.runFor(2_000);
    expect(await openPreview(page).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('by touch: every marker tapped opens its preview, a tap outside closes it, no tools show over the words, and no console error', async () => {
    const page = await site.page({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } });
    const errors = watchErrors(page);
    await page.goto(site.url(ESSAY));
    const markers = page.locator('.essay-body .citation-link');
    const count = await markers.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const marker = markers.nth(i);
      await marker.scrollIntoViewIfNeeded();
      await marker.tap();
      await expect.poll(() => marker.getAttribute('aria-expanded'), { message: `marker ${i + 1}` }).toBe('true');
      await page.touchscreen.tap(3, 400);
      await openPreview(page).waitFor({ state: 'detached' });
      expect(await page.locator('.claim-panel:visible, .claim-toolbar:visible').count()).toBe(0);
    }
    expect(page.url()).toBe(site.url(ESSAY));
    expect(errors).toEqual([]);
  });

  it(`by keyboard: at most ${TAB_BUDGET} Tab presses to the footer, every claim's tools on the way, and no console error`, async () => {
    const page = await site.page({ clipboard: true, viewport: { width: 1440, height: 900 } });
    const errors = watchErrors(page);
    const focused = () => page.evaluate(() => {
      const el = document.activeElement!;
      return {
        inFooter: !!el.closest('.site-footer'),
        mark: el.matches('.claim-mark'),
        marker: el.matches('.citation-link'),
        tool: el.closest<HTMLElement>('[data-claim-tools]')?.dataset['claimTools'],
        pointed: [...document.querySelectorAll('.claim-pointed')].map((c) => c.id),
      };
    });
    const activeAttribute = (name: string) => page.evaluate((name) => document.activeElement?.getAttribute(name), name);

    // Tab from the top of the page to the footer (at the width where the most controls are in the row),
    // opening each paragraph's tools with Enter on its mark and Tabbing through them. The path's cost is
    // the presses that land outside those tools: what a reader pays who opens none.
    await page.goto(site.url(ESSAY));
    const reached = new Set<string>();
    let presses = 0;
    let inTools = 0;
    for (;;) {
      await page.keyboard.press('Tab');
      presses += 1;
      const now = await focused();
      if (now.inFooter || presses > 10 * TAB_BUDGET) break;
      // A marker reached from the keyboard shows its preview.
      if (now.marker) await expect.poll(() => activeAttribute('aria-expanded'), { message: `press ${presses}` }).toBe('true');
      if (now.mark) {
        await page.keyboard.press('Enter');
        await expect.poll(() => activeAttribute('aria-expanded')).toBe('true');
      }
      if (now.tool) {
        inTools += 1;
        reached.add(now.tool);
        // The sentence the tool acts on is highlighted, and only it.
        expect(now.pointed, `tools of ${now.tool}`).toEqual([now.tool]);
      }
    }
    console.info(`${presses - inTools} Tab presses from the top of the essay to its footer (${inTools} more through every claim's tools)`);
    expect(presses - inTools).toBeLessThanOrEqual(TAB_BUDGET);
    expect([...reached].sort()).toEqual([...essayOf(SLUG).claims].sort());
    // A tool does what it says, from the keyboard; Escape closes the paragraph's tools and goes back to its mark.
    const last = page.locator('[data-claim-tools]').last();
    await last.getByRole('button', { name: 'Copy link' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#claim-status').textContent()).toBe('Link copied');
    await page.keyboard.press('Escape');
    expect(await focused()).toMatchObject({ mark: true, pointed: [] });
    expect(await last.isVisible()).toBe(false);
    // On the mark itself: Enter opens the tools, ArrowDown goes into them, Escape (from the mark too) closes them.
    await page.keyboard.press('Enter');
    await last.waitFor();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => last.evaluate((el) => el.closest('.claim-panel')!.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Escape');
    await expect.poll(() => last.isVisible()).toBe(false);
    expect(await focused()).toMatchObject({ mark: true });
    expect(errors).toEqual([]);
  });
});

describe('claim tools wait to be asked', () => {
  it('show nothing over the words while the pointer rests on a claim', async () => {
    const page = shared();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(site.url(ESSAY));
    const claims = page.locator('.essay-body .claim');
    const count = await claims.count();
    expect(count).toBe(essayOf(SLUG).claims.length);
    for (let i = 0; i < count; i++) {
      const point = await claims.nth(i).evaluate((el) => {
        el.scrollIntoView({ block: 'center', behavior: 'instant' });
        const line = el.getClientRects()[0]!;
        return { x: line.left + Math.min(6, line.width / 2), y: line.top + line.height / 2 };
      });
      await page.mouse.move(point.x, point.y);
      // What shows at the claim's first line is the claim's own words.
      const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('.claim, .claim-toolbar, .claim-panel, .claim-mark')?.className, point);
      expect(hit, `claim ${i + 1}`).toMatch(/^claim\b/);
      expect(await page.locator('.claim-toolbar:visible, .claim-panel:visible').count(), `claim ${i + 1}`).toBe(0);
    }
  });

  it('highlight the sentence a tool acts on while the pointer is on it', async () => {
    const page = shared();
    await page.setViewportSize({ width: 768, height: 900 });
    await page.goto(site.url(ESSAY));
    const id = essayOf(SLUG).claims[3]!;
    const block = page.locator('.has-claim-mark', { has: page.locator(`#${id}`) });
    await block.locator('.claim-mark').click();
    const tools = page.locator(`[data-claim-tools="${id}"]`);
    await tools.getByRole('button', { name: 'Copy quote' }).hover();
    await expect.poll(() => page.locator('.claim-pointed').evaluateAll((els) => els.map((e) => e.id))).toEqual([id]);
    const [claim, body] = await Promise.all([
      page.locator(`#${id}`).evaluate((el) => getComputedStyle(el).backgroundColor),
      page.evaluate(() => getComputedStyle(document.body).backgroundColor),
    ]);
    expect(claim).not.toBe(body);
    await page.mouse.move(5, 5);
    await expect.poll(() => page.locator('.claim-pointed').count()).toBe(0);
  });
});
