import type { Data, Parent, PhrasingContent } from 'mdast';
// Type augmentations: MDX nodes, and hName/hProperties/hChildren on node data.
import type {} from 'mdast-util-mdx';
import type {} from 'mdast-util-to-hast';
import type { CitationUse } from './derived.ts';

/**
 * The two nodes the plugins add to the Markdown tree. Both carry `hName` and
 * `hProperties`, so remark-rehype turns them into plain HTML elements in .md
 * and .mdx alike, with no component to import.
 */

/** A citation marker: `[1]` or `[2, 3]`. */
export interface CitationNode extends Parent {
  type: 'citation';
  children: [];
  data: Data & { uses: CitationUse[] };
}

/** A claim: an element with a permanent id around a sentence or passage. */
export interface ClaimNode extends Parent {
  type: 'claim';
  children: PhrasingContent[];
  data: Data & { claimId: string };
}

declare module 'mdast' {
  interface PhrasingContentMap {
    citation: CitationNode;
    claim: ClaimNode;
  }
  interface RootContentMap {
    citation: CitationNode;
    claim: ClaimNode;
  }
}

/** The permalink control at the end of a claim. */
export interface ClaimPermalinkNode extends Parent {
  type: 'claimPermalink';
  children: [];
}

/** An old, moved claim id kept at the start of the claim that replaced it. */
export interface ClaimAliasNode extends Parent {
  type: 'claimAlias';
  children: [];
}

declare module 'mdast' {
  interface PhrasingContentMap {
    claimPermalink: ClaimPermalinkNode;
    claimAlias: ClaimAliasNode;
  }
  interface RootContentMap {
    claimPermalink: ClaimPermalinkNode;
    claimAlias: ClaimAliasNode;
  }
}
