/**
 * The middleware that gives each page the policy it needs as Astro renders
 * it: Astro's Content-Security-Policy <meta> lists hashes of every script and
 * style it knows of (most shipped as files, one of an empty string); this
 * lists exactly the inline scripts and styles the page holds instead
 * (src/formats/security-policy.ts). Done here rather than on the written
 * pages after the build: rewriting every page file again cost the build's
 * main thread about 1.5 s at N = 1,000 (1,565 writes and renames, measured),
 * and the page Astro writes, and keeps for an incremental build, is then the
 * finished page. A page without the <meta> (the dev server's) is left as it is.
 */
import type { MiddlewareHandler } from 'astro';
import { pagePolicy, withPagePolicy } from '../../formats/security-policy.ts';

export const onRequest: MiddlewareHandler = async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  const policy = pagePolicy(html);
  const body = policy && !policy.written ? withPagePolicy(html, policy.policy) : html;
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
};
