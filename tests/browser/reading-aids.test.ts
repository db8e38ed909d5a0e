import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, describeViolations } from '../support/axe.ts';
import { escapePreview, openPreview, pauseClock, sharedPage, useSite } from './support.ts';
import { SITE_ORIGIN } from '../support/sites.ts';

/** Citation previews, themes, print, reflow and accessibility, in Chromium (the contents rail: typography.test.ts). */

const site = useSite('site');
const essay = 'essays/prolonged-rl-training/';
// For the tests that change nothing a later test could see (the rest open their own).
const shared = sharedPage(site);

async function insideViewport(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight;
  });
}

describe('citation previews', () => {
  it('open on hover after a pause, show the right note, stay while the pointer moves in, and close on Escape', async () => {
    const context = await site.context();
    // The page's clock is the test's: the pauses are run through exactly, not slept through.
    await context.clock.install();
    const page = await context.newPage();
    await page.goto(site.url(essay));
    await pauseClock(page);
    const marker = page.getByRole('link', { name: /^Source 5:/ });
    // The preview waits a moment, so that a pointer passing over a marker opens nothing.
    const point = await marker.evaluate((el) => {
      el.scrollIntoView({ block: 'center', behavior: 'instant' });
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.move(point.x, point.y);
    // The previews' code is in once the markers are wired to their previews; the first pointerover is then replayed.
    await page.locator('.citation-link[aria-describedby="preview-rlvr-narrowing"]').first().waitFor({ state: 'attached' });
    await page.clock.runFor(250);
    expect(await openPreview(page).count(), 'open after 250 ms').toBe(0);
    await page.clock.runFor(350);
    expect(await openPreview(page).count(), 'open after 600 ms').toBe(1);
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 5);
    await page.mouse.move(point.x, point.y);
    await page.clock.runFor(600);
    await expect.poll(() => openPreview(page).count()).toBe(1);
    expect(await openPreview(page).getAttribute('id')).toBe('preview-rlvr-narrowing');
    expect(await openPreview(page).getAttribute('aria-label')).toBe('Source 5');
    expect(await openPreview(page).locator('.preview-number').textContent()).toBe('Source 5');
    expect(await openPreview(page).locator('.preview-title').textContent()).toBe("Why does RLVR training narrow a model's problem solving ability?");
    expect(await openPreview(page).locator('.preview-title a').getAttribute('href')).toBe('/notes/rlvr-narrowing/');
    expect(await openPreview(page).locator('.preview-summary').textContent()).toMatch(/^RLVR narrows models’ problem-solving scope/);
    expect(await openPreview(page).locator('.preview-paper').textContent()).toBe('Dong et al., 2025');
    // The pointer leaves the marker for the preview: it stays open, however long the pointer rests there.
    await openPreview(page).hover();
    await page.clock.runFor(5_000);
    expect(await openPreview(page).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => openPreview(page).count()).toBe(0);
  });

  it('does not cover the line being read', async () => {
    const page = shared();
    await page.goto(site.url(essay));
    const marker = page.getByRole('link', { name: /^Source 7:/ });
    await marker.focus();
    await expect.poll(() => openPreview(page).count()).toBe(1);
    const [line, box] = await Promise.all([marker.boundingBox(), openPreview(page).boundingBox()]);
    const coversLine = box!.y < line!.y + line!.height + 4 && box!.y + box!.height > line!.y - 4;
    expect(coversLine).toBe(false);
  });

  it('open at once on keyboard focus, can be entered with ArrowDown, and give focus back on Escape without opening again', async () => {
    const page = shared();
    await page.goto(site.url(essay));
    const marker = page.getByRole('link', { name: /^Source 1:/ });
    await marker.focus();
    await expect.poll(() => openPreview(page).getAttribute('id')).toBe('preview-format-collapse');
    expect(await marker.getAttribute('aria-expanded')).toBe('true');
    expect(await marker.getAttribute('aria-describedby')).toBe('preview-format-collapse');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.closest('.citation-preview')?.id)).toBe('preview-format-collapse');
    await escapePreview(page);
    expect(await openPreview(page).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Source 1:/);
    // Tab goes on through the page, not into the preview (one stop per marker), and closes it.
    await marker.blur();
    await marker.focus();
    await expect.poll(() => openPreview(page).count()).toBe(1);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('.citation-preview'))).toBe(false);
    await expect.poll(() => marker.getAttribute('aria-expanded')).toBe('false');
  });

  it('open on tap, close on a tap outside, and follow the link on a second tap', async () => {
    const page = await site.page({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } });
    await page.goto(site.url(essay));
    const marker = page.getByRole('link', { name: /^Source 9:/ });
    await marker.scrollIntoViewIfNeeded();
    await marker.tap();
    await expect.poll(() => openPreview(page).getAttribute('id')).toBe('preview-random-rewards');
    expect(page.url()).toBe(site.url(essay));
    await page.touchscreen.tap(5, 300);
    await expect.poll(() => openPreview(page).count()).toBe(0);
    await marker.tap();
    await expect.poll(() => openPreview(page).count()).toBe(1);
    await marker.tap();
    await expect.poll(() => page.url()).toBe(site.url('notes/random-rewards/'));
  });

  it('stay inside the viewport at 320 px, wherever the marker is', async () => {
    const page = shared();
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(site.url(essay));
    const markers = page.locator('.essay-body .citation-link');
    const count = await markers.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const marker = markers.nth(i);
      await marker.focus();
      // This marker's own preview, not the one before it still closing.
      await expect.poll(() => marker.getAttribute('aria-expanded'), { message: `marker ${i + 1}` }).toBe('true');
      const preview = `#${await marker.getAttribute('aria-describedby')}`;
      expect(await page.locator(`${preview}:popover-open`).count(), `marker ${i + 1}`).toBe(1);
      // Focusing may scroll the page smoothly: wait for the preview to settle.
      await expect.poll(() => insideViewport(page, preview), { message: `marker ${i + 1}` }).toBe(true);
    }
  });

  it('load their code only when the reader first reaches for a citation', async () => {
    const page = await site.page();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(site.url(essay), { waitUntil: 'networkidle' });
    expect(scripts.some((s) => s.includes('citation-previews'))).toBe(false);
    expect(scripts.some((s) => s.includes('claim-tools'))).toBe(false);
    await page.getByRole('link', { name: /^Source 6:/ }).hover();
    await expect.poll(() => openPreview(page).getAttribute('id')).toBe('preview-coherence-or-validity');
    expect(scripts.some((s) => s.includes('citation-previews'))).toBe(true);
  });

  it('are plain links to the note without JavaScript', async () => {
    const page = await site.page({ javaScriptEnabled: false });
    await page.goto(site.url(essay));
    // With no script there is nothing to open a preview, now or later.
    await page.getByRole('link', { name: /^Source 2:/ }).hover();
    expect(await openPreview(page).count()).toBe(0);
    expect(await page.locator('.citation-preview').count()).toBe(0);
    await page.getByRole('link', { name: /^Source 2:/ }).click();
    await expect.poll(() => page.url()).toBe(site.url('notes/sparse-parameter-updates/'));
  });
});

