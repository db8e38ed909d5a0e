import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openClaimTools, useSite } from './support.ts';
import { axeViolations, describeViolations } from '../support/axe.ts';

/**
 * Claim revisions in Chromium, on the "good" fixture: a wording's page shows
 * the old words and what changed, to the eye and to a screen reader; its copy
 * control copies its own address; the claim's latest page lists its history;
 * the essay copies the address of the wording it shows.
 */

const good = useSite('good');
interface Entry { moved?: string; retired?: string; revisions?: { date: string; text: string }[] }
let id: string;
let entry: Required<Pick<Entry, 'revisions'>>;

beforeAll(() => {
  const registry = JSON.parse(readFileSync(join(good.build.contentDir, 'claims.json'), 'utf8')) as Record<string, Entry>;
  // A claim that stands and was reworded: the first such in the fixture's registry.
  const found = Object.entries(registry).find(([, e]) => !e.moved && !e.retired && (e.revisions?.length ?? 0) > 1);
  expect(found).toBeDefined();
  [id, entry] = found as [string, Required<Pick<Entry, 'revisions'>>];
});

const clipboardText = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

describe('a claim’s earlier wording', () => {
  it('shows the old words and what changed, struck through and underlined, spoken as deleted and inserted, in either theme at any width', async () => {
    const page = await good.page({ clipboard: true, reducedMotion: 'reduce' });
    await page.goto(good.url(`c/${id}/1/`));
    await expect.poll(() => page.locator('h1').textContent()).toBe(`“${entry.revisions[0]!.text}”`);
    const since = page.getByRole('region', { name: 'Revised since' });
    await since.waitFor();
    // Readable without colour: the marks are lines, not only tints.
    const lines = await since.locator('del, ins').evaluateAll((els) => els.map((e) => `${e.tagName}:${getComputedStyle(e).textDecorationLine}`));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^(DEL:line-through|INS:underline)$/);
    // The accessibility tree holds each change's start and end in words.
    const snapshot = await since.locator('.word-diff').ariaSnapshot();
    const deleted = await since.locator('.word-diff del').count();
    const inserted = await since.locator('.word-diff ins').count();
    expect(deleted + inserted).toBeGreaterThan(0);
    expect(snapshot.match(/\[deleted: [^\]]+\]/g)?.length ?? 0).toBe(deleted);
    expect(snapshot.match(/\[inserted: [^\]]+\]/g)?.length ?? 0).toBe(inserted);

    // Nothing axe can find on it, in either theme, and no sideways scrolling at 320 px.
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const violations = await axeViolations(page, 'article.claim-revision');
      expect(violations, `${colorScheme}: ${describeViolations(violations)}`).toEqual([]);
    }
    await page.setViewportSize({ width: 320, height: 800 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);

    // Its copy control copies its own address, not the claim's latest.
    await page.getByRole('button', { name: 'Copy link', exact: true }).click();
    await expect.poll(() => clipboardText(page)).toBe(good.url(`c/${id}/1/`));
    await expect.poll(() => page.locator('.claim-permalink-section [role="status"]').textContent()).toBe('Link copied');
  });

  it('is listed, with every other wording, on the claim’s latest page', async () => {
    const page = await good.page({ javaScriptEnabled: false });
    await page.goto(good.url(`c/${id}/`));
    const history = page.getByRole('region', { name: 'History' });
    const first = history.getByRole('link', { name: /^First published / });
    expect(await first.getAttribute('href')).toBe(`/c/${id}/1/`);
    expect(await history.getByRole('listitem').count()).toBe(entry.revisions.length);
  });

  it('the essay copies the address of the wording it shows, and links its history', async () => {
    const page = await good.page({ clipboard: true, reducedMotion: 'reduce' });
    await page.goto(good.url('essays/first-essay/'));
    const tools = await openClaimTools(page.locator(`#${id}`));
    await tools.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => clipboardText(page)).toBe(good.url(`c/${id}/${entry.revisions.length}/`));
    // Its tools link its history too, as its "revised" mark in the text does.
    expect(await tools.getByRole('link', { name: 'Revised: history' }).getAttribute('href')).toBe(good.url(`c/${id}/`));
    expect(await page.locator(`#${id} + .claim-revised`).getAttribute('href')).toBe(`/c/${id}/`);
    // At 320 px its three tools wrap inside the panel rather than run off its edge.
    await page.setViewportSize({ width: 320, height: 800 });
    const overflow = await tools.evaluate((item) => {
      const panel = item.closest('.claim-panel')!.getBoundingClientRect();
      return [...item.querySelectorAll('.claim-tool')].filter((t) => t.getBoundingClientRect().right > panel.right + 0.5).map((t) => t.textContent);
    });
    expect(overflow).toEqual([]);
  });
});
