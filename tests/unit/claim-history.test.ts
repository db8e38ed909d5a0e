import { describe, expect, it } from 'vitest';
import { parseRegistry } from '../../src/catalog/claim-registry.ts';
import { claimLinks, revisionViews, sameWording, wordDiff, wordingsMovedTo, type DiffPart } from '../../src/site/claim-history.ts';
import { revisionFeedItems } from '../../src/formats/revision-feed.ts';
import { siteUrls } from '../../src/site/urls.ts';
import type { CitableWork } from '../../src/site/citable-work.ts';
import { citationKey, cslItem } from '../../src/formats/citation-formats.ts';
import { workJsonLd } from '../../src/formats/scholarly-metadata.ts';
import remarkClaims from '../../src/plugins/remark-claims.ts';
import { renderMdx } from '../support/render-mdx.ts';

const urls = siteUrls('/base/');
const registryOf = (data: object) => {
  const { registry, problems } = parseRegistry(JSON.stringify(data, null, 2), 'content/claims.json');
  expect(problems).toEqual([]);
  return registry;
};
/** The difference as text: [-taken out-] and {+put in+}, as git's word diff writes it. */
const show = (parts: DiffPart[]) => parts.map((p) => (p.kind === 'deleted' ? `[-${p.text}-]` : p.kind === 'inserted' ? `{+${p.text}+}` : p.text)).join('');

describe('wordDiff', () => {
  it('marks a changed word as taken out and put in, apart, with the spaces outside the marks', () => {
    expect(show(wordDiff('Scaling helps a lot.', 'Scaling helps a little.'))).toBe('Scaling helps a [-lot-] {+little+}.');
  });

  it('marks words put in and taken out, punctuation as its own token', () => {
    expect(show(wordDiff('Alpha is cited here, with delta.', 'Alpha is cited again here with beta.'))).toBe('Alpha is cited {+again+} here[-,-] with [-delta-] {+beta+}.');
    expect(show(wordDiff('It holds in every run we tried.', 'It holds.'))).toBe('It holds [-in every run we tried-].');
  });

  it('joins the words of one change into one mark', () => {
    const parts = wordDiff('one two three four', 'one five six four');
    expect(parts.filter((p) => p.kind !== 'same')).toEqual([{ kind: 'deleted', text: 'two three' }, { kind: 'inserted', text: 'five six' }]);
  });

  it('finds no difference in whitespace alone', () => {
    expect(wordDiff('A  claim\n that holds. ', 'A claim that holds.')).toEqual([{ kind: 'same', text: 'A claim that holds.' }]);
    expect(sameWording('A  claim', 'A claim')).toBe(true);
    expect(sameWording('A claim', 'A claim.')).toBe(false);
    // Quotes and dashes alone are not a revision (src/catalog/claim-revisions.ts), so they show no "Revised since".
    expect(sameWording('It\'s a claim - yes', 'It’s a claim — yes')).toBe(true);
  });
});

