import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { noteWorkDate } from '../site/citable.ts';
import { getCorpus } from '../site/corpus.ts';
import { feedItems } from '../formats/feed.ts';
import { SITE_DESCRIPTION, SITE_LANGUAGE, SITE_NAME } from '../site/identity.ts';
import { SITE_ORIGIN } from '../site/settings.ts';
import { absoluteUrl } from '../site/urls.ts';

/** The RSS feed of essays and notes, each with its summary (src/formats/feed.ts). */
export const GET: APIRoute = async () => {
  const corpus = await getCorpus();
  const origin = SITE_ORIGIN;
  const items = feedItems([
    ...corpus.essays.map((e) => ({ kind: 'essay' as const, title: e.entry.data.title, url: absoluteUrl(origin, e.ref.url), summary: e.entry.data.standfirst, date: e.entry.data.published })),
    ...corpus.notes.map((n) => ({ kind: 'note' as const, title: n.entry.data.title, url: absoluteUrl(origin, n.ref.url), summary: n.summary, date: noteWorkDate(n, corpus) })),
  ]);
  const self = absoluteUrl(origin, corpus.urls.feed);
  return rss({
    title: SITE_NAME,
    description: SITE_DESCRIPTION,
    site: absoluteUrl(origin, corpus.urls.home),
    items,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>${SITE_LANGUAGE}</language><atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
  });
};
