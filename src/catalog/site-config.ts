/**
 * The shape of site.config.ts, the one file that says where the site lives and
 * who is responsible for it, and the checks a deployment build makes of it.
 */

/** Someone credited for the site or an essay. */
export interface Contributor {
  /** As it is printed: "Ada Lovelace", or a team's name. */
  name: string;
  /** An ORCID iD, such as "0000-0002-1825-0097" (without https://orcid.org/). Optional. */
  orcid?: string | undefined;
  /** A team or body that signs as one, not a person: cited by its whole name. Default: false. */
  organization?: boolean | undefined;
}

export interface SiteConfig {
  /** The home page's address once deployed; "" until it is known. */
  url: string;
  name: string;
  description: string;
  /** A BCP 47 language tag, such as "en" or "en-GB". */
  language: string;
  /** At least one. */
  authors: readonly Contributor[];
  editors?: readonly Contributor[];
}

const ORCID = /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/;

/** What is wrong with a config's identity (not its url, which settings.ts checks), one line each. */
export function identityProblems(config: SiteConfig): string[] {
  const problems: string[] = [];
  if (!config.name.trim()) problems.push('name is empty: give the site a name, such as "Research Explainers".');
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(config.language)) problems.push(`language is "${config.language}": expected a BCP 47 tag, such as "en" or "en-GB".`);
  if (config.authors.length === 0) problems.push('authors is empty: name at least one, such as { name: \'Ada Lovelace\' }; Google Scholar lists no page without an author.');
  for (const person of [...config.authors, ...(config.editors ?? [])]) {
    if (!person.name.trim()) problems.push('a contributor has an empty name.');
    if (person.orcid !== undefined && !ORCID.test(person.orcid)) problems.push(`the ORCID of ${person.name} is "${person.orcid}": expected four groups of four digits, such as "0000-0002-1825-0097" (the last may be X).`);
  }
  return problems;
}

/** "Lovelace, Ada" for a person (Highwire's and Zotero's preferred order), the whole name for a team. */
export function invertedName(person: Contributor): string {
  const { given, family } = nameParts(person);
  return given ? `${family}, ${given}` : family;
}

/** A person's given and family names: the family name is the last word. A team's whole name is its family name. */
export function nameParts(person: Contributor): { given: string; family: string } {
  const name = person.name.trim().replace(/\s+/g, ' ');
  const space = name.lastIndexOf(' ');
  if (person.organization || space < 0) return { given: '', family: name };
  return { given: name.slice(0, space), family: name.slice(space + 1) };
}

/** The ORCID iD as a URL, as schema.org and ORCID itself write it. */
export function orcidUrl(orcid: string): string {
  return `https://orcid.org/${orcid}`;
}
