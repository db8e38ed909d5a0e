import type { APIRoute } from 'astro';
import { getCorpus } from '../../site/corpus.ts';
import { claimFeed } from '../../formats/claim-feed.ts';

/**
 * Every claim as data: its text, permanent link, place in context, and the
 * notes it cites. Readers' tools can use it; the build uses it to draw each
 * claim's share picture (src/integrations/claim-cards.ts).
 */
export const GET: APIRoute = async ({ site }) => {
  const corpus = await getCorpus();
  return new Response(JSON.stringify(claimFeed(corpus, site?.href ?? 'http://localhost:4321/'), null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
