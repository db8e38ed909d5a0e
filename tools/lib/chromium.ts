import { chromium, type Browser } from 'playwright-core';

/**
 * Chromium for the browser tests. CHROMIUM_PATH points at a system Chromium
 * (such as /usr/bin/chromium); otherwise the one shipped inside the
 * @sparticuz/chromium package is unpacked and used, since no browser download
 * works on these machines. Only Playwright's own flags are used, plus
 * --no-sandbox (the tests run as root): the package's serverless flags would
 * crash on closing a context (--single-process) or hide CSP faults
 * (--disable-web-security). `extraArgs` adds flags, such as a remote
 * debugging port for Lighthouse.
 */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  const executablePath = process.env['CHROMIUM_PATH'] || (await (await import('@sparticuz/chromium')).default.executablePath());
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', ...extraArgs],
  });
}
