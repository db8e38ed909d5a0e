/**
 * How the site writes a paper: "Zhao et al., 2025", with its arXiv link. The
 * papers all have several authors, and the content names only the first.
 */
export interface PaperLike {
  title: string;
  firstAuthor: string;
  year: number;
  arxiv: string;
}

/** The first author's family name: the last word of the name. */
export function familyName(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  return words.at(-1) ?? fullName;
}

/** "Zhao et al., 2025" */
export function shortCitation(paper: PaperLike): string {
  return `${familyName(paper.firstAuthor)} et al., ${paper.year}`;
}

/** "Rosie Zhao et al." */
export function authorLine(paper: PaperLike): string {
  return `${paper.firstAuthor} et al.`;
}

export function arxivUrl(paper: PaperLike): string {
  return `https://arxiv.org/abs/${paper.arxiv}`;
}
