import type { Browser } from 'playwright-core';
import { watchNetwork } from './network.ts';
import { compressedSizes, emptyWeight, addToWeight, type ResourceKind, type Sizes, type Weight } from './weight.ts';

/**
 * Page weight on first view: the page is loaded once in a fresh browser
 * context (empty cache), nothing is clicked or scrolled, and every response
 * the browser receives until the network is idle is recorded. The bodies are
 * then compressed here, so the figures do not depend on the test server.
 */

/** How long the network must stay quiet before the first view counts as loaded. */
export const QUIET_MS = 3_000;

export interface Fetched {
  url: string;
  kind: ResourceKind;
  sizes: Sizes;
}

export interface PageWeight {
  url: string;
  requests: number;
  weight: Weight;
  files: Fetched[];
}

export async function measurePageWeight(browser: Browser, url: string): Promise<PageWeight> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const pending: Promise<Fetched | undefined>[] = [];
    const network = watchNetwork(page);
    page.on('response', (response) => {
      pending.push(
        (async () => {
          if (response.status() >= 300 && response.status() < 400) return undefined;
          const body = await response.body().catch(() => undefined);
          if (!body) return undefined;
          const type = response.headers()['content-type'] ?? '';
          return { url: response.url(), kind: classify(response.request().resourceType(), type, response.url()), sizes: compressedSizes(body) };
        })(),
      );
    });
    const response = await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    if (!response || !response.ok()) throw new Error(`${url} answered ${response?.status() ?? 'nothing'}.`);
    // Scripts a page starts once the browser is idle (Starlight's search) can
    // come well after the load event on a large page: wait until nothing has
    // been requested for a while.
    await network.quiet(QUIET_MS);
    const files = (await Promise.all(pending)).filter((f): f is Fetched => f !== undefined);
    const weight = files.reduce((w, f) => addToWeight(w, f.kind, f.sizes), emptyWeight());
    return { url, requests: files.length, weight, files };
  } finally {
    await context.close();
  }
}

function classify(resourceType: string, contentType: string, url: string): ResourceKind {
  if (resourceType === 'document') return 'html';
  if (resourceType === 'stylesheet' || contentType.includes('text/css')) return 'css';
  if (resourceType === 'script' || /javascript|wasm/.test(contentType) || /\.m?js(\?|$)/.test(url)) return 'js';
  if (resourceType === 'font' || contentType.startsWith('font/')) return 'font';
  if (resourceType === 'image' || contentType.startsWith('image/')) return 'image';
  return 'other';
}
