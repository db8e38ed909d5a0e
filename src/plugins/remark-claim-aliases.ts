/**
 * remark-claim-aliases: a published claim id that moved to a claim on the
 * same page keeps working with no script. The registry (content/claims.json)
 * says which old ids of this document moved, perhaps in several steps, to a
 * claim here; an empty element carrying each old id is put at the start of
 * that claim, so the browser scrolls there, and CSS highlights the claim. Runs
 * after remark-claims, whose claim elements it finds.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { aliasesFor, type Registry } from '../catalog/claim-registry.ts';
import type { ClaimAliasNode } from '../markdown/mdast-nodes.ts';

export interface RemarkClaimAliasesOptions {
  /** The registry of published claim ids (the content index's). */
  registry: () => Registry;
  /** The document a file is ("essays/<slug>"), as the registry names it. */
  docOf: (path: string) => string | undefined;
}

export default function remarkClaimAliases(options: RemarkClaimAliasesOptions) {
  return (tree: Root, file: VFile) => {
    const registry = options.registry();
    const doc = options.docOf(file.path);
    if (!doc || registry.size === 0) return;
    const ids = new Set<string>();
    visit(tree, 'claim', (node) => void ids.add(node.data.claimId));
    const aliases = aliasesFor(doc, ids, registry);
    if (aliases.size === 0) return;
    visit(tree, 'claim', (node) => {
      const anchors: ClaimAliasNode[] = (aliases.get(node.data.claimId) ?? []).map((id) => ({
        type: 'claimAlias',
        children: [],
        data: { hName: 'span', hProperties: { id, className: ['claim-alias'] }, hChildren: [] },
      }));
      node.children.unshift(...anchors);
    });
  };
}