describe('themes', () => {
  it('follow the system, and a choice made with the switch survives a reload with no flash', async () => {
    const context = await site.context({ colorScheme: 'light' });
    // Record the theme at the first frame, before anything is painted.
    await context.addInitScript(() => {
      requestAnimationFrame(() => {
        (window as unknown as { firstFrame: string }).firstFrame = getComputedStyle(document.documentElement).colorScheme;
      });
    });
    const page = await context.newPage();
    const firstFrame = async () => {
      // The load event can come before the first frame.
      const recorded = await page.waitForFunction(() => (window as unknown as { firstFrame?: string }).firstFrame);
      return recorded.jsonValue();
    };
    await page.goto(site.url(essay));
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await bg();
    const toggle = page.locator('.theme-toggle');
    expect(await toggle.getAttribute('aria-label')).toBe('Colour theme: Light');
    // The first click changes what the reader sees, on a light system too.
    await toggle.click();
    expect(await toggle.getAttribute('aria-label')).toBe('Colour theme: Dark');
    const dark = await bg();
    expect(dark).not.toBe(light);
    await page.reload();
    expect(await firstFrame()).toBe('dark');
    expect(await bg()).toBe(dark);
    await page.goto(site.url('notes/'));
    expect(await bg()).toBe(dark);
    await page.locator('.theme-toggle').click();
    expect(await page.evaluate(() => localStorage.getItem('theme'))).toBeNull();
    expect(await bg()).toBe(light);
  });

  it('respect reduced motion', async () => {
    const page = shared();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(site.url(`${essay}#early-commitment`));
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
    expect(await page.locator('#early-commitment').evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
  });
});

describe('print', () => {
  it('prints the essay with its numbers and sources, links written out, no controls or navigation', async () => {
    const page = shared();
    await page.emulateMedia({ media: 'print' });
    await page.goto(site.url(essay));
    for (const hidden of ['.site-header', '.site-footer', '.toc', '.claim-tools', '.theme-toggle', '.backrefs']) {
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    }
    expect(await page.locator('.essay-body .citation').first().isVisible()).toBe(true);
    expect(await page.locator('#ref-format-collapse .source-url').textContent()).toBe(`${SITE_ORIGIN}/notes/format-collapse/`);
    expect(await page.locator('#ref-format-collapse .source-url').isVisible()).toBe(true);
    await page.goto(site.url('notes/format-collapse/'));
    expect(await page.locator('.paper a').evaluate((a) => getComputedStyle(a, '::after').content)).toBe('" <https://arxiv.org/abs/2504.07912>"');
  });
});

const pageTypes = {
  home: '',
  essay,
  note: 'notes/what-rl-changes/',
  'notes index': 'notes/',
  'claim share page': 'c/rl-touches-small-slice/',
  'claims index': 'c/',
  '404': 'no-such-page/',
};

describe('every page type', () => {
  for (const [name, path] of Object.entries(pageTypes)) {
    it(`${name}: no horizontal scrolling from 320 to 1920 px`, async () => {
      const page = shared();
      for (const width of [320, 768, 1920]) {
        // Loaded at each width, as a reader with that screen would.
        await page.setViewportSize({ width, height: 800 });
        await page.goto(site.url(path));
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${width}px`).toBe(0);
      }
    });

    // Loaded once: the page follows the system's theme as it changes, so the dark theme is a switch away, not a reload.
    it(`${name}: axe finds no violation in the light theme, nor in the dark`, async () => {
      const page = shared();
      await page.goto(site.url(path));
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), colorScheme).toBe(colorScheme === 'dark');
        const violations = await axeViolations(page);
        // Soft: a light-theme violation does not hide the dark theme's.
        expect.soft(violations, `${colorScheme}: ${describeViolations(violations)}`).toEqual([]);
      }
    });
  }

  it('essay: axe finds nothing with a citation preview open, in either theme', async () => {
    const page = shared();
    await page.goto(site.url(essay));
    await page.getByRole('link', { name: /^Source 3:/ }).focus();
    await expect.poll(() => openPreview(page).count()).toBe(1);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), colorScheme).toBe(colorScheme === 'dark');
      expect(await openPreview(page).count(), colorScheme).toBe(1);
      const violations = await axeViolations(page);
      expect.soft(violations, `${colorScheme}: ${describeViolations(violations)}`).toEqual([]);
    }
  });
});
