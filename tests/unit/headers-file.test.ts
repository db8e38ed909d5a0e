import { describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile } from '../../src/formats/headers-file.ts';
import { headersFile } from '../../src/formats/security-policy.ts';

describe('parseHeadersFile and headersFor', () => {
  it('reads the file the build writes, and applies it under the base path only', () => {
    const rules = parseHeadersFile(headersFile('/explainers/', "default-src 'self'", { https: true }));
    const headers = Object.fromEntries(headersFor(rules, '/explainers/notes/x/'));
    expect(headers['Content-Security-Policy']).toBe("default-src 'self'; frame-ancestors 'none'");
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Strict-Transport-Security']).toBe('max-age=31536000');
    expect(headersFor(rules, '/elsewhere/')).toEqual([]);
    // The feed says its charset; a share picture gets its own policy, the later rule's value winning as on Netlify.
    expect(Object.fromEntries(headersFor(rules, '/explainers/feed.xml'))['Content-Type']).toBe('application/rss+xml; charset=utf-8');
    for (const card of ['/explainers/card.png', '/explainers/c/x/card.png', '/explainers/notes/n/card.png']) {
      expect(Object.fromEntries(headersFor(rules, card))['Content-Security-Policy']).toMatch(/^default-src 'none'; img-src 'self'; style-src 'unsafe-inline'/);
    }
    expect(Object.fromEntries(headersFor(rules, '/explainers/notes/n/'))['Content-Security-Policy']).toBe("default-src 'self'; frame-ancestors 'none'");
  });

  it('sends HSTS only for a site served over https', () => {
    expect(headersFile('/', "default-src 'self'")).not.toContain('Strict-Transport-Security');
  });

  it('skips comments and blank lines', () => {
    expect(parseHeadersFile('# note\n\n/a\n  X: 1\n/b/*\n  Y: 2')).toEqual([
      { pattern: '/a', headers: [['X', '1']] },
      { pattern: '/b/*', headers: [['Y', '2']] },
    ]);
  });
});
