import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';

/**
 * A content folder read directly from its files, independently of the site's
 * code, so build tests can check the pages against what the author wrote.
 */
export interface ContentPaper { title: string; firstAuthor: string; year: number; arxiv: string }
export interface ContentEssay {
  slug: string;
  title: string;
  standfirst: string;
  published: string;
  updated?: string;
  notes: string[];
  claims: string[];
  /** How many citation markers the page shows: citations side by side share one. */
  markers: number;
  /** How many paragraphs of the body hold a claim. */
  claimParagraphs: number;
  /** The "##" headings of the body, in order. */
  headings: string[];
  /**
   * How the claims index groups the essay's claims: by the heading each sits
   * under ("Opening" before the first), or, without headings, "Paragraph n"
   * counted among the paragraphs that hold claims.
   */
  claimGroups: string[];
  /** Each claim's text, without its citations, by id. */
  claimTexts: Record<string, string>;
  /** The words search finds the page by: its title, standfirst and body, without citations. */
  searchText: string;
}
export interface ContentNote {
  slug: string;
  title: string;
  themes: string[];
  papers: ContentPaper[];
  claims: string[];
  claimTexts: Record<string, string>;
  /** The words search finds the note by: its title, summary, papers' titles and themes. */
  searchText: string;
}

const withoutCitations = (text: string) => text.replace(/(?<!\\)\[@[^\]]+\]/g, '');

function claimTexts(body: string): Record<string, string> {
  return Object.fromEntries([...body.matchAll(/<Claim id="([^"]+)">([\s\S]*?)<\/Claim>/g)].map((m) => [m[1]!, withoutCitations(m[2]!)]));
}

function claimGroups(body: string): string[] {
  const blocks = body.split(/\n\s*\n/);
  if (!/^## /m.test(body)) return blocks.filter((b) => b.includes('<Claim id=')).map((_, i) => `Paragraph ${i + 1}`);
  const groups: string[] = [];
  let heading = 'Opening';
  for (const block of blocks) {
    const h = /^## (.+)$/m.exec(block);
    if (h) heading = h[1]!.trim();
    if (block.includes('<Claim id=') && !groups.includes(heading)) groups.push(heading);
  }
  return groups;
}

/**
 * How many search records of each kind hold a word matching `word` (such as
 * /\breward(s|ed|ing)?\b/i for what the index stems to "reward"): the results
 * a search for it must count, worked out from the content files.
 */
export function searchMatches(content: { essays: ContentEssay[]; notes: ContentNote[] }, word: RegExp): { essay: number; note: number; claim: number; all: number } {
  const essay = content.essays.filter((e) => word.test(e.searchText)).length;
  const note = content.notes.filter((n) => word.test(n.searchText)).length;
  const claim = [...content.essays, ...content.notes].flatMap((d) => Object.values(d.claimTexts)).filter((t) => word.test(t)).length;
  return { essay, note, claim, all: essay + note + claim };
}

export function files(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.mdx')).map((f) => join(dir, f));
}

function split(file: string): { data: Record<string, unknown>; body: string } {
  const text = readFileSync(file, 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
  return { data: parse(match[1]!, { schema: 'failsafe' }) as Record<string, unknown>, body: match[2]! };
}

/** Note ids cited in a body, in order of first appearance; "\[@…]" is text, not a citation. */
export function citedNotes(body: string): string[] {
  const ids: string[] = [];
  for (const [, inside] of body.matchAll(/(?<!\\)\[(@[^\]]+)\]/g)) {
    for (const part of inside!.split(';')) {
      const id = part.trim().replace(/^@/, '');
      if (!ids.includes(id)) ids.push(id);
    }
  }
  return ids;
}

/** Citations written side by side ("[@a] [@b]", or "[@a; @b]") make one marker on the page. */
export function citationMarkers(body: string): number {
  let markers = 0;
  let lastEnd = -1;
  for (const match of body.matchAll(/(?<!\\)\[@[^\]]+\]/g)) {
    if (lastEnd < 0 || body.slice(lastEnd, match.index).trim() !== '') markers += 1;
    lastEnd = match.index + match[0].length;
  }
  return markers;
}

/** Whether an essay's front matter marks it a draft, which the build leaves out. */
export function isDraftFile(file: string): boolean {
  return split(file).data['draft'] === 'true';
}

/** The essays (drafts left out, as the build leaves them out) and notes of a content folder. */
export function readContent(contentDir: string): { essays: ContentEssay[]; notes: ContentNote[] } {
  const essays = files(join(contentDir, 'essays')).filter((file) => !isDraftFile(file)).map((file) => {
    const { data, body } = split(file);
    return {
      slug: basename(file, '.mdx'),
      title: String(data['title']),
      standfirst: String(data['standfirst']),
      published: String(data['published']),
      ...(data['updated'] ? { updated: String(data['updated']) } : {}),
      notes: citedNotes(body),
      claims: [...body.matchAll(/<Claim id="([^"]+)">/g)].map((m) => m[1]!),
      markers: citationMarkers(body),
      claimParagraphs: body.split(/\n\s*\n/).filter((block) => block.includes('<Claim id=')).length,
      headings: [...body.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim()),
      claimGroups: claimGroups(body),
      claimTexts: claimTexts(body),
      searchText: [data['title'], data['standfirst'], withoutCitations(body)].join('\n'),
    };
  });
  const notes = files(join(contentDir, 'notes')).map((file) => {
    const { data, body } = split(file);
    const papers = (data['papers'] as Record<string, string>[]).map((p) => ({ title: p['title']!, firstAuthor: p['firstAuthor']!, year: Number(p['year']), arxiv: p['arxiv']! }));
    const themes = ((data['themes'] as string[] | undefined) ?? []).map(String);
    return {
      slug: basename(file, '.mdx'),
      title: String(data['title']),
      themes,
      papers,
      claims: [...body.matchAll(/<Claim id="([^"]+)">/g)].map((m) => m[1]!),
      claimTexts: claimTexts(body),
      searchText: [data['title'], withoutCitations(body), ...papers.map((p) => p.title), ...themes].join('\n'),
    };
  });
  return { essays, notes };
}

/**
 * The address a claim's "Copy link" copies, relative to the site's root: its
 * latest recorded wording's page (c/<id>/<n>/) once content/claims.json holds
 * revisions for it, else its share page (c/<id>/). Read from the registry
 * file, so the tests follow the content as it is republished.
 */
export function claimCopyPath(contentDir: string, id: string): string {
  const registry = JSON.parse(readFileSync(join(contentDir, 'claims.json'), 'utf8')) as Record<string, { revisions?: unknown[] }>;
  const count = registry[id]?.revisions?.length ?? 0;
  return count > 0 ? `c/${id}/${count}/` : `c/${id}/`;
}
