import { describe, expect, it } from 'vitest';
import { allSites, errorFixtureNames, sitesToBuild } from '../support/sites.ts';

/** TEST_SITES picks the sites the global setup builds (tests/support/global-setup.ts). */

describe('sitesToBuild', () => {
  const names = (setting: string | undefined) => sitesToBuild(setting).map((s) => s.name);

  it('builds every site when TEST_SITES is unset, empty or "all"', () => {
    const all = allSites().map((s) => s.name);
    expect(names(undefined)).toEqual(all);
    expect(names('')).toEqual(all);
    expect(names('all')).toEqual(all);
  });

  it('builds none for "none"', () => {
    expect(names('none')).toEqual([]);
  });

  it('builds the sites listed, in the usual order', () => {
    expect(names('edge, good')).toEqual(['good', 'edge']);
  });

  it('stops at a name that is no site, listing the sites', () => {
    expect(() => sitesToBuild('good,nope')).toThrow('TEST_SITES names "nope", which is not a site. The sites are: site, subpath, good,');
  });
});

describe('allSites', () => {
  it('builds each error fixture once, under its folder name', () => {
    const errors = allSites().filter((s) => s.name.startsWith('errors-')).map((s) => s.name);
    expect(errorFixtureNames().length).toBeGreaterThan(0);
    expect(errors).toEqual(errorFixtureNames().map((n) => `errors-${n}`));
  });

  it('names every site once', () => {
    const all = allSites().map((s) => s.name);
    expect(new Set(all).size).toBe(all.length);
  });
});
