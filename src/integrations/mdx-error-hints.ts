/**
 * mdx-error-hints: a syntax error in an MDX file stops the build with MDX's
 * own message, which says what the parser expected but not what to do. This
 * wraps the MDX compiler's transform so that such an error also names the
 * file by its project path, the line and column, and a fix (see
 * src/markdown/mdx-error-hint.ts). Errors the site's own plugins raise already read that
 * way and pass through unchanged.
 */
import { relative } from 'node:path';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { formatMdxError } from '../markdown/mdx-error-hint.ts';
import { PROJECT_ROOT } from '../catalog/project-root.ts';

const MDX_PLUGIN = '@mdx-js/rolldown';

type TransformHandler = ((this: unknown, code: string, id: string, ...rest: unknown[]) => unknown) & { [WRAPPED]?: true };
const WRAPPED = Symbol('mdx-error-hints');

export default function mdxErrorHints(): AstroIntegration {
  const plugin: Plugin = {
    name: 'mdx-error-hints',
    configResolved(config) {
      const mdx = config.plugins.find((p) => p.name === MDX_PLUGIN);
      const transform = mdx?.transform as unknown as { handler: TransformHandler } | undefined;
      // Vite resolves the config once per environment, sharing plugin objects: wrap once.
      if (!transform || typeof transform !== 'object' || transform.handler[WRAPPED]) return;
      const original = transform.handler;
      const wrapped: TransformHandler = async function (this: unknown, code: string, id: string, ...rest: unknown[]) {
        try {
          return await original.call(this, code, id, ...rest);
        } catch (error) {
          const e = error as Error & { name?: string; loc?: { line?: number; column?: number }; problems?: unknown };
          // MDX parse errors only: the site's plugins throw ContentErrors that already say where and what to do.
          if (e.problems === undefined && e.name === 'MDXError') {
            e.message = formatMdxError(relative(PROJECT_ROOT, id), e.loc?.line, e.loc?.column, e.message);
          }
          throw e;
        }
      };
      wrapped[WRAPPED] = true;
      transform.handler = wrapped;
    },
  };
  return {
    name: 'mdx-error-hints',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [plugin] } });
      },
    },
  };
}
