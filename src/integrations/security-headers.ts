/**
 * security-headers: after the build, writes `_headers` at the root of the
 * output, for static hosts that read it: the union of every page's
 * Content-Security-Policy (Astro puts each page's in a <meta> element), plus
 * frame-ancestors and the other security headers a <meta> cannot carry.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersFile, mergePolicies } from '../formats/security-policy.ts';

const META = /<meta http-equiv="content-security-policy" content="([^"]*)"/i;

export default function securityHeaders(): AstroIntegration {
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
        const policies = pages.flatMap((page) => {
          const match = META.exec(readFileSync(join(outDir, page), 'utf8'));
          return match?.[1] ? [match[1].replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&')] : [];
        });
        if (policies.length < pages.length) {
          throw new Error(`${pages.length - policies.length} of ${pages.length} pages have no Content-Security-Policy <meta>: is security.csp still on in astro.config.mjs?`);
        }
        writeFileSync(join(outDir, '_headers'), headersFile(base, mergePolicies(policies)));
        logger.info(`_headers: one policy for ${pages.length} pages`);
      },
    },
  };
}
