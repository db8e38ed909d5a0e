/**
 * Renders an essay's or note's body to HTML in the content layer, once, so
 * that the data store keeps the HTML (`rendered: { html, metadata }`, as
 * Astro's glob loader does for Markdown) and no page needs a compiled module
 * per entry. Left to Astro, every MDX file became a Vite module that the
 * bundler compiled and bundled again in every build: most of a rebuild's time
 * and the peak of its memory. Our MDX is Markdown with one component,
 * <Claim>, which the remark plugins turn into plain elements, so nothing in
 * it needs JavaScript at render time.
 *
 * The pipeline is MDX's own (`@mdx-js/mdx`: remark-parse, remark-mdx and its
 * unravelling) with the plugins Astro's MDX integration adds around the
 * site's (smart punctuation, code meta strings, rehype-raw, heading ids), so
 * the site's plugins see the trees they always saw; the hast they leave is
 * then written out as Astro's JSX runtime writes an MDX component
 * (`astroJsxHtml`), byte for byte. A body that holds anything this cannot
 * write (an image Astro would optimise, a component or expression left in
 * the tree) is not rendered here: the loader leaves it to Astro
 * (`rendered` is undefined).
 *
 * What the plugins recorded (src/markdown/derived.ts) travels as Astro's
 * `remarkPluginFrontmatter` does: `metadata.frontmatter.derived`.
 */
import { relative, sep } from 'node:path';
import { createProcessor, nodeTypes } from '@mdx-js/mdx';
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import { find, html as htmlSchema } from 'property-information';
import rehypeRaw from 'rehype-raw';
import styleToJs from 'style-to-js';
import type { PluggableList } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { formatMdxError } from './mdx-error-hint.ts';
import remarkSmartPunctuation from '../plugins/remark-smart-punctuation.ts';

export interface RenderedContent {
  html: string;
  metadata: {
    headings: { depth: number; slug: string; text: string }[];
    /** What Astro hands the page as `remarkPluginFrontmatter`: here, only the plugins' `derived` record. */
    frontmatter: Record<string, unknown>;
  };
}

export interface ContentPipeline {
  remarkPlugins: PluggableList;
  rehypePlugins: PluggableList;
  remarkRehype?: Record<string, unknown> | undefined;
  /** As Astro's MDX integration resolves them from the processor and the markdown config. */
  gfm: boolean;
  smartypants: boolean | Record<string, unknown>;
  /** Astro's own plugins that the MDX integration adds after the site's (@astrojs/markdown-remark exports them). */
  remarkCollectImages: PluggableList[number];
  rehypeHeadingIds: PluggableList[number];
  remarkGfm?: PluggableList[number] | undefined;
  /** Project root: MDX syntax errors name the file relative to it. */
  root: string;
}

export interface ContentRenderer {
  /**
   * Renders the body of one `.mdx` file. `source` is the whole file; `body` what follows the front matter, with the front matter
   * blanked to spaces (so lines and columns are the file's). Undefined: the body needs Astro's own MDX rendering.
   */
  render(body: string, path: string): Promise<RenderedContent | undefined>;
}

/** Astro's MDX integration runs this before the site's rehype plugins: a code block's meta string becomes a property. */
function rehypeMetaString() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      const meta = (node.data as { meta?: string } | undefined)?.meta;
      if (node.tagName === 'code' && meta) node.properties['metastring'] = meta;
    });
  };
}

const CAPTURED = Symbol('captured hast');

export function createContentRenderer(pipeline: ContentPipeline): ContentRenderer {
  // The last rehype plugin takes the finished tree and leaves MDX an empty one, so the JavaScript it would write is next to nothing.
  const capture = () => (tree: Root, file: VFile) => {
    file.data[CAPTURED as never] = { type: 'root', children: tree.children } as never;
    tree.children = [];
  };
  const smartypants = pipeline.smartypants === false ? [] : [[remarkSmartPunctuation, typeof pipeline.smartypants === 'object' ? pipeline.smartypants : {}]];
  const processor = createProcessor({
    format: 'mdx',
    remarkPlugins: [
      ...(pipeline.gfm && pipeline.remarkGfm ? [pipeline.remarkGfm] : []),
      ...smartypants,
      ...pipeline.remarkPlugins,
      pipeline.remarkCollectImages,
    ] as PluggableList,
    rehypePlugins: [
      rehypeMetaString,
      [rehypeRaw, { passThrough: nodeTypes }],
      ...pipeline.rehypePlugins,
      pipeline.rehypeHeadingIds,
      capture,
    ] as PluggableList,
    ...(pipeline.remarkRehype ? { remarkRehypeOptions: pipeline.remarkRehype } : {}),
    jsxImportSource: 'astro',
    elementAttributeNameCase: 'html',
  });

  return {
    async render(body, path) {
      const file = new VFile({ value: body, path, data: { astro: { frontmatter: {} } } });
      try {
        await processor.process(file);
      } catch (error) {
        throw mdxSyntaxError(error, pipeline.root, path);
      }
      const astro = file.data['astro'] as { frontmatter: Record<string, unknown>; headings?: RenderedContent['metadata']['headings']; localImagePaths?: string[]; remoteImagePaths?: string[] };
      // Images go through Astro's image pipeline: only its own MDX rendering does that.
      if ((astro.localImagePaths?.length ?? 0) > 0 || (astro.remoteImagePaths?.length ?? 0) > 0) return undefined;
      const tree = file.data[CAPTURED as never] as unknown as Root;
      const html = astroJsxHtml(tree);
      if (html === undefined) return undefined;
      // The page read the record through the compiled module's JSON export: the same JSON here.
      const frontmatter = JSON.parse(JSON.stringify({ derived: astro.frontmatter['derived'] })) as Record<string, unknown>;
      return { html, metadata: { headings: astro.headings ?? [], frontmatter } };
    },
  };
}

