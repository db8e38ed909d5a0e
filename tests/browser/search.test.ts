import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { HEADER_RESULT_LIMIT } from '../../src/site/search-options.ts';
import { searchMatches } from '../support/content.ts';
import { content, pauseClock, sharedPage, useSite } from './support.ts';

/**
 * A reader searching the built site in Chromium: from the header of any page
 * (as they type, by keyboard alone, with filters), on the search page (from a
 * shared /search/?q= link, and without JavaScript), landing on the exact claim
 * with the searched words marked, and with no search code loaded before they
 * search.
 */

const site = useSite('site');
// For the tests that change nothing a later test could see; those that watch requests or drive the clock open their own.
const shared = sharedPage(site);

const ESSAY = 'essays/prolonged-rl-training/';
const options = (page: Page) => page.locator('#site-search-listbox > [role="option"]');

// What searches for these words must find, counted in the content files (Pagefind stems "rewards" to "reward").
const ENTROPY = searchMatches(content, /\bentrop(y|ies)\b/i);
const REWARDS = searchMatches(content, /\breward(s|ed|ing)?\b/i);
const KIND_LABELS = { claim: ['Claim', 'Claims'], note: ['Note', 'Notes'], essay: ['Essay', 'Essays'] } as const;
const chipTexts = (found: typeof ENTROPY) => [`All ${found.all}`, ...(['claim', 'note', 'essay'] as const).filter((k) => found[k] > 0).map((k) => `${KIND_LABELS[k][1]} ${found[k]}`)];

/** Types into the header field and waits until the results for exactly these words are drawn. */
async function searchHeader(page: Page, words: string): Promise<void> {
  await page.locator('#site-search-input').fill(words);
  await page.locator(`#site-search[data-search-query="${words}"]:is([data-search-state="results"], [data-search-state="empty"])`).waitFor();
}

/**
 * Stands in for /pagefind/pagefind.js: the real module (fetched with a query
 * string, which the route lets through), with every search and preload
 * recorded in window.pagefindCalls as [call, words].
 */
const PAGEFIND_RECORDER = `
import * as pagefind from './pagefind.js?recorded';
const calls = (window.pagefindCalls = []);
export const { options, init, filters, destroy, mergeIndex, createInstance, debouncedSearch } = pagefind;
export const search = (term, options) => (calls.push(['search', term]), pagefind.search(term, options));
export const preload = (term, options) => (calls.push(['preload', term]), pagefind.preload(term, options));
`;

/**
 * Types `text` into `field` key by key, as keystrokes do: each key sets the
 * field's value and fires its input event. For the page's clock, stopped by
 * pauseClock: with no `gapMs`, all the keys come at one instant (as a test
 * driver or a held key sends them); with it, the clock moves on by `gapMs`
 * after each key, running the page's timers due on the way. Either way the
 * gaps between keys, as the search's pauses (SHORT_WORDS_PAUSE_MS, BURST_MS in
 * src/client/search/header-search.ts) see them, are exact on any machine,
 * which keys sent one by one from the test in real time are not.
 */
async function typeInPage(field: Locator, text: string, gapMs = 0): Promise<void> {
  const key = (value: string) =>
    field.evaluate((input: HTMLInputElement, value) => {
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value.at(-1) ?? null }));
    }, value);
  for (let end = 1; end <= text.length; end++) {
    await key(text.slice(0, end));
    if (gapMs > 0 && end < text.length) await field.page().clock.runFor(gapMs);
  }
}

async function inViewport(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).boundingBox();
  const viewport = page.viewportSize()!;
  return box !== null && box.y >= 0 && box.y + box.height <= viewport.height;
}

