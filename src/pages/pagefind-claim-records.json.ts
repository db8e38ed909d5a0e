import type { APIRoute } from 'astro';
import { getCorpus } from '../site/corpus.ts';
import { claimSearchRecords } from '../formats/search-records.ts';
import { SITE_LANGUAGE } from '../site/identity.ts';

/**
 * The claims as search records, written into the build for the Pagefind
 * integration (src/integrations/pagefind.ts), which indexes them and then
 * removes this file: claims live in the content collections, which only the
 * pages can read. The file name is CLAIM_RECORDS_FILE in src/formats/search-records.ts.
 */
export const GET: APIRoute = async () => {
  const corpus = await getCorpus();
  const records = claimSearchRecords({
    notes: corpus.notes.map((n) => ({ id: n.entry.id, themes: n.entry.data.themes })),
    claims: corpus.claims.map((view) => view.claim),
    language: SITE_LANGUAGE,
  });
  return new Response(JSON.stringify(records), { headers: { 'Content-Type': 'application/json' } });
};
