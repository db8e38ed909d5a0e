/**
 * security-headers: each page's Content-Security-Policy <meta> lists exactly
 * the inline scripts and styles that page holds (./page-policy.ts, a
 * middleware, makes it so as Astro renders the page): on hosts that send no
 * headers (GitHub Pages) the <meta> is the only policy. After the build, it
 * checks every page's <meta> and writes `_headers` at the root of the output,
 * for static hosts that read it: the union of the pages' policies, plus
 * frame-ancestors, HSTS and the other headers a <meta> cannot carry.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersFile, mergePolicies, withHashes } from '../../formats/security-policy.ts';
import type { BuiltPages } from '../built-pages.ts';

/**
 * `pages` reads each built page once and keeps what it found by the page's
 * bytes (src/integrations/built-pages.ts): a page the last build left in the
 * output folder (src/integrations/kept-output.ts) is not parsed again.
 */
export default function securityHeaders({ site, pages: built }: { site: string; pages: BuiltPages }): AstroIntegration {
  let base = '/';
  return {
    name: 'security-headers',
    hooks: {
      'astro:config:setup': ({ addMiddleware }) => {
        // First, so that it sees the page as every other middleware leaves it.
        addMiddleware({ order: 'pre', entrypoint: new URL('./page-policy.ts', import.meta.url) });
      },
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const pages = (readdirSync(outDir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.html'));
        const scripts: string[] = [];
        const styles: string[] = [];
        const policies: string[] = [];
        const missing: string[] = [];
        const unfinished: string[] = [];
        let turned = performance.now();
        for (const page of pages) {
          const policy = built.get(join(outDir, page))?.policy;
          if (!policy) missing.push(page);
          else if (!policy.written) unfinished.push(page);
          else {
            scripts.push(...policy.scripts);
            styles.push(...policy.styles);
            policies.push(policy.policy);
          }
          // The event loop turns every 20 ms: the share pictures' worker waits on this thread for its next batch of
          // cards (src/integrations/claim-cards/).
          if (performance.now() - turned > 20) {
            await nextTurn();
            turned = performance.now();
          }
        }
        const some = (list: string[]) => `${list.slice(0, 3).join(', ')}${list.length > 3 ? ` and ${list.length - 3} more` : ''}`;
        if (missing.length > 0) {
          throw new Error(`${missing.length} of ${pages.length} pages have no Content-Security-Policy <meta> (${some(missing)}): is security.csp still on in astro.config.mjs?`);
        }
        if (unfinished.length > 0) {
          throw new Error(`${unfinished.length} of ${pages.length} pages have a Content-Security-Policy <meta> that does not list exactly their own inline scripts and styles (${some(unfinished)}): src/integrations/security-headers/page-policy.ts, the middleware that writes it, did not run for them.`);
        }
        const policy = withHashes(mergePolicies(policies), { scripts, styles });
        writeFileSync(join(outDir, '_headers'), headersFile(base, policy, { https: site.startsWith('https:') }));
        built.save();
        logger.info(`_headers: one policy for ${pages.length} pages (${built.parsed} read anew), ${new Set(scripts).size} inline script and ${new Set(styles).size} inline style hashes`);
      },
    },
  };
}
