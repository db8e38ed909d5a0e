/**
 * The HTTP headers a static host should send with every page, as a `_headers`
 * file (read by Netlify, Cloudflare Pages and others). Astro writes each
 * page's Content-Security-Policy into a <meta> element, with the hashes of
 * that page's scripts and styles; the file's policy is the union of all the
 * pages' policies, plus what a <meta> policy cannot say (frame-ancestors).
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
  'Permissions-Policy': 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** The `_headers` file: one rule for every path under the base. */
export function headersFile(base: string, policy: string): string {
  const headers = { 'Content-Security-Policy': `${policy}; frame-ancestors 'none'`, 'X-Frame-Options': 'DENY', ...SECURITY_HEADERS };
  return `${base}*\n${Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`).join('\n')}\n`;
}
