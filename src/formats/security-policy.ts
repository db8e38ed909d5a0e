import { createHash } from 'node:crypto';

/**
 * The HTTP headers a static host should send, as a `_headers` file (read by
 * Netlify, Cloudflare Pages and others). Astro writes each page's
 * Content-Security-Policy into a <meta> element; the file's policy is the
 * union of all the pages' policies, with its script and style hashes those
 * of the inline scripts and styles the built pages really hold (Astro also
 * lists hashes of what it bundles into files, which match nothing inline),
 * plus what a <meta> policy cannot say (frame-ancestors).
 */

/** Parses "a 'self'; b x y" into directives and their sources, in order. */
export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** The union of several policies: every directive, with every source any of them allows, in first-seen order. */
export function mergePolicies(policies: readonly string[]): string {
  const merged = new Map<string, string[]>();
  for (const policy of policies) {
    for (const [name, sources] of parsePolicy(policy)) {
      const list = merged.get(name) ?? [];
      for (const s of sources) if (!list.includes(s)) list.push(s);
      merged.set(name, list);
    }
  }
  return [...merged].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

export interface HeaderRule {
  path: string;
  headers: Record<string, string>;
}

export const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** HSTS for a site served over https: a year, this host only (its owner decides about subdomains and preloading). */
export const HSTS = 'max-age=31536000';

/** What a share picture opened on its own gets instead of the pages' policy: the browser's image viewer may style itself. */
export const IMAGE_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'";

/** A script or style element's text as a CSP hash source: 'sha256-…' of its exact UTF-8 text. */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

const INLINE = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>/gi;

/**
 * The hash sources of the inline scripts and styles a page runs: every
 * <style>, and every <script> without src whose type runs (none, a JavaScript
 * type or "module"; not JSON-LD, which is data).
 */
export function inlineHashes(html: string): { scripts: string[]; styles: string[] } {
  const scripts: string[] = [];
  const styles: string[] = [];
  for (const [, tag, attributes = '', text = ''] of html.matchAll(INLINE)) {
    if (tag!.toLowerCase() === 'style') {
      styles.push(hashSource(text));
      continue;
    }
    if (/\bsrc\s*=/i.test(attributes)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
    if (type === undefined || type === 'module' || /^(text|application)\/(x-)?(java|ecma)script$/.test(type)) scripts.push(hashSource(text));
  }
  return { scripts, styles };
}

/** A policy whose script-src and style-src hashes are exactly `hashes` (in place of any it had); its other sources are kept. */
export function withHashes(policy: string, hashes: { scripts: readonly string[]; styles: readonly string[] }): string {
  const directives = parsePolicy(policy);
  const set = (name: string, list: readonly string[]) => {
    const kept = (directives.get(name) ?? ["'self'"]).filter((s) => !/^'sha(256|384|512)-/i.test(s));
    directives.set(name, [...kept, ...new Set(list)]);
  };
  set('script-src', hashes.scripts);
  set('style-src', hashes.styles);
  return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** The Content-Security-Policy <meta> Astro writes into a page's head. */
const POLICY_META = /<meta http-equiv="content-security-policy" content="([^"]*)"/i;

export interface PagePolicy {
  /** The page's policy with the hashes of its own inline scripts and styles in place of Astro's (withHashes). */
  policy: string;
  /** Whether the page's <meta> already says exactly `policy` (written by an earlier build). */
  written: boolean;
  scripts: string[];
  styles: string[];
}

/**
 * What a built page's policy <meta> should say (Astro lists hashes of every
 * script and style it knows of, most of them shipped as files), and the
 * page's inline hashes; undefined for a page without the <meta>.
 */
export function pagePolicy(html: string): PagePolicy | undefined {
  const content = POLICY_META.exec(html)?.[1];
  if (!content) return undefined;
  const inline = inlineHashes(html);
  const policy = withHashes(content.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&'), inline);
  return { policy, written: content === policy, ...inline };
}

/** The page with its policy <meta> saying `policy`, which holds no double quote or ampersand (directives, 'self', hashes), so it needs no escaping in content="…". */
export function withPagePolicy(html: string, policy: string): string {
  return html.replace(POLICY_META, (tag, content: string) => tag.replace(content, () => policy));
}

/**
 * The `_headers` file: the pages' policy and the security headers for every
 * path under the base (HSTS when the site is served over https); the feed's
 * types (essays and notes, claim revisions) with their charset; and for the share pictures, a policy of their own
 * (the rules of hosts such as Netlify apply in order, a later header replacing an earlier one).
 */
export function headersFile(base: string, policy: string, options: { https?: boolean } = {}): string {
  const headers: Record<string, string> = { 'Content-Security-Policy': `${policy}; frame-ancestors 'none'`, 'X-Frame-Options': 'DENY', ...SECURITY_HEADERS };
  if (options.https) headers['Strict-Transport-Security'] = HSTS;
  const rule = (path: string, values: Record<string, string>) => `${path}\n${Object.entries(values).map(([name, value]) => `  ${name}: ${value}`).join('\n')}\n`;
  return [
    rule(`${base}*`, headers),
    rule(`${base}feed.xml`, { 'Content-Type': 'application/rss+xml; charset=utf-8' }),
    rule(`${base}c/revisions.xml`, { 'Content-Type': 'application/rss+xml; charset=utf-8' }),
    rule(`${base}*/card.png`, { 'Content-Security-Policy': IMAGE_POLICY }),
    rule(`${base}card.png`, { 'Content-Security-Policy': IMAGE_POLICY }),
  ].join('\n');
}
