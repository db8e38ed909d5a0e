import { findCitations, groupAdjacent } from '../src/markdown/citation-syntax.ts';
import { splitFrontMatter } from '../src/catalog/front-matter.ts';

/**
 * Turns one of this site's MDX files into an ordinary Starlight page with the
 * same text: the title as the page title, a note's themes and paper as lines
 * above its summary, an essay's standfirst as its first paragraph. Starlight
 * has no claims, so the <Claim> tags go and their text stays; citations
 * become numbered links to the notes, with a Sources list at the end, as the
 * site shows them. Pure.
 */

export interface DocInput {
  kind: 'note' | 'essay';
  source: string;
  /** Note slug → note title, for the Sources list. */
  noteTitles: ReadonlyMap<string, string>;
  /** Where the notes live, such as "/notes/". */
  notesPath: string;
}

interface NoteData {
  title: string;
  themes?: string[];
  papers?: { title: string; firstAuthor: string; year: number; arxiv: string }[];
}

interface EssayData {
  title: string;
  standfirst?: string;
  published?: string | Date;
}

export function starlightDoc(input: DocInput): string {
  const split = splitFrontMatter(input.source);
  if (!split.data || typeof split.data !== 'object') throw new Error('The file has no front matter.');
  const { text, sources } = convertBody(split.body, input);
  const sourceList = sources.length
    ? `\n\n## Sources\n\n${sources.map((slug, i) => `${i + 1}. [${escapeText(input.noteTitles.get(slug) ?? slug)}](${input.notesPath}${slug}/)`).join('\n')}`
    : '';
  if (input.kind === 'note') {
    const data = split.data as NoteData;
    const lines = [
      data.themes?.length ? `**Themes:** ${data.themes.join(', ')}` : '',
      ...(data.papers ?? []).map((p) => `**Paper:** ${escapeText(p.firstAuthor)} et al. (${p.year}). *${escapeText(p.title)}*. [arXiv:${p.arxiv}](https://arxiv.org/abs/${p.arxiv})`),
    ].filter(Boolean);
    return `${frontMatter({ title: data.title })}\n${lines.join('\n\n')}\n\n${text}${sourceList}\n`;
  }
  const data = split.data as EssayData;
  const standfirst = data.standfirst ? `${escapeText(data.standfirst)}\n\n` : '';
  return `${frontMatter({ title: data.title, ...(data.standfirst ? { description: data.standfirst } : {}) })}\n${standfirst}${text}${sourceList}\n`;
}

/** The body with claims unwrapped and citations as numbered links; `sources` in order of first citation. */
function convertBody(body: string, input: DocInput): { text: string; sources: string[] } {
  const unwrapped = body.replace(/<Claim\s+id="[^"]*"\s*>/g, '').replace(/<\/Claim>/g, '');
  const sources: string[] = [];
  const numberOf = (slug: string) => {
    let index = sources.indexOf(slug);
    if (index < 0) index = sources.push(slug) - 1;
    return index + 1;
  };
  const tokens = findCitations(unwrapped).filter((t) => !t.problem && unwrapped[t.start - 1] !== '\\');
  let text = '';
  let cursor = 0;
  for (const group of groupAdjacent(unwrapped, tokens)) {
    const links = group.flatMap((t) => t.keys).map((k) => `[${numberOf(k.id)}](${input.notesPath}${k.id}/)`);
    text += `${unwrapped.slice(cursor, group[0]!.start)}<sup>${links.join(', ')}</sup>`;
    cursor = group.at(-1)!.end;
  }
  text += unwrapped.slice(cursor);
  return { text: text.trim(), sources };
}

function frontMatter(fields: Record<string, string>): string {
  return `---\n${Object.entries(fields).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n')}\n---\n`;
}

/** Text that Markdown must not read as syntax. */
function escapeText(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1');
}
