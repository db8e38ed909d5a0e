/**
 * Drafts: an essay with `draft: true` in its front matter is work in progress.
 * `npm run dev` shows it, so its author can read it as a reader will;
 * `npm run build` leaves it out entirely (no page, so no list, feed, sitemap or
 * search entry); and `npm run claims:publish` leaves its claims out of the
 * registry, so their ids stay free to change until the essay is published.
 */

/** Whether an entry's front matter (as the schema parsed it) marks it a draft. */
export function isDraft(data: Readonly<Record<string, unknown>> | undefined): boolean {
  return data?.['draft'] === true;
}

/** The entries a build shows: all of them in the dev server, the published ones otherwise. */
export function shownEntries<T extends { data?: Readonly<Record<string, unknown>> | undefined }>(entries: Iterable<T>, options: { drafts: boolean }): T[] {
  return [...entries].filter((entry) => options.drafts || !isDraft(entry.data));
}
