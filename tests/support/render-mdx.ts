import { createProcessor } from '@mdx-js/mdx';
import type { Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { PluggableList } from 'unified';
import { VFile } from 'vfile';
import { derivedOf, type DerivedData } from '../../src/markdown/derived.ts';

/**
 * Runs remark (and rehype) plugins the way Astro's MDX pipeline does (MDX
 * parsing, with its unravelling of tag-only paragraphs) and returns the HTML
 * they lead to and the derived data they record, so a plugin is tested on a
 * small string.
 */
export async function renderMdx(
  source: string,
  remarkPlugins: PluggableList,
  path = '/project/content/essays/test.mdx',
  rehypePlugins: PluggableList = [],
): Promise<{ html: string; derived: DerivedData }> {
  let html = '';
  const capture = () => (tree: HastRoot) => {
    html = toHtml(tree);
  };
  const processor = createProcessor({ remarkPlugins, rehypePlugins: [...rehypePlugins, capture] });
  const file = new VFile({ path, value: source });
  await processor.process(file);
  return { html, derived: derivedOf(file) };
}

/** The message of the error `run` throws, or a failure if it does not. */
export async function errorOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('Expected an error, but none was thrown.');
}
