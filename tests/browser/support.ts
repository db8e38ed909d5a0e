import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { launchChromium } from '../../tools/lib/chromium.ts';
import { serveStatic, type StaticServer } from '../../tools/lib/serve.ts';
import { readContent } from '../support/content.ts';
import { PROJECT, siteBuild, type SiteBuild } from '../support/sites.ts';
import { WAIT_MS } from './wait-budget.ts';

/**
 * What every browser test file shares: one Chromium per file, each built site
 * served as a static host serves it, a fresh browser context for every page a
 * test asks for (closed when the test ends, even when it fails), one page kept
 * for the tests that need no fresh state (sharedPage), and waits that end as
 * soon as the page reaches the state waited for.
 *
 *   const site = useSite('site');
 *   it('…', async () => {
 *     const page = await site.page({ reducedMotion: 'reduce' });
 *     await page.goto(site.url('essays/prolonged-rl-training/'));
 *   });
 *
 * Waiting: never for a length of time. Wait for the state itself
 * (`locator.waitFor`, `page.waitForURL`, `page.waitForFunction`, a request or
 * response, or `expect.poll`). Every such wait has the same generous budget,
 * WAIT_MS, which only a failing test ever spends: a wait that passes, passes
 * the moment its state is reached, so a busy machine makes a test slower, never
 * red. Where a test depends on the page's own delays (a preview that opens after a
 * pause and stays open, keys typed in a burst or at a reader's pace), it
 * drives the page's clock (`pauseClock`, `page.clock.runFor`) instead of
 * sleeping or hoping the machine keeps pace.
 */

// The budget of every wait on the page's state (tests/browser/wait-budget.ts). Playwright's own timeouts
// are set on each context below; expect.poll's (its default, one second, is far too short for a page on a
// busy two-core machine) and the tests' own are set for the browser project in vitest.config.ts, since
// its files share workers and Vitest undoes a file's vi.setConfig when the file ends.
export { WAIT_MS };

export interface PageOptions extends BrowserContextOptions {
  /** Lets the page read and write the clipboard, as a reader's click on "Copy" does. */
  clipboard?: boolean;
}

export interface SiteUnderTest {
  /** The build being served (its folder, its output). */
  readonly build: SiteBuild;
  /** The server's origin, such as http://127.0.0.1:40123. */
  origin(): string;
  /** A page's full URL from its path under the site's base, such as url('notes/'); url() is the home page. */
  url(path?: string): string;
  /** The file's Chromium, for code that opens its own contexts (the bench). */
  browser(): Browser;
  /** A new page in a new browser context, both closed when the test that asked for it ends (asked for in a beforeAll: after the last test of its block). */
  page(options?: PageOptions): Promise<Page>;
  /** A new browser context, closed like page()'s: for tests that watch the context or open several pages in it. */
  context(options?: PageOptions): Promise<BrowserContext>;
}

// One Chromium for every site a file serves, launched by the first and closed after the last.
let browser: Promise<Browser> | undefined;
let users = 0;

/**
 * Serves the site built as `name` (see tests/support/sites.ts) for the tests
 * of the file, or of the describe block it is called in, under `base`
 * (default "/").
 */
export function useSite(name: string, options: { base?: string } = {}): SiteUnderTest {
  const base = options.base ?? '/';
  let build: SiteBuild | undefined;
  let server: StaticServer | undefined;
  /** Contexts opened by the running test, and those opened outside any test (by a beforeAll). */
  const testContexts = new Set<BrowserContext>();
  const hookContexts = new Set<BrowserContext>();
  let inTest = false;
  let launched: Browser | undefined;
  let counted = false;

  const closeAll = async (contexts: Set<BrowserContext>) => {
    const closing = [...contexts].map((c) => c.close());
    contexts.clear();
    await Promise.all(closing);
  };

  beforeAll(async () => {
    build = siteBuild(name);
    if (build.exitCode !== 0) throw new Error(`The "${name}" site did not build:\n${build.output}`);
    users += 1;
    counted = true;
    browser ??= launchChromium();
    server = await serveStatic(build.outDir, base);
    launched = await browser;
  });
  beforeEach(() => {
    inTest = true;
  });
  afterEach(async () => {
    inTest = false;
    await closeAll(testContexts);
  });
  afterAll(async () => {
    await closeAll(hookContexts);
    await server?.close();
    if (!counted) return;
    users -= 1;
    if (users === 0 && browser) {
      const closing = browser;
      browser = undefined;
      await (await closing).close();
    }
  });

  const serving = () => {
    if (!server) throw new Error(`The "${name}" site is served only while its tests run (useSite's beforeAll).`);
    return server;
  };

  const site: SiteUnderTest = {
    get build() {
      if (!build) throw new Error(`The "${name}" site is read by useSite's beforeAll.`);
      return build;
    },
    origin: () => serving().origin,
    url: (path = '') => `${serving().url}${path.replace(/^\//, '')}`,
    browser: () => {
      if (!launched) throw new Error('Chromium is started by useSite’s beforeAll.');
      return launched;
    },
    async context({ clipboard, ...contextOptions } = {}) {
      const context = await site.browser().newContext(contextOptions);
      (inTest ? testContexts : hookContexts).add(context);
      context.setDefaultTimeout(WAIT_MS);
      context.setDefaultNavigationTimeout(WAIT_MS);
      if (clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: serving().origin });
      return context;
    },
    async page(pageOptions) {
      return (await site.context(pageOptions)).newPage();
    },
  };
  return site;
}

/** Playwright's viewport when a context names none. */
const DEFAULT_VIEWPORT = { width: 1280, height: 720 };

