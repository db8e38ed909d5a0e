import type { FeedItem } from './feed.ts';

/**
 * The feed of claim revisions (/c/revisions.xml): every recorded wording of
 * every claim, newest first, so that people who cite claims can watch them.
 * Each item links to the wording's permanent page; its description is the
 * wording and, for a rewording, why. The first wording of a claim is in it
 * too ("Published"), so a new claim is news to the same readers.
 */
export interface RevisionFeedEntry {
  id: string;
  n: number;
  date: string;
  text: string;
  reason?: string | undefined;
  /** Absolute URL of the revision's page. */
  url: string;
}

export function revisionFeedItems(entries: readonly RevisionFeedEntry[]): FeedItem[] {
  return [...entries]
    .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id) || b.n - a.n)
    .map((e) => ({
      title: `${e.n === 1 ? 'Published' : 'Revised'}: “${e.text}”`,
      link: e.url,
      description: e.reason ? `${e.text} (Why it was reworded: ${e.reason})` : e.text,
      pubDate: new Date(e.date),
      categories: [e.n === 1 ? 'Published' : 'Revised', e.id],
    }));
}
