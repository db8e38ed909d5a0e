import { describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile } from '../../src/formats/headers-file.ts';
import { headersFile } from '../../src/formats/security-policy.ts';

describe('parseHeadersFile and headersFor', () => {
  it('reads the file the build writes, and applies it under the base path only', () => {
    const rules = parseHeadersFile(headersFile('/explainers/', "default-src 'self'"));
    expect(rules).toHaveLength(1);
    const headers = Object.fromEntries(headersFor(rules, '/explainers/notes/x/'));
    expect(headers['Content-Security-Policy']).toBe("default-src 'self'; frame-ancestors 'none'");
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headersFor(rules, '/elsewhere/')).toEqual([]);
  });

  it('skips comments and blank lines', () => {
    expect(parseHeadersFile('# note\n\n/a\n  X: 1\n/b/*\n  Y: 2')).toEqual([
      { pattern: '/a', headers: [['X', '1']] },
      { pattern: '/b/*', headers: [['Y', '2']] },
    ]);
  });
});
