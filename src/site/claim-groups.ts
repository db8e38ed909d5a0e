/**
 * Groups a document's claims for the claims index: by section where the
 * document has "##" headings, otherwise by paragraph.
 */
export interface Groupable {
  block: number;
  section?: string | undefined;
}

export interface ClaimGroup<T> {
  /** "section:<id>" or "paragraph:<n>". */
  key: string;
  /** The section's heading text, or "Paragraph n" (counted from 1 among paragraphs with claims). */
  label: string;
  claims: T[];
}

export function groupClaims<T extends Groupable>(claims: readonly T[], headingText: (id: string) => string | undefined): ClaimGroup<T>[] {
  const groups: ClaimGroup<T>[] = [];
  const bySections = claims.some((c) => c.section !== undefined);
  const blocks = [...new Set(claims.map((c) => c.block))].sort((a, b) => a - b);
  for (const claim of claims) {
    const key = bySections ? `section:${claim.section ?? ''}` : `paragraph:${claim.block}`;
    let group = groups.find((g) => g.key === key);
    if (!group) {
      const label = bySections
        ? (claim.section ? headingText(claim.section) ?? claim.section : 'Opening')
        : `Paragraph ${blocks.indexOf(claim.block) + 1}`;
      group = { key, label, claims: [] };
      groups.push(group);
    }
    group.claims.push(claim);
  }
  return groups;
}
