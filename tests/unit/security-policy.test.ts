import { describe, expect, it } from 'vitest';
import { headersFile, mergePolicies, parsePolicy } from '../../src/formats/security-policy.ts';

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
