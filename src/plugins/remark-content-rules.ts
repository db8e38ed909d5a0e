/**
 * remark-content-rules: content here is Markdown plus one component, <Claim>.
 * MDX would also accept imports, `{expressions}`, any other component and raw
 * HTML such as <script>, and either run them or fail at render time with an
 * error that points at compiled code. This plugin stops the build at the
 * author's line instead, saying what to write. A brace meant as text is
 * written `\{`.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { throwIfProblems, type Problem } from '../catalog/problems.ts';
import { sourceLocator } from '../markdown/source-location.ts';

export interface RemarkContentRulesOptions {
  /** Project root: messages name files relative to it. */
  root: string;
  /** Components authors may use. Default: ["Claim"]. */
  components?: readonly string[];
}

export default function remarkContentRules(options: RemarkContentRulesOptions) {
  const components = options.components ?? ['Claim'];
  const allowed = components.map((c) => `<${c}>`).join(', ');
  return (tree: Root, file: VFile) => {
    const locate = sourceLocator(file, options.root);
    const problems: Problem[] = [];
    visit(tree, (node) => {
      const where = () => locate.at(node.position?.start.line ?? 1, node.position?.start.column ?? 1);
      switch (node.type) {
        case 'mdxjsEsm':
          problems.push({ location: where(), message: 'The file has an import or export statement.', hint: `Content needs none: the components it can use (${allowed}) are always available. Remove the line.` });
          break;
        case 'mdxFlowExpression':
        case 'mdxTextExpression':
          problems.push({ location: where(), message: `The text has an MDX expression {${node.value.slice(0, 40)}}.`, hint: 'Curly braces run code in MDX. For a literal brace, write \\{ instead.' });
          break;
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement':
          if (node.name && components.includes(node.name)) break;
          problems.push({
            location: where(),
            message: node.name === null ? 'The text has an empty tag <>.' : /^[a-z]/.test(node.name)
              ? `The text has the HTML tag <${node.name}>, which content may not use.`
              : `The text uses the component <${node.name}>, which does not exist.`,
            hint: `Write formatting in Markdown (*emphasis*, [links](https://…)); the only components are ${allowed}. For a literal "<", write \\<.`,
          });
          break;
        case 'html': {
          // In a .md file a component is HTML: Markdown has no components.
          const component = components.find((c) => new RegExp(`^</?${c}\\b`).test(node.value));
          // Its closing tag needs no second message.
          if (component && node.value.startsWith('</') && /\.md$/i.test(file.path)) break;
          problems.push(component && /\.md$/i.test(file.path)
            ? { location: where(), message: `The text has <${component}>, which only .mdx files can use: in a .md file it is raw HTML.`, hint: `Rename ${locate.file} to end in .mdx (its URL stays the same).` }
            : { location: where(), message: 'The text has raw HTML.', hint: 'Write it in Markdown instead.' });
          break;
        }
      }
    });
    throwIfProblems(`${locate.file} uses something content may not.`, problems);
  };
}
