import type { APIRoute } from 'astro';
import { getCorpus } from '../../site/corpus.ts';
import { claimFeed } from '../../formats/claim-feed.ts';
import { SITE_ORIGIN } from '../../site/settings.ts';

/**
 * Every claim as data: its text, permanent link, place in context, and the
 * notes it cites. Readers' tools can use it; the build uses it to draw each
 * claim's share picture (src/integrations/claim-cards/).
 */
export const GET: APIRoute = async () => {
  const corpus = await getCorpus();
  return new Response(JSON.stringify(claimFeed(corpus, SITE_ORIGIN), null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
