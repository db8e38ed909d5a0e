import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { formatFieldPath, splitFrontMatter, type SplitFile } from './front-matter.ts';
import type { Problem } from './problems.ts';
import { slugFromPath, slugProblem, suggestSlug, type SlugRules } from './slugs.ts';
import { closestIds, didYouMean } from './suggest.ts';

/**
 * Reads a content folder the way the site sees it and reports every problem an
 * author can make in it at once: a file name that is not a slug, two files with
 * the same slug (in different folders), missing or malformed front matter, a
 * field that does not match the schema, an empty body. This is the one place
 * the front matter is validated (the collections store what it parsed, see
 * src/catalog/content-index.ts): Astro's own check would report one entry at a
 * time at line 0:0; this reports the line of the field and what to write instead.
 */

export interface ContentFile {
  /** The slug: the file name without folders or extension. */
  id: string;
  /** Path relative to the project root, with forward slashes. */
  file: string;
  split: SplitFile;
}

/** The part of a Zod schema this check needs. */
export interface SchemaLike {
  safeParse(data: unknown):
    | { success: true; data?: unknown }
    | { success: false; error: { issues: ReadonlyArray<SchemaIssue> } };
}

export interface SchemaIssue {
  path: ReadonlyArray<PropertyKey>;
  message: string;
  code?: string;
  keys?: readonly string[];
}

export interface CollectionRules {
  /** What one entry is called in messages: "note", "essay". */
  label: string;
  slug: SlugRules;
  schema: SchemaLike;
  /** One line per front-matter field: what it holds, with an example. Also the list of known fields. */
  fieldHints: Readonly<Record<string, string>>;
  /** When set, the body must hold text; the value says what the body is for. */
  bodyRequired?: string;
}

const CONTENT_FILE = /\.mdx?$/i;

/** Every .md and .mdx file under `dir`, in a stable order. */
export function listContentFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return names
    .filter((name) => CONTENT_FILE.test(name))
    .map((name) => join(dir, name))
    .sort();
}

export function toProjectPath(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

export function readContentFiles(dir: string, root: string): ContentFile[] {
  return listContentFiles(dir).map((path) => ({
    id: slugFromPath(path),
    file: toProjectPath(root, path),
    split: splitFrontMatter(readFileSync(path, 'utf8')),
  }));
}

export function checkCollection(files: readonly ContentFile[], rules: CollectionRules): Problem[] {
  return validateCollection(files, rules).problems;
}

/** A content folder checked once: each file's front matter as the schema parsed it (where it passed), and every problem. */
export interface ValidatedCollection {
  /** By project path: the schema's output (dates as Date objects, defaults filled in). */
  data: Map<string, unknown>;
  problems: Problem[];
}

export function validateCollection(files: readonly ContentFile[], rules: CollectionRules): ValidatedCollection {
  const data = new Map<string, unknown>();
  const problems = slugProblems(files, rules);
  for (const f of files) {
    const checked = fileProblems(f, rules);
    problems.push(...checked.problems);
    if (checked.data !== undefined) data.set(f.file, checked.data);
  }
  return { data, problems };
}

function slugProblems(files: readonly ContentFile[], rules: CollectionRules): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map<string, ContentFile[]>();
  for (const f of files) {
    const broken = slugProblem(f.id, rules.slug);
    if (broken) {
      const better = suggestSlug(f.id, rules.slug.maxLength);
      problems.push({
        location: { file: f.file },
        message: `The file name gives the ${rules.label} the slug "${f.id}", which becomes its URL. ${broken}`,
        hint: better ? `Rename the file to "${better}.mdx".` : 'Rename the file to a few lowercase words joined by hyphens.',
      });
    }
    byId.set(f.id, [...(byId.get(f.id) ?? []), f]);
  }
  for (const [id, same] of byId) {
    if (same.length < 2) continue;
    const [first, ...rest] = same;
    for (const other of rest) {
      problems.push({
        location: { file: other.file },
        message: `Two ${rules.label}s have the slug "${id}": ${first!.file} and ${other.file}.`,
        hint: `A slug is the ${rules.label}'s URL, so it must be unique across folders: rename one of the two files.`,
      });
    }
  }
  return problems;
}