/** MDX's parse errors (an unclosed <Claim>, a stray "{") get the file, line and column and a fix; the site's plugins' errors pass as they are. */
function mdxSyntaxError(error: unknown, root: string, path: string): unknown {
  const e = error as Error & { problems?: unknown; line?: number; column?: number; reason?: string; source?: string };
  if (e.problems !== undefined || e.line === undefined || typeof e.source !== 'string' || !/^micromark|^mdast-util-mdx|^remark-mdx/.test(e.source)) return error;
  const file = relative(root, path).split(sep).join('/');
  const wrapped = Object.assign(new Error(formatMdxError(file, e.line, e.column, e.reason ?? e.message)), { loc: { file: path, line: e.line, column: e.column } });
  wrapped.name = 'MDXError';
  return wrapped;
}

// Astro's JSX runtime (astro/dist/runtime/server/jsx.js, render/util.js), which renders an MDX component: what it escapes and how.
const VOID = /^(area|base|br|col|command|embed|hr|img|input|keygen|link|meta|param|source|track|wbr)$/i;
const BOOLEAN = /^(?:allowfullscreen|async|autofocus|autoplay|checked|controls|default|defer|disabled|disablepictureinpicture|disableremoteplayback|formnovalidate|inert|loop|muted|nomodule|novalidate|open|playsinline|readonly|required|reversed|scoped|seamless|selected|itemscope)$/i;
const TABLE = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr']);
const INVALID_NAME = /[\s"'>/=]/;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };
const escapeText = (value: string) => value.replace(/[&<>'"]/g, (c) => ENTITIES[c]!);
const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
const kebab = (key: string) => (key.toLowerCase() === key ? key : key.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`));

class Unwritable extends Error {}

/**
 * The HTML Astro writes for the MDX component of this hast tree: MDX makes
 * JSX of it (hast-util-to-estree: property names as HTML attributes, lists
 * joined, whitespace around the root and line breaks inside tables
 * dropped, table cells' `align` as a style), and Astro's runtime renders that JSX (text escaped with &<>'",
 * attribute values with & and ", an empty value as a bare name, void
 * elements as `<br/>`). Undefined if the tree holds a node that would be a
 * component or an expression.
 */
export function astroJsxHtml(tree: Root): string | undefined {
  try {
    const children = [...tree.children];
    const blank = (n: RootContent | undefined) => n?.type === 'text' && /^[ \t\n\f\r]*$/.test(n.value);
    while (blank(children[0])) children.shift();
    while (blank(children.at(-1))) children.pop();
    return children.map(nodeHtml).join('');
  } catch (error) {
    if (error instanceof Unwritable) return undefined;
    throw error;
  }
}

function nodeHtml(node: RootContent | ElementContent): string {
  switch (node.type) {
    case 'text':
      return escapeText(node.value);
    case 'comment':
      return '';
    case 'element':
      return elementHtml(node);
    default:
      throw new Unwritable(node.type);
  }
}

function elementHtml(element: Element): string {
  const { tagName } = element;
  // Another schema (SVG's) names attributes differently: left to Astro.
  if (tagName.toLowerCase() === 'svg') throw new Unwritable(tagName);
  // MDX leaves out empty text, and the line breaks between a table's rows and cells.
  const table = TABLE.has(tagName.toLowerCase());
  const children = element.children.filter((c) => !(c.type === 'text' && (c.value === '' || (table && c.value === '\n'))));
  const attributes = attributesHtml(tagName, element.properties);
  if (children.length === 0 && VOID.test(tagName)) return `<${tagName}${attributes}/>`;
  return `<${tagName}${attributes}>${children.map(nodeHtml).join('')}</${tagName}>`;
}

function attributesHtml(tagName: string, properties: Properties): string {
  let out = '';
  let style: Record<string, string> | undefined;
  let align: string | undefined;
  for (const [property, raw] of Object.entries(properties)) {
    const info = find(htmlSchema, property);
    let value: unknown = raw;
    if (value === null || value === undefined || value === false || (typeof value === 'number' && Number.isNaN(value)) || (!value && info.boolean)) continue;
    const name = info.attribute;
    if (Array.isArray(value)) value = value.join(info.commaSeparated ? ', ' : ' ');
    if (name === 'style') {
      style = typeof value === 'object' ? (value as Record<string, string>) : styleToJs(String(value), { reactCompat: true });
      out += styleAttribute(style);
      continue;
    }
    if ((tagName === 'td' || tagName === 'th') && name === 'align') {
      align = String(value);
      continue;
    }
    out += attribute(name, value === true ? true : String(value));
  }
  if (align !== undefined) {
    if (style) throw new Unwritable('align with style');
    out += styleAttribute({ textAlign: align });
  }
  return out;
}

function styleAttribute(style: Record<string, string>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(style)) {
    if (!((typeof value === 'string' && value.trim()) || typeof value === 'number')) continue;
    parts.push(key[0] !== '-' && key[1] !== '-' ? `${kebab(key)}:${value}` : `${key}:${value}`);
  }
  return ` style="${escapeAttribute(parts.join(';'))}"`;
}

/** Astro's addAttribute for a JSX prop: true is a bare name for HTML's boolean attributes, "true" for the others. */
function attribute(name: string, value: string | true): string {
  if (INVALID_NAME.test(name)) return '';
  if (name === 'set:html' || name === 'set:text' || name === 'class:list' || name === 'className') throw new Unwritable(name);
  if (BOOLEAN.test(name) || ((name === 'popover' || name === 'hidden' || name === 'download') && value === true)) return value ? ` ${name}` : '';
  if (value === '') return ` ${name}`;
  return ` ${name}="${escapeAttribute(String(value))}"`;
}
