/** Dates as the site prints them, in UTC so that the build does not depend on the machine's time zone. */
const LONG = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "29 November 2026" */
export function formatDate(date: Date): string {
  return LONG.format(date);
}

/** "2026-11-29", for datetime attributes and metadata. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