/**
 * One page for the tests of the file or describe block it is called in that
 * need no fresh state of their own, opened once: a new page costs about 0.7 s
 * (a renderer process and its first load), a load in an open page about 0.1 s.
 * Before each test the page is put back as it was opened: on a page of the
 * site's origin that is none of its own (so the test's first load is a whole
 * new document, even of the same address with another #fragment; about:blank
 * would cost a new renderer process, ~0.4 s), at the viewport of `options`,
 * with their media (screen, colour scheme, motion) and the pointer at the top
 * left. Each test then loads what it reads.
 *
 *   const shared = sharedPage(site);
 *   it('…', async () => {
 *     const page = shared();
 *     await page.goto(site.url('notes/'));
 *   });
 *
 * A test that changes more than that asks for its own page (site.page()):
 * one that installs a clock, routes requests, adds init scripts, listens to
 * the page's requests, grants permissions, turns script off, or stores
 * anything (the theme switch stores the reader's choice).
 */
export function sharedPage(site: SiteUnderTest, options: PageOptions = {}): () => Page {
  let page: Page | undefined;
  beforeAll(async () => {
    page = await site.page(options);
  });
  beforeEach(async () => {
    if (!page) return;
    await page.goto(site.url('robots.txt'));
    if (options.viewport !== null) await page.setViewportSize(options.viewport ?? DEFAULT_VIEWPORT);
    await page.emulateMedia({ media: 'screen', colorScheme: options.colorScheme ?? 'light', reducedMotion: options.reducedMotion ?? 'no-preference' });
    await page.mouse.move(0, 0);
  });
  return () => {
    if (!page) throw new Error('The shared page is opened by sharedPage’s beforeAll.');
    return page;
  };
}

/**
 * Stops the page's clock (installed with `context.clock.install()` before the
 * page loaded) a second ahead of its time, so that from now on time moves only
 * when the test says (`page.clock.runFor(ms)`, which runs every timer due on
 * the way, or `page.clock.resume()`). Timers, `performance.now()` and events'
 * `timeStamp` then follow the test's steps, not the machine's speed. Waits that
 * poll in the page (`page.waitForFunction`) need the clock running.
 */
export async function pauseClock(page: Page): Promise<void> {
  const now = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(now + 1_000);
}

/** The citation previews open on the page (at most one at a time). */
export const openPreview = (page: Page): Locator => page.locator('.citation-preview:popover-open');

/**
 * Presses Escape on the open citation preview and waits until the page has
 * handled the preview's closing: its toggle event, which comes a task after
 * the key and may move focus (back to the marker, when the keyboard had
 * opened the preview). What is open afterwards is settled, and the caller's
 * to check.
 */
export async function escapePreview(page: Page): Promise<void> {
  await page.evaluate(() => {
    const flags = window as unknown as { previewClosedByEscape?: boolean };
    flags.previewClosedByEscape = false;
    document.addEventListener('toggle', function closed(event) {
      if ((event as ToggleEvent).newState !== 'closed') return;
      document.removeEventListener('toggle', closed, true);
      // Set before the preview's own listener runs (capture), and read by the test only after it has.
      flags.previewClosedByEscape = true;
    }, true);
  });
  await page.keyboard.press('Escape');
  await until('the preview has closed on Escape', () => page.evaluate(() => (window as unknown as { previewClosedByEscape?: boolean }).previewClosedByEscape === true));
}

/** Waits until no citation preview is open, such as after Escape or once the pointer has left a marker. */
export async function previewsClosed(page: Page): Promise<void> {
  await openPreview(page).waitFor({ state: 'detached' });
}

/**
 * Opens, as a reader pointing does, the tools of the paragraph that holds
 * `claim` (its ¶ mark), unless they are open, and returns the claim's own
 * tools ("Copy link", "Copy quote").
 */
export async function openClaimTools(claim: Locator): Promise<Locator> {
  const page = claim.page();
  const tools = page.locator(`[data-claim-tools="${await claim.getAttribute('id')}"]`);
  if (!(await tools.isVisible())) await page.locator('.has-claim-mark', { has: claim }).locator('.claim-mark').click();
  await tools.waitFor({ state: 'visible' });
  return tools;
}

/**
 * Resolves as soon as `check` holds, checking again every 50 ms, and fails
 * after WAIT_MS saying what did not happen. For the test code's own helpers
 * and for hooks, where expect.poll (for use in tests) is not available.
 */
export async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = performance.now() + WAIT_MS;
  for (;;) {
    if (await check()) return;
    if (performance.now() > deadline) throw new Error(`Waited ${WAIT_MS / 1000} s in vain until ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The real site's content, read from content/ directly (see tests/support/content.ts), for counts that follow it. */
export const content = readContent(join(PROJECT, 'content'));

export function essayOf(slug: string): (typeof content.essays)[number] {
  const essay = content.essays.find((e) => e.slug === slug);
  if (!essay) throw new Error(`No essay "${slug}" in content/essays/.`);
  return essay;
}

function essayBody(slug: string): string {
  const text = readFileSync(join(PROJECT, 'content', 'essays', `${slug}.mdx`), 'utf8');
  return text.replace(/^---\n[\s\S]*?\n---\n/, '');
}

/** An essay's paragraphs as its author wrote them: the blocks of its body between blank lines. */
export function paragraphCount(slug: string): number {
  return essayBody(slug).split(/\n\s*\n/).filter((block) => block.trim() !== '').length;
}

/** How many citations ("[@a; @b]") in all the essays cite `note`: the places its "Cited in" list links to. */
export function citationsOf(note: string): number {
  let count = 0;
  for (const essay of content.essays) {
    for (const [, inside] of essayBody(essay.slug).matchAll(/(?<!\\)\[(@[^\]]+)\]/g)) {
      if (inside!.split(';').some((part) => part.trim() === `@${note}`)) count += 1;
    }
  }
  return count;
}
