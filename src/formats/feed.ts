import { SITE_LANGUAGE } from '../site/identity.ts';

/**
 * The site's feed: every essay and note, newest first, each with its summary
 * (an essay's standfirst, a note's summary). A note's date is the date it was
 * first published (see noteDate); a note without one goes last, undated.
 */
export interface FeedEntry {
  kind: 'essay' | 'note';
  title: string;
  /** Absolute URL. */
  url: string;
  summary: string;
  date?: Date | undefined;
}

export interface FeedItem {
  title: string;
  link: string;
  description: string;
  pubDate?: Date;
  categories: string[];
}

export function feedItems(entries: readonly FeedEntry[]): FeedItem[] {
  const order = (e: FeedEntry) => e.date?.getTime() ?? Number.NEGATIVE_INFINITY;
  return [...entries]
    .sort((a, b) => order(b) - order(a) || (a.kind === b.kind ? a.title.localeCompare(b.title, SITE_LANGUAGE) : a.kind === 'essay' ? -1 : 1))
    .map((e) => ({
      title: e.title,
      link: e.url,
      description: e.summary,
      ...(e.date ? { pubDate: e.date } : {}),
      categories: [e.kind === 'essay' ? 'Essay' : 'Note'],
    }));
}
