import { describe, expect, it } from 'vitest';
import { isLoopback, LOCAL_ORIGIN, readSettings, siteAddress } from '../../src/catalog/settings.ts';
import { identityProblems, invertedName, nameParts, type SiteConfig } from '../../src/catalog/site-config.ts';
import siteConfig from '../../site.config.ts';
import { essaySchema } from '../../src/catalog/schemas/essay.ts';

/** The settings of site.config.ts and the variables that override it: where the site is served from, and who is responsible for it. */

const config: SiteConfig = { url: '', name: 'Site', description: 'D.', language: 'en', authors: [{ name: 'Ada Lovelace' }] };
const root = process.cwd();

describe('siteAddress', () => {
  it('stops a build with no address, naming the line of site.config.ts to edit and the variable to set', () => {
    expect(() => siteAddress({}, config, root)).toThrowErrorMatchingInlineSnapshot(`
      [SettingsError: The site's address is not set right

      site.config.ts:19: url is empty: a deployed build needs the address it is served from, for every canonical link, citation, feed entry and preview image.
        Set url in site.config.ts to the home page's address, such as "https://explainers.example.org/", or set SITE_URL for this build (SITE_URL=https://explainers.example.org npm run build). To build and look at the site on this machine, run npm run serve. See docs/publishing.md.]
    `);
  });

  it('refuses a loopback address for a deployed build, from SITE_URL or from site.config.ts', () => {
    expect(() => siteAddress({ SITE_URL: 'http://localhost:4321' }, config, root)).toThrowErrorMatchingInlineSnapshot(`
      [SettingsError: The site's address is not set right

      SITE_URL: "http://localhost:4321" is a loopback address: a deployed build would carry it in every canonical link, citation, feed entry and preview image, and no reader could follow them.
        Set SITE_URL to the address the site is served from, such as "https://explainers.example.org/". To build for this machine only, set LOCAL_URL instead (npm run serve does).]
    `);
    for (const url of ['http://127.0.0.1:8080/', 'http://[::1]/', 'http://site.localhost/']) {
      expect(() => siteAddress({}, { ...config, url }, root)).toThrow(/^The site's address is not set right\n\nsite\.config\.ts:19: url is ".*" is a loopback address/);
    }
  });

  it('takes LOCAL_URL first, for this machine only', () => {
    expect(siteAddress({ LOCAL_URL: LOCAL_ORIGIN, SITE_URL: 'https://x.org' }, config, root)).toEqual({ origin: LOCAL_ORIGIN, base: '/' });
    expect(() => siteAddress({ LOCAL_URL: 'https://x.org' }, config, root)).toThrow('LOCAL_URL: "https://x.org" is not this machine');
  });

  it('takes the base path from BASE_PATH, else from the address, else from site.config.ts', () => {
    expect(siteAddress({ SITE_URL: 'https://x.org/' }, config, root)).toEqual({ origin: 'https://x.org', base: '/' });
    expect(siteAddress({ SITE_URL: 'https://x.org/docs' }, config, root)).toEqual({ origin: 'https://x.org', base: '/docs/' });
    expect(siteAddress({ SITE_URL: 'https://x.org/docs/', BASE_PATH: 'other' }, config, root)).toEqual({ origin: 'https://x.org', base: '/other/' });
    // GitHub Pages gives an empty base path for a site at the root: the root it is, whatever site.config.ts says.
    expect(siteAddress({ SITE_URL: 'https://x.org', BASE_PATH: '' }, { ...config, url: 'https://you.github.io/explainers/' }, root).base).toBe('/');
    expect(siteAddress({ SITE_URL: 'https://x.org' }, { ...config, url: 'https://you.github.io/explainers/' }, root).base).toBe('/');
    expect(siteAddress({}, { ...config, url: 'https://you.github.io/explainers/' }, root)).toEqual({ origin: 'https://you.github.io', base: '/explainers/' });
    // A local build of a site deployed under a sub-path is served under it too.
    expect(siteAddress({ LOCAL_URL: LOCAL_ORIGIN }, { ...config, url: 'https://you.github.io/explainers/' }, root).base).toBe('/explainers/');
  });

  it('refuses what is not an http(s) address', () => {
    expect(() => siteAddress({ SITE_URL: 'explainers.example.org' }, config, root)).toThrow('SITE_URL: "explainers.example.org", which is not a URL');
    expect(() => siteAddress({ SITE_URL: 'ftp://x.org/' }, config, root)).toThrow('expected an http or https address');
    expect(() => siteAddress({ SITE_URL: 'https://x.org/?a=1' }, config, root)).toThrow('Use "https://x.org/"');
  });

  it('is what readSettings gives the build', () => {
    expect(readSettings({ SITE_URL: 'https://x.org/a/' }, root, config)).toMatchObject({ site: 'https://x.org', base: '/a/' });
  });
});

describe('isLoopback', () => {
  it('knows this machine by its names and addresses', () => {
    expect(['http://localhost:4321', 'http://127.0.0.1', 'http://[::1]:80', 'http://a.localhost'].map((u) => isLoopback(new URL(u)))).toEqual([true, true, true, true]);
    expect(isLoopback(new URL('https://localhost.example.org'))).toBe(false);
  });
});

describe('site.config.ts', () => {
  it('names the site, its language and at least one author, each well formed', () => {
    expect(identityProblems(siteConfig)).toEqual([]);
  });

  it('says what is wrong with a name, a language, the authors or an ORCID iD', () => {
    expect(identityProblems({ ...config, name: ' ', language: 'English', authors: [{ name: 'Ada Lovelace', orcid: '0000-0002-1825' }] })).toEqual([
      'name is empty: give the site a name, such as "Research Explainers".',
      'language is "English": expected a BCP 47 tag, such as "en" or "en-GB".',
      'the ORCID of Ada Lovelace is "0000-0002-1825": expected four groups of four digits, such as "0000-0002-1825-0097" (the last may be X).',
    ]);
    expect(() => siteAddress({ SITE_URL: 'https://x.org' }, { ...config, authors: [] }, root)).toThrowErrorMatchingInlineSnapshot(`
      [SettingsError: The site's settings are wrong

      site.config.ts: authors is empty: name at least one, such as { name: 'Ada Lovelace' }; Google Scholar lists no page without an author.]
    `);
  });

  it('splits a person\'s name at the last space, and keeps a team\'s whole', () => {
    expect(nameParts({ name: 'Ada King Lovelace' })).toEqual({ given: 'Ada King', family: 'Lovelace' });
    expect(invertedName({ name: 'Ada Lovelace' })).toBe('Lovelace, Ada');
    expect(invertedName({ name: 'The Editors', organization: true })).toBe('The Editors');
  });
});

describe('an essay\'s own authors (front matter)', () => {
  const essay = { title: 'Why?', standfirst: 'S.', published: '2026-11-29' };
  it('are names, or names with an ORCID iD', () => {
    expect(essaySchema.parse({ ...essay, authors: ['Ada Lovelace', { name: 'Alan Turing', orcid: '0000-0001-2345-678X' }] }).authors).toEqual([{ name: 'Ada Lovelace' }, { name: 'Alan Turing', orcid: '0000-0001-2345-678X' }]);
    expect(essaySchema.parse(essay).authors).toBeUndefined();
  });

  it('may not be empty, nor carry a malformed ORCID iD', () => {
    expect(essaySchema.safeParse({ ...essay, authors: [] }).success).toBe(false);
    expect(essaySchema.safeParse({ ...essay, authors: [{ name: 'Ada', orcid: '1234' }] }).success).toBe(false);
  });
});