describe('revisionViews', () => {
  const registry = registryOf({
    'kept-claim': { doc: 'essays/e', revisions: [
      { date: '2026-01-15', text: 'Old words here.', sources: ['alpha', 'gone-note'] },
      { date: '2026-03-12', text: 'New words here.', sources: ['alpha'], reason: 'Softened.' },
    ] },
    'moved-claim': { doc: 'essays/e', moved: 'kept-claim', revisions: [{ date: '2026-01-01', text: 'Older words.', sources: [] }] },
    'gone-claim': { doc: 'essays/e', retired: 'Withdrawn.', nearest: 'kept-claim', revisions: [{ date: '2026-01-02', text: 'Gone words.', sources: ['alpha'] }] },
    'plain-claim': { doc: 'essays/e' },
  });
  const views = revisionViews({
    registry,
    landings: [
      { kind: 'alias', id: 'moved-claim', doc: 'essays/e', target: 'kept-claim' },
      { kind: 'retired', id: 'gone-claim', doc: 'essays/e', reason: 'Withdrawn.', nearest: 'kept-claim', nearestDoc: 'essays/e' },
    ],
    current: (id) => (id === 'kept-claim' ? { text: 'New words here.' } : id === 'plain-claim' ? { text: 'Plain.' } : undefined),
    note: (slug) => (slug === 'alpha' ? { title: 'Alpha', url: '/base/notes/alpha/' } : undefined),
    urls,
  });
  const view = (id: string, n: number) => views.find((v) => v.id === id && v.n === n)!;

  it('gives every recorded revision a page, /c/<id>/<n>/, and none to an id without revisions', () => {
    expect(views.map((v) => v.url)).toEqual(['/base/c/gone-claim/1/', '/base/c/kept-claim/1/', '/base/c/kept-claim/2/', '/base/c/moved-claim/1/']);
    expect(view('kept-claim', 2)).toMatchObject({ n: 2, total: 2, latest: true, claimUrl: '/base/c/kept-claim/' });
    expect(view('kept-claim', 1).latest).toBe(false);
  });

  it('says what an earlier wording became, word by word, and nothing for the current one', () => {
    expect(view('kept-claim', 1).since).toMatchObject({ id: 'kept-claim', text: 'New words here.', url: '/base/c/kept-claim/' });
    expect(show(view('kept-claim', 1).since!.diff)).toBe('[-Old-] {+New+} words here.');
    expect(view('kept-claim', 2).since).toBeUndefined();
  });

  it('links the notes a wording cited that still exist, and names those that are gone', () => {
    expect(view('kept-claim', 1).sources).toEqual([{ slug: 'alpha', title: 'Alpha', url: '/base/notes/alpha/' }, { slug: 'gone-note' }]);
  });

  it('lists the other wordings of the id, newest first', () => {
    expect(view('kept-claim', 1).others.map((o) => [o.n, o.reason])).toEqual([[2, 'Softened.']]);
    expect(view('kept-claim', 2).others.map((o) => o.url)).toEqual(['/base/c/kept-claim/1/']);
  });

  it('compares a moved id with the claim it moved to, and a retired one with nothing', () => {
    expect(view('moved-claim', 1).status).toEqual({ kind: 'moved', to: 'kept-claim' });
    expect(show(view('moved-claim', 1).since!.diff)).toBe('[-Older-] {+New+} words {+here+}.');
    expect(view('gone-claim', 1).status).toEqual({ kind: 'retired', reason: 'Withdrawn.', nearest: 'kept-claim' });
    expect(view('gone-claim', 1).since).toBeUndefined();
  });

  it('hands a claim the wordings of the ids that moved to it, not those of a retired id that names it', () => {
    const landings = [
      { kind: 'alias', id: 'moved-claim', doc: 'essays/e', target: 'kept-claim' },
      { kind: 'retired', id: 'gone-claim', doc: 'essays/e', reason: 'Withdrawn.', nearest: 'kept-claim', nearestDoc: 'essays/e' },
    ] as const;
    expect(wordingsMovedTo('kept-claim', landings, views).map((v) => v.url)).toEqual(['/base/c/moved-claim/1/']);
    expect(wordingsMovedTo('plain-claim', landings, views)).toEqual([]);
  });

  it('go into the feed newest first, the later revision of a day first', () => {
    const items = revisionFeedItems(views.map((v) => ({ id: v.id, n: v.n, date: v.revision.date, text: v.revision.text, reason: v.revision.reason, url: v.url })));
    expect(items.map((i) => i.link)).toEqual(['/base/c/kept-claim/2/', '/base/c/kept-claim/1/', '/base/c/gone-claim/1/', '/base/c/moved-claim/1/']);
  });
});

describe('claimLinks', () => {
  const registry = registryOf({
    once: { doc: 'essays/e', revisions: [{ date: '2026-01-15', text: 'Once.', sources: [] }] },
    twice: { doc: 'essays/e', revisions: [{ date: '2026-01-15', text: 'One.', sources: [] }, { date: '2026-02-15', text: 'Two.', sources: [] }] },
    unrecorded: { doc: 'essays/e' },
  });
  const links = claimLinks(() => registry, urls);

  it('copies the address of the wording the reader sees, where one is recorded', () => {
    expect(links.shareHref('twice')).toBe('/base/c/twice/2/');
    expect(links.shareHref('once')).toBe('/base/c/once/1/');
    expect(links.shareHref('unrecorded')).toBe('/base/c/unrecorded/');
    expect(links.shareHref('new-claim')).toBe('/base/c/new-claim/');
  });

  it('marks as revised only a claim with more than one wording', () => {
    expect(links.revised('twice')).toBe('/base/c/twice/');
    expect(links.revised('once')).toBeUndefined();
    expect(links.revised('unrecorded')).toBeUndefined();
  });
});

