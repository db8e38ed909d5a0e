/**
 * security-headers: after the build, makes each page's Content-Security-Policy
 * <meta> (which Astro writes, with hashes of every script and style it knows
 * of, most of them shipped as files, one of an empty string) list exactly the
 * inline scripts and styles that page holds: on hosts that send no headers
 * (GitHub Pages) the <meta> is the only policy. Then it writes `_headers` at
 * the root of the output, for static hosts that read it: the union of the
 * pages' policies, plus frame-ancestors, HSTS and the other headers a <meta>
 * cannot carry.
 */
import { readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersFile, mergePolicies, withHashes, withPagePolicy } from '../formats/security-policy.ts';
import type { BuiltPages } from './built-pages.ts';

/**
 * `pages` reads each built page once and keeps what it found by the page's
 * bytes (src/integrations/built-pages.ts): a page the last build already
 * rewrote, left in the output folder (src/integrations/kept-output.ts), is
 * neither parsed nor written again.
 */
export default function securityHeaders({ site, pages: built }: { site: string; pages: BuiltPages }): AstroIntegration {
  let base = '/';
  return {
    name: 'security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const pages = (readdirSync(outDir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.html'));
        const scripts: string[] = [];
        const styles: string[] = [];
        let rewritten = 0;
        const policies: string[] = [];
        let turned = performance.now();
        for (const page of pages) {
          const file = join(outDir, page);
          const policy = built.get(file)?.policy;
          if (!policy) continue;
          scripts.push(...policy.scripts);
          styles.push(...policy.styles);
          if (!policy.written) {
            const html = withPagePolicy(built.text(file), policy.policy);
            // In one step (write beside, then rename): Pagefind may be reading the page (src/integrations/pagefind.ts).
            writeFileSync(`${file}.tmp`, html);
            renameSync(`${file}.tmp`, file);
            built.rewritten(file, html);
            rewritten++;
          }
          policies.push(policy.policy);
          // The event loop turns every 20 ms (1.5 s of work at N = 1,000): the share pictures' worker waits on this
          // thread for its next batch of cards (src/integrations/claim-cards/).
          if (performance.now() - turned > 20) {
            await nextTurn();
            turned = performance.now();
          }
        }
        if (policies.length < pages.length) {
          throw new Error(`${pages.length - policies.length} of ${pages.length} pages have no Content-Security-Policy <meta>: is security.csp still on in astro.config.mjs?`);
        }
        const policy = withHashes(mergePolicies(policies), { scripts, styles });
        writeFileSync(join(outDir, '_headers'), headersFile(base, policy, { https: site.startsWith('https:') }));
        built.save();
        logger.info(`_headers: one policy for ${pages.length} pages (${rewritten} rewritten, ${built.parsed} read anew), ${new Set(scripts).size} inline script and ${new Set(styles).size} inline style hashes`);
      },
    },
  };
}
