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
          const file = join(outDir, page);
          const html = readFileSync(file, 'utf8');
          const inline = inlineHashes(html);
          scripts.push(...inline.scripts);
          styles.push(...inline.styles);
          const match = META.exec(html);
          if (!match?.[1]) return [];
          const exact = withHashes(match[1].replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&'), inline);
          // The policy holds no double quote or ampersand (directives, 'self', hashes), so it needs no escaping in content="…".
          writeFileSync(file, html.replace(META, (tag, content: string) => tag.replace(content, exact)));
          return [exact];
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
