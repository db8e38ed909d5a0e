import { describe, expect, it } from 'vitest';
import { hashSource, headersFile, mergePolicies, pagePolicy, parsePolicy, withPagePolicy } from '../../src/formats/security-policy.ts';

describe('mergePolicies', () => {
  it('keeps every directive and every source, once, in first-seen order', () => {
    expect(mergePolicies(["default-src 'self'; script-src 'self' 'sha256-a'", "script-src 'self' 'sha256-b'; style-src 'self'"])).toBe(
      "default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b'; style-src 'self'",
    );
  });

  it('reads directives case-insensitively and ignores empty parts', () => {
    expect([...parsePolicy('Default-Src a;; img-src b ;')]).toEqual([['default-src', ['a']], ['img-src', ['b']]]);
  });
});

describe('headersFile', () => {
  it('applies the policy and the security headers to every path under the base', () => {
    const file = headersFile('/explainers/', "default-src 'self'");
    expect(file.split('\n')[0]).toBe('/explainers/*');
    expect(file).toContain("  Content-Security-Policy: default-src 'self'; frame-ancestors 'none'");
    expect(file).toContain('  X-Content-Type-Options: nosniff');
    expect(file).toContain('  Referrer-Policy: strict-origin-when-cross-origin');
    expect(file).toMatch(/ {2}Permissions-Policy: .*camera=\(\)/);
  });
});

describe('pagePolicy', () => {
  const page = `<head><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'sha256-astro'; style-src 'self' 'sha256-css'"></head><body><script>go()</script></body>`;

  it("puts the page's inline hashes in place of Astro's, and says whether the page already holds them", () => {
    const policy = pagePolicy(page)!;
    expect(policy.policy).toBe(`default-src 'self'; script-src 'self' ${hashSource('go()')}; style-src 'self'`);
    expect(policy.written).toBe(false);
    expect(pagePolicy('<p>no policy</p>')).toBeUndefined();
  });

  it('leaves a page whose policy it made exact as it is (the middleware runs once a page; a kept page must stay the same: src/integrations/kept-output.ts)', () => {
    const once = withPagePolicy(page, pagePolicy(page)!.policy);
    expect(pagePolicy(once)).toEqual({ ...pagePolicy(page), written: true });
    expect(withPagePolicy(once, pagePolicy(once)!.policy)).toBe(once);
  });
});