describe('revisionFeedItems', () => {
  it('lists every wording newest first, linking its page, with why it was reworded', () => {
    const items = revisionFeedItems([
      { id: 'a', n: 1, date: '2026-01-15', text: 'First.', url: 'https://x.org/c/a/1/' },
      { id: 'a', n: 2, date: '2026-03-12', text: 'Second.', reason: 'Softened.', url: 'https://x.org/c/a/2/' },
      { id: 'b', n: 1, date: '2026-02-01', text: 'Bee.', url: 'https://x.org/c/b/1/' },
    ]);
    expect(items.map((i) => i.link)).toEqual(['https://x.org/c/a/2/', 'https://x.org/c/b/1/', 'https://x.org/c/a/1/']);
    expect(items[0]).toMatchObject({ title: 'Revised: “Second.”', description: 'Second. (Why it was reworded: Softened.)', pubDate: new Date('2026-03-12') });
    expect(items[2]!.title).toBe('Published: “First.”');
  });
});

describe('a claim marked as revised in its page (remark-claims)', () => {
  const registry = registryOf({
    twice: { doc: 'essays/e', revisions: [{ date: '2026-01-15', text: 'One.', sources: [] }, { date: '2026-02-15', text: 'Two.', sources: [] }] },
  });
  const render = (md: string) => renderMdx(md, [[remarkClaims, { root: '/project', ...claimLinks(() => registry, urls) }]] as never);

  it('is followed by a quiet "revised" link to its history, outside its words, and copies its latest wording\'s address', async () => {
    const { html } = await render('So: <Claim id="twice">Two.</Claim> <Claim id="fresh">New.</Claim>');
    expect(html).toMatch(/<span id="twice" class="claim" data-claim="twice">Two\.<span class="claim-tools".*?<\/span><\/span><\/span><a href="\/base\/c\/twice\/" class="claim-revised" data-pagefind-ignore="">revised<span class="sr-only">: how this claim read before<\/span><\/a> <span id="fresh"/);
    expect(html).toContain('data-share="/base/c/twice/2/"');
    expect(html).toContain('data-share="/base/c/fresh/"');
    expect(html.match(/claim-revised/g)).toHaveLength(1);
  });
});

describe('a recorded wording as a citable work', () => {
  const work: CitableWork = {
    kind: 'claim',
    id: 'narrows',
    title: 'RL narrows, at first.',
    description: 'How does it differ?',
    url: 'https://x.org/base/c/narrows/1/',
    authors: [{ name: 'Research Explainers editors', organization: true }],
    publisher: 'Research Explainers',
    publisherUrl: 'https://x.org/base/',
    published: new Date('2026-01-15'),
    partOf: { kind: 'essay', title: 'How does it differ?', url: 'https://x.org/base/essays/e/' },
    papers: [],
    notes: [],
    revision: { number: 1, of: 'https://x.org/base/c/narrows/' },
  };

  it('is a Claim with its version number, an example of the claim at its latest address, which lists it', () => {
    expect(workJsonLd(work)).toMatchObject({ '@type': 'Claim', '@id': work.url, datePublished: '2026-01-15', version: 1, exampleOfWork: { '@type': 'Claim', '@id': 'https://x.org/base/c/narrows/' } });
    const { revision: _revision, ...latest } = work;
    expect(workJsonLd(latest)).not.toHaveProperty('version');
    // The claim at its latest address lists its wordings.
    const claim = { ...latest, url: 'https://x.org/base/c/narrows/', wordings: [{ number: 1, url: work.url, date: new Date('2026-01-15') }] };
    expect(workJsonLd(claim)).toMatchObject({ '@id': claim.url, workExample: [{ '@type': 'Claim', '@id': work.url, version: 1, datePublished: '2026-01-15' }] });
    expect(workJsonLd({ ...claim, wordings: [] })).not.toHaveProperty('workExample');
  });

  it('has its own citation key, date and note, so two wordings are two references', () => {
    expect(citationKey(work)).toBe('claim_narrows_v1_2026');
    expect(cslItem(work)).toMatchObject({ URL: work.url, issued: { 'date-parts': [[2026, 1, 15]] }, note: 'Revision 1 of a claim in the essay “How does it differ?”; latest wording at https://x.org/base/c/narrows/' });
  });
});

describe('a claim that is a block, marked as revised', () => {
  const registry = registryOf({ twice: { doc: 'essays/e', revisions: [{ date: '2026-01-15', text: 'One.', sources: [] }, { date: '2026-02-15', text: 'Two.', sources: [] }] } });
  it('ends with the mark, inside it', async () => {
    const { html } = await renderMdx('<Claim id="twice">\n\nTwo.\n\n</Claim>', [[remarkClaims, { root: '/project', ...claimLinks(() => registry, urls) }]] as never);
    expect(html).toMatch(/^<div id="twice" class="claim" data-claim="twice"><p>Two\.<\/p>\n?<a href="\/base\/c\/twice\/" class="claim-revised"/);
  });
});