function fileProblems(f: ContentFile, rules: CollectionRules): { problems: Problem[]; data?: unknown } {
  const { split } = f;
  const example = Object.keys(rules.fieldHints).join(', ');
  if (!split.hasFrontMatter) {
    return { problems: [{
      location: { file: f.file, line: 1 },
      message: `The ${rules.label} has no front matter.`,
      hint: `Start the file with a block between two "---" lines that sets ${example}.`,
    }] };
  }
  if (split.yamlErrors.length > 0) {
    return { problems: split.yamlErrors.map((e) => ({
      location: { file: f.file, line: e.line },
      message: `The front matter is not valid YAML: ${e.message}`,
      hint: 'Quote values that contain a colon, such as title: "Echo Chamber: RL Post-training".',
    })) };
  }
  const problems: Problem[] = split.curlyQuoted.map(({ path, line, column, inner }) => {
    const field = formatFieldPath(path);
    const key = [...path].reverse().find((k) => typeof k === 'string') ?? field;
    return {
      location: { file: f.file, line, column },
      message: `The front matter field "${field}" is wrapped in curly quotes (“ ”), which YAML does not read as quotes: they would become part of the value.`,
      hint: `Use straight quotes, or none: ${String(key)}: ${JSON.stringify(inner)}`,
    };
  });
  const curly = new Set(split.curlyQuoted.map(({ path }) => formatFieldPath(path)));
  const result = rules.schema.safeParse(split.data ?? {});
  if (!result.success) {
    // Zod can report one field twice (a string is also "too long" for a list): keep the first.
    // A field wrapped in curly quotes is reported as such, not as what the quotes made of it.
    const seen = new Set<string>([...curly].map((field) => `@${field}`));
    for (const issue of result.error.issues) {
      const key = `${issue.code === 'unrecognized_keys' ? issue.keys?.join() : ''}@${formatFieldPath(issue.path)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(...issueProblems(f, issue, rules));
    }
  }
  if (rules.bodyRequired && split.body.trim() === '') {
    problems.push({
      location: { file: f.file, line: split.bodyLine },
      message: `The ${rules.label} is empty: there is no text after the front matter.`,
      hint: rules.bodyRequired,
    });
  }
  return result.success && curly.size === 0 ? { problems, data: result.data } : { problems };
}

function issueProblems(f: ContentFile, issue: SchemaIssue, rules: CollectionRules): Problem[] {
  const known = Object.keys(rules.fieldHints);
  if (issue.code === 'unrecognized_keys' && issue.keys) {
    return issue.keys.map((key) => {
      const path = [...issue.path, key];
      const field = formatFieldPath(path);
      return {
        location: { file: f.file, line: f.split.lineOf(path) },
        message: `Unknown front matter field "${field}".`,
        hint: issue.path.length === 0
          ? didYouMean(closestIds(key, known, 1), `The fields a ${rules.label} takes are: ${known.join(', ')}.`)
          : 'Check the spelling of the field against docs/writing.md.',
      };
    });
  }
  const field = formatFieldPath(issue.path);
  const top = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
  const missing = /received undefined/.test(issue.message);
  const what = field === '' ? 'The front matter' : `The front matter field "${field}"`;
  return [{
    location: { file: f.file, line: f.split.lineOf(issue.path) },
    message: missing ? `${what} is missing; it is required.` : `${what} is wrong: ${lowerFirst(issue.message)}.`,
    hint: (top && rules.fieldHints[top]) || undefined,
  }];
}

function lowerFirst(s: string): string {
  const trimmed = s.replace(/\.$/, '');
  return trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
}
