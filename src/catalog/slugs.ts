/**
 * The rules for the ids that become URLs: note and essay slugs, claim ids.
 * They are chosen once and shared, so they must be short, lowercase and
 * readable, with nothing a URL would have to escape.
 */

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface SlugRules {
  /** What the id names, for messages: "note slug", "claim id". */
  kind: string;
  /** Longest allowed id, in characters. */
  maxLength: number;
}

export const NOTE_SLUG: SlugRules = { kind: 'note slug', maxLength: 60 };
export const ESSAY_SLUG: SlugRules = { kind: 'essay slug', maxLength: 60 };
export const CLAIM_ID: SlugRules = { kind: 'claim id', maxLength: 40 };

/**
 * Returns the rule `id` breaks, or undefined when it is a valid slug.
 * The message names the rule, so an author knows what to change.
 */
export function slugProblem(id: string, rules: SlugRules): string | undefined {
  if (id.length === 0) return `The ${rules.kind} is empty.`;
  if (/\s/.test(id)) return `The ${rules.kind} "${id}" contains spaces; use hyphens between words.`;
  if (/[A-Z]/.test(id)) return `The ${rules.kind} "${id}" contains capital letters; use lowercase only.`;
  if (id.length > rules.maxLength) {
    return `The ${rules.kind} "${id}" is ${id.length} characters long; the limit is ${rules.maxLength}.`;
  }
  if (!SLUG.test(id)) {
    return `The ${rules.kind} "${id}" is not a slug: use lowercase letters a-z, digits and single hyphens between words, such as "format-collapse".`;
  }
  return undefined;
}

/** Turns any text into a slug candidate, for suggestions in error messages. */
export function suggestSlug(text: string, maxLength: number): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
}

/** The slug of a content file: its name without folders or extension. */
export function slugFromPath(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.(mdx|md)$/i, '');
}
