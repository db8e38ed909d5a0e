import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCorpus } from '../../site/corpus.ts';
import { escapeXml, lastBuildDate } from '../../formats/feed.ts';
import { revisionFeedItems } from '../../formats/revision-feed.ts';
import { revisionsFeedPath } from '../../site/claim-history.ts';
import { SITE_LANGUAGE, SITE_NAME } from '../../site/identity.ts';
import { SITE_ORIGIN } from '../../site/settings.ts';
import { absoluteUrl } from '../../site/urls.ts';

/**
 * The RSS feed of claim revisions (src/formats/revision-feed.ts). Its
 * lastBuildDate is the newest revision's date, not the build's clock.
 */
export const GET: APIRoute = async () => {
  const corpus = await getCorpus();
  const origin = SITE_ORIGIN;
  const items = revisionFeedItems(corpus.revisions.map((r) => ({ id: r.id, n: r.n, date: r.revision.date, text: r.revision.text, reason: r.revision.reason, url: absoluteUrl(origin, r.url) })));
  const built = lastBuildDate(corpus.revisions.map((r) => new Date(r.revision.date)));
  const self = absoluteUrl(origin, revisionsFeedPath(corpus.urls));
  return rss({
    title: `${SITE_NAME}: revised claims`,
    description: 'Every recorded wording of every claim, newest first, each with its permanent page.',
    site: absoluteUrl(origin, corpus.urls.claims),
    items,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>${escapeXml(SITE_LANGUAGE)}</language>${built ? `<lastBuildDate>${built.toUTCString()}</lastBuildDate>` : ''}<atom:link href="${escapeXml(self)}" rel="self" type="application/rss+xml"/>`,
  });
};
