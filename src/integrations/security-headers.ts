/**
 * security-headers: after the build, writes `_headers` at the root of the
 * output, for static hosts that read it: the union of every page's
 * Content-Security-Policy (Astro puts each page's in a <meta> element), its
 * hashes those of the inline scripts and styles the built pages hold, plus
 * frame-ancestors, HSTS and the other headers a <meta> cannot carry.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersFile, inlineHashes, mergePolicies, withHashes } from '../formats/security-policy.ts';

const META = /<meta http-equiv="content-security-policy" content="([^"]*)"/i;

export default function securityHeaders({ site }: { site: string }): AstroIntegration {
  let base = '/';
  return {
    name: 'security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const pages = (readdirSync(outDir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.html'));
        const scripts: string[] = [];
        const styles: string[] = [];
        const policies = pages.flatMap((page) => {
          const html = readFileSync(join(outDir, page), 'utf8');
          const inline = inlineHashes(html);
          scripts.push(...inline.scripts);
          styles.push(...inline.styles);
          const match = META.exec(html);
          return match?.[1] ? [match[1].replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&')] : [];
        });
        if (policies.length < pages.length) {
          throw new Error(`${pages.length - policies.length} of ${pages.length} pages have no Content-Security-Policy <meta>: is security.csp still on in astro.config.mjs?`);
        }
        const policy = withHashes(mergePolicies(policies), { scripts, styles });
        writeFileSync(join(outDir, '_headers'), headersFile(base, policy, { https: site.startsWith('https:') }));
        logger.info(`_headers: one policy for ${pages.length} pages, ${new Set(scripts).size} inline script and ${new Set(styles).size} inline style hashes`);
      },
    },
  };
}