describe('the header search', () => {
  it('shows results as the reader types: kind, highlighted excerpt, kind chips, and a spoken count', async () => {
    const page = await site.page();
    const filterFiles: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/pagefind/filter/')) filterFiles.push(request.url());
    });
    await page.goto(site.url('notes/'));
    await page.locator('#site-search-input').click();
    await page.keyboard.type('entropy');
    await page.locator('#site-search[data-search-query="entropy"][data-search-state="results"]').waitFor();
    const input = page.locator('#site-search-input');
    expect(await input.getAttribute('role')).toBe('combobox');
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    expect(await input.getAttribute('aria-controls')).toBe('site-search-listbox');
    expect(ENTROPY.claim * ENTROPY.note * ENTROPY.essay).toBeGreaterThan(0);
    expect(await options(page).count()).toBe(Math.min(ENTROPY.all, HEADER_RESULT_LIMIT));
    expect(new Set(await options(page).locator('.search-kind').allTextContents())).toEqual(new Set(['Claim', 'Note', 'Essay']));
    expect(await options(page).first().locator('mark').first().textContent()).toMatch(/^entropy/i);
    // Kinds only: each search counts its results for every filter loaded, and the kind filter is the one loaded.
    expect(await page.locator('[data-search-chips] .search-chip').allTextContents()).toEqual(chipTexts(ENTROPY));
    expect(filterFiles).toHaveLength(1);
    expect(await page.locator('#site-search [role="status"]').textContent()).toBe(`${ENTROPY.all} results for “entropy”`);
  });

  // Claims from different paragraphs of the essay, resting on different notes.
  const claimQueries = [
    { words: 'random rewards', claim: 'rewards-as-catalyst' },
    { words: '5 to 30 percent of parameters', claim: 'rl-touches-small-slice' },
    { words: 'entropy', claim: 'structured-tasks-first' },
    { words: 'sampling budgets', claim: 'sampling-efficiency-not-boundary' },
    { words: 'capability boundary collapse', claim: 'capability-boundary-collapse' },
    { words: 'impossibly difficult problems', claim: 'hard-samples-backfire' },
  ];

  it('searches one or two letters once typing pauses, and not while the words are being typed', async () => {
    const context = await site.context();
    await context.clock.install();
    const page = await context.newPage();
    await page.goto(site.url('notes/'));
    const input = page.locator('#site-search-input');
    await input.click();
    // Once the search code is in: words typed before it arrives are searched as soon as it does.
    await page.locator('#site-search[data-enhanced]').waitFor({ state: 'attached' });
    // Records the words of every list drawn, and how long after the last key each search started.
    await page.evaluate(() => {
      const log = { drawn: [] as string[], waits: [] as number[], lastKey: 0 };
      (window as unknown as { searchLog: typeof log }).searchLog = log;
      const form = document.querySelector<HTMLElement>('#site-search')!;
      document.addEventListener('input', () => (log.lastKey = performance.now()), true);
      new MutationObserver(() => {
        if (form.dataset['searchState'] === 'loading') log.waits.push(performance.now() - log.lastKey);
        if (form.dataset['searchState'] === 'results') log.drawn.push(form.dataset['searchQuery'] ?? '');
      }).observe(form, { attributeFilter: ['data-search-state', 'data-search-query'] });
    });
    const searchLog = () => page.evaluate(() => (window as unknown as { searchLog: { drawn: string[]; waits: number[] } }).searchLog);
    await pauseClock(page);
    await typeInPage(input, 'RL');
    await page.clock.runFor(140);
    expect((await searchLog()).waits, 'searches started 140 ms after the last key').toEqual([]);
    await page.clock.resume();
    await page.locator('#site-search[data-search-query="RL"][data-search-state="results"]').waitFor();
    expect(await options(page).count()).toBeGreaterThan(0);
    // "R" was never searched, and "RL" only after the pause.
    const short = await searchLog();
    expect(short.drawn).toEqual(['RL']);
    expect(short.waits).toHaveLength(1);
    expect(short.waits[0]).toBeGreaterThanOrEqual(140);
    await input.fill('');
    await pauseClock(page);
    await typeInPage(input, 'entropy');
    await page.clock.resume();
    await page.locator('#site-search[data-search-query="entropy"][data-search-state="results"]').waitFor();
    expect((await searchLog()).drawn.filter((words) => words.length < 3)).toEqual(['RL']);
  });

  it('readies Pagefind before the first search, searches a burst of keys once at its end, and each key at a reader’s pace', async () => {
    const context = await site.context();
    await context.clock.install();
    const page = await context.newPage();
    // Pagefind as served, behind a module that records every search and preload the header asks of it.
    await page.route(
      (url) => url.pathname.endsWith('/pagefind/pagefind.js') && url.search === '',
      (route) => route.fulfill({ contentType: 'text/javascript', body: PAGEFIND_RECORDER }),
    );
    await page.goto(site.url('notes/'));
    const input = page.locator('#site-search-input');
    await input.click();
    const calls = () => page.evaluate(() => (window as unknown as { pagefindCalls: [string, string | null][] }).pagefindCalls);
    await page.waitForFunction(() => (window as unknown as { pagefindCalls?: [string, string | null][] }).pagefindCalls?.some(([call]) => call === 'search'));
    // The kind filter fetched, then one search of no words, before the reader's first.
    expect(await calls()).toEqual([['preload', null], ['search', null]]);

    // Seven keys at once, as a test driver or a held key sends them: one search, of the whole word.
    await pauseClock(page);
    await typeInPage(input, 'entropy');
    await page.clock.resume();
    await page.locator('#site-search[data-search-query="entropy"][data-search-state="results"]').waitFor();
    const burst = (await calls()).slice(2);
    expect(burst.filter(([call]) => call === 'search')).toEqual([['search', 'entropy']]);
    // Meanwhile each key of three letters or more fetched the index its words need.
    expect(burst.filter(([call]) => call === 'preload').map(([, words]) => words)).toEqual(['ent', 'entr', 'entro', 'entrop', 'entropy']);

    // At a reader's pace (a key every 120 ms) each key is searched as it comes (the first two letters wait for a pause).
    await input.fill('');
    const before = (await calls()).length;
    await pauseClock(page);
    await typeInPage(input, 'entropy', 120);
    await page.clock.resume();
    await page.locator('#site-search[data-search-query="entropy"][data-search-state="results"]').waitFor();
    const paced = (await calls()).slice(before).filter(([call]) => call === 'search').map(([, words]) => words);
    expect(paced[0]).toBe('ent');
    expect(paced.at(-1)).toBe('entropy');
  });

  // Ranking is checked on the real content, which an author may add to: a new essay about entropy may
  // rightly rank its own claim first, so the checks are that a claim comes first and that the claim the
  // words come from is among the results, not that it is first.
  it('puts a claim first for claim-level queries, and finds the claim the words come from', async () => {
    const page = shared();
    await page.goto(site.url());
    for (const { words, claim } of claimQueries) {
      await searchHeader(page, words);
      const first = options(page).first();
      expect(await first.locator('.search-kind').textContent(), words).toBe('Claim');
      const hrefs = await options(page).evaluateAll((all) => all.map((a) => a.getAttribute('href') ?? ''));
      expect(hrefs.some((href) => new RegExp(`^/${ESSAY}\\?.*#${claim}$`).test(href)), `${words}: ${hrefs.join(', ')}`).toBe(true);
    }
  });

  it('puts the note first for a query about a note only (pass@k)', async () => {
    const page = shared();
    await page.goto(site.url());
    await searchHeader(page, 'pass@k');
    expect(await options(page).first().locator('.search-kind').textContent()).toBe('Note');
    const notes = await options(page).filter({ has: page.locator('.search-kind-note') }).evaluateAll((all) => all.map((a) => a.getAttribute('href') ?? ''));
    expect(notes.some((href) => href.startsWith('/notes/reasoning-boundary/')), notes.join(', ')).toBe(true);
  });

  it('finds a note by a theme its text never uses, with the excerpt taken from its text, not its list of themes', async () => {
    const page = shared();
    await page.goto(site.url());
    // "infrastructure" is a theme of the AReaL note and appears nowhere in the note's text.
    await searchHeader(page, 'infrastructure');
    // Found by its theme (another author's note may carry it too, so not necessarily alone).
    const note = options(page).and(page.locator('[href^="/notes/asynchronous-rl/"]'));
    expect(await note.count()).toBe(1);
    expect(await note.locator('.search-result-detail').textContent()).toMatch(/^AReaL enables continuous generation/);
  });

  it('lands on the claim it opens, with the searched words marked in it', async () => {
    const page = shared();
    for (const { words, claim } of claimQueries.slice(0, 4)) {
      await page.goto(site.url('notes/'));
      await searchHeader(page, words);
      await options(page).first().click();
      await page.waitForURL((url) => url.hash === `#${claim}`);
      await expect.poll(() => page.locator(`[id="${claim}"]`).evaluate((el) => el.matches(':target')), { message: words }).toBe(true);
      await expect.poll(() => inViewport(page, `[id="${claim}"]`), { message: words }).toBe(true);
      const marked = page.locator(`[id="${claim}"] mark.search-highlight`);
      await expect.poll(() => marked.count(), { message: words }).toBeGreaterThan(0);
      const markedWords = (await marked.allTextContents()).map((w) => w.toLowerCase());
      expect(markedWords, words).toContain(words.split(' ').at(-1)!.toLowerCase());
      // Only the content is marked: never the header's field or the sources list.
      expect(await page.locator('.site-header mark, #sources mark').count()).toBe(0);
    }
  });

  it('narrows the results with the filter chips', async () => {
    const page = shared();
    await page.goto(site.url());
    await searchHeader(page, 'rewards');
    const summary = page.locator('[data-search-summary]');
    expect(REWARDS.all).toBeGreaterThan(HEADER_RESULT_LIMIT);
    expect(REWARDS.note).toBeGreaterThan(1);
    expect(await summary.textContent()).toBe(`${HEADER_RESULT_LIMIT} of ${REWARDS.all} results`);
    const kinds = () => options(page).evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-kind')))]);
    expect((await kinds()).length).toBeGreaterThan(1);
    await page.locator('[data-search-chips] .search-chip', { hasText: 'Notes' }).click();
    await expect.poll(() => page.locator('[data-search-chips] .search-chip[aria-pressed="true"]').textContent()).toMatch(/^Notes/);
    await page.locator('#site-search[data-search-state="results"]').waitFor();
    await expect.poll(kinds).toEqual(['note']);
    expect(await summary.textContent()).toBe(REWARDS.note > HEADER_RESULT_LIMIT ? `${HEADER_RESULT_LIMIT} of ${REWARDS.note} results` : `${REWARDS.note} results`);
    expect(await options(page).count()).toBe(Math.min(REWARDS.note, HEADER_RESULT_LIMIT));
    // The chip kept focus, and the popup stayed open.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Notes/);
    expect(await page.locator('[data-search-popup]').isVisible()).toBe(true);
    // "See all" carries the filter to the search page.
    expect(await page.locator('[data-search-more]').getAttribute('href')).toBe('/search/?q=rewards&kind=note');
  });

  it('works by keyboard alone: shortcuts, arrows, Enter, Escape', async () => {
    const page = shared();
    await page.setViewportSize({ width: 1440, height: 800 });
    await page.goto(site.url(ESSAY));
    const input = page.locator('#site-search-input');
    // The field shows its shortcut (once the script that answers it runs).
    await page.locator('.site-search-key').waitFor({ state: 'visible' });
    await page.keyboard.press('/');
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('sampling budgets');
    await page.locator('#site-search[data-search-query="sampling budgets"][data-search-state="results"]').waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBe('site-search-option-0');
    expect(await options(page).first().getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBe('site-search-option-1');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await input.getAttribute('aria-activedescendant')).toBeNull();
    // Escape closes the list, then clears the field.
    await page.keyboard.press('Escape');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('[data-search-popup]').isHidden()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await input.inputValue()).toBe('');
    // Ctrl+K from anywhere; Tab reaches the chips without closing the list.
    await page.locator('main h1').click();
    await page.keyboard.press('Control+k');
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('random rewards');
    await page.locator('#site-search[data-search-query="random rewards"][data-search-state="results"]').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('search-chip');
    expect(await page.locator('[data-search-popup]').isVisible()).toBe(true);
    await page.keyboard.press('Shift+Tab');
    // Down and Enter open the first result: the claim.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.hash === '#rewards-as-catalyst');
    await expect.poll(() => page.locator('#rewards-as-catalyst').evaluate((el) => el.matches(':target'))).toBe(true);
    // Enter with no option chosen opens the search page for the words.
    await page.keyboard.press('Control+k');
    await page.keyboard.type('entropy');
    await page.keyboard.press('Enter');
    await page.waitForURL(site.url('search/?q=entropy'));
    await page.locator('[data-search-app][data-search-state="results"]').waitFor();
  });

  it('says when nothing matched, and offers the notes and the closest themes', async () => {
    const page = shared();
    await page.goto(site.url());
    await searchHeader(page, 'entrophy');
    expect(await options(page).count()).toBe(0);
    const empty = page.locator('#site-search [data-search-empty]');
    expect(await empty.locator('.search-empty-message').textContent()).toBe('No results for “entrophy”.');
    expect(await page.locator('[data-search-chips]').isHidden()).toBe(true);
    expect(await empty.getByRole('link', { name: 'Browse all notes' }).getAttribute('href')).toBe('/notes/');
    expect(await empty.locator('.search-theme-link').first().textContent()).toBe('entropy');
    expect(await empty.locator('.search-theme-link').first().getAttribute('href')).toBe('/search/?theme=entropy');
    expect(await page.locator('#site-search [role="status"]').textContent()).toBe('No results for “entrophy”');
  });

  it('loads no search code on a reading page until the reader starts a search', async () => {
    const page = await site.page();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(site.url(ESSAY));
    await page.mouse.wheel(0, 2000);
    await page.locator('.citation-link').first().hover();
    await page.waitForLoadState('networkidle');
    expect(requested.filter((path) => path.startsWith('/pagefind/') || /header-search|render|search-page/.test(path))).toEqual([]);
    await page.locator('#site-search-input').focus();
    await expect.poll(() => requested.some((path) => path === '/pagefind/pagefind.js')).toBe(true);
  });

  it('fits a 320 px wide screen without scrolling sideways, list open', async () => {
    const page = shared();
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(site.url(ESSAY));
    await searchHeader(page, 'rewards');
    expect(await page.locator('[data-search-popup]').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const popup = await page.locator('[data-search-popup]').boundingBox();
    expect(popup!.x).toBeGreaterThanOrEqual(0);
    expect(popup!.x + popup!.width).toBeLessThanOrEqual(320);
  });
});

