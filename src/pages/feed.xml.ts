import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { essayAuthors, noteAuthors, noteWorkDate } from '../site/citable.ts';
import { getCorpus } from '../site/corpus.ts';
import { escapeXml, feedItems, lastBuildDate } from '../formats/feed.ts';
import { SITE_DESCRIPTION, SITE_LANGUAGE, SITE_NAME } from '../site/identity.ts';
import { SITE_ORIGIN } from '../site/settings.ts';
import { absoluteUrl } from '../site/urls.ts';

/**
 * The RSS feed of essays and notes, each with its summary and authors
 * (src/formats/feed.ts). Its charset is in the XML declaration and, for hosts
 * that read `_headers`, in its Content-Type (src/formats/security-policy.ts).
 */
export const GET: APIRoute = async () => {
  const corpus = await getCorpus();
  const origin = SITE_ORIGIN;
  const items = feedItems([
    ...corpus.essays.map((e) => ({ kind: 'essay' as const, title: e.entry.data.title, url: absoluteUrl(origin, e.ref.url), summary: e.entry.data.standfirst, date: e.entry.data.published, authors: essayAuthors(e).map((a) => a.name) })),
    ...corpus.notes.map((n) => ({ kind: 'note' as const, title: n.entry.data.title, url: absoluteUrl(origin, n.ref.url), summary: n.summary, date: noteWorkDate(n, corpus), authors: noteAuthors(n, corpus).map((a) => a.name) })),
  ]);
  const built = lastBuildDate(corpus.essays.flatMap((e) => [e.entry.data.published, e.entry.data.updated]));
  const self = absoluteUrl(origin, corpus.urls.feed);
  return rss({
    title: SITE_NAME,
    description: SITE_DESCRIPTION,
    site: absoluteUrl(origin, corpus.urls.home),
    items,
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: `<language>${escapeXml(SITE_LANGUAGE)}</language>${built ? `<lastBuildDate>${built.toUTCString()}</lastBuildDate>` : ''}<atom:link href="${escapeXml(self)}" rel="self" type="application/rss+xml"/>`,
  });
};
