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
  /** Who wrote it, by name. */
  authors?: readonly string[];
}

export interface FeedItem {
  title: string;
  link: string;
  description: string;
  pubDate?: Date;
  categories: string[];
  /** The authors as Dublin Core creators (RSS's own <author> wants an email address). */
  customData?: string;
}

/** Text for an XML element or attribute: the five characters XML reserves, escaped. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' } as const)[c as '&']};`);
}

/**
 * The channel's lastBuildDate: the newest date any entry carries (published or
 * updated), not the build's clock, so that the same content builds the same feed.
 */
export function lastBuildDate(dates: readonly (Date | undefined)[]): Date | undefined {
  const times = dates.flatMap((d) => (d ? [d.getTime()] : []));
  return times.length > 0 ? new Date(Math.max(...times)) : undefined;
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
      ...(e.authors && e.authors.length > 0 ? { customData: e.authors.map((name) => `<dc:creator>${escapeXml(name)}</dc:creator>`).join('') } : {}),
    }));
}