describe('the search page', () => {
  it('runs the query of a shared /search/?q= link on load', async () => {
    const page = shared();
    await page.goto(site.url('search/?q=random%20rewards'));
    expect(await page.locator('#search-page-input').inputValue()).toBe('random rewards');
    await page.locator('[data-search-app][data-search-state="results"]').waitFor();
    // The first result, once drawn (results are drawn as their data arrives, not necessarily in order).
    const first = page.locator('pagefind-results .pf-results > li:first-child');
    await first.locator('.search-result-link').waitFor();
    expect(await first.locator('.search-kind').textContent()).toBe('Claim');
    expect(await first.locator('.search-result-link').getAttribute('href')).toMatch(/#rewards-as-catalyst$/);
    await expect.poll(() => page.locator('pagefind-summary').textContent()).toMatch(/3 results/);
  });

  it('loads its search code when the reader starts a search, and keeps the words typed meanwhile', async () => {
    const page = await site.page();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    const scriptBytes: Promise<number>[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.js')) scriptBytes.push(response.body().then((body) => body.length));
    });
    await page.goto(site.url('search/'));
    await page.waitForLoadState('networkidle');
    expect(requested.filter((path) => path.startsWith('/pagefind/') || /\/search-page\.[\w-]+\.js$/.test(path))).toEqual([]);
    // The page's own small script only, not the Component UI's 157 KB.
    expect((await Promise.all(scriptBytes)).reduce((a, b) => a + b, 0)).toBeLessThan(20_000);
    await page.locator('#search-page-input').focus();
    await page.keyboard.type('random rewards');
    await page.locator('[data-search-app][data-search-state="results"][data-search-query="random rewards"]').waitFor();
    expect(requested.some((path) => /\/search-page\.[\w-]+\.js$/.test(path))).toBe(true);
    await expect.poll(() => page.url()).toMatch(/\/search\/\?q=random\+rewards$/);
  });

  it('narrows by kind and theme, and keeps the URL shareable', async () => {
    const page = shared();
    await page.goto(site.url('search/?q=rewards'));
    await page.locator('[data-search-app][data-search-state="results"]').waitFor();
    // Results are drawn as they scroll into view: count the kinds of those drawn, and trust the summary for the rest.
    const kinds = () => page.locator('pagefind-results .search-result').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    const summary = page.locator('pagefind-summary');
    await expect.poll(() => summary.textContent()).toMatch(new RegExp(`^${REWARDS.all} results`));
    await page.locator('[data-search-chips] .search-chip', { hasText: 'Claims' }).click();
    await page.waitForURL(site.url('search/?q=rewards&kind=claim'));
    expect(REWARDS.claim).toBeGreaterThan(1);
    await expect.poll(() => summary.textContent()).toMatch(new RegExp(`^${REWARDS.claim} results`));
    await expect.poll(async () => [...new Set(await kinds())]).toEqual(['claim']);
    await page.goto(site.url('search/?kind=note&theme=curriculum'));
    await page.locator('[data-search-app][data-search-state="results"]').waitFor();
    const curriculum = content.notes.filter((n) => n.themes.includes('curriculum')).length;
    expect(curriculum).toBeGreaterThan(0);
    await expect.poll(async () => (await kinds()).length).toBe(curriculum);
    expect([...new Set(await kinds())]).toEqual(['note']);
    expect(await page.locator('[data-search-chips] .search-chip[aria-pressed="true"]').allTextContents()).toEqual([`Notes ${curriculum}`, `curriculum ${curriculum}`]);
  });

  it('without JavaScript, says search needs it and lists the essays and notes', async () => {
    const page = await site.page({ javaScriptEnabled: false });
    await page.goto(site.url('notes/'));
    // The header field is a plain form that opens the search page.
    await page.locator('#site-search-input').fill('entropy');
    await page.locator('#site-search-input').press('Enter');
    await page.waitForURL(site.url('search/?q=entropy'));
    await expect.poll(() => page.locator('main').textContent()).toMatch(/Search needs JavaScript/);
    const links = page.locator('.search-no-js-list a');
    // Every essay and every note.
    expect(await links.count()).toBe(content.essays.length + content.notes.length);
    expect(await links.evaluateAll((all) => all.map((a) => a.getAttribute('href')))).toContain(`/${ESSAY}`);
    expect(await page.locator('[data-search-app]').isHidden()).toBe(true);
    // No field that could only reload this page, and no "/" shortcut that nothing answers.
    expect(await page.locator('form[data-search-page]').isHidden()).toBe(true);
    await page.setViewportSize({ width: 1440, height: 800 });
    expect(await page.locator('.site-search-key').isHidden()).toBe(true);
  });
});
