/**
 * One way to report an author's mistake, used by every check in the project so
 * that messages read alike: where (file:line:column), what was found, what was
 * expected, and what to do.
 */

/** A place in an author's file. `file` is relative to the project root. */
export interface SourceLocation {
  file: string;
  line?: number | undefined;
  column?: number | undefined;
}

export interface Problem {
  location: SourceLocation;
  /** What is wrong: what was found, and what was expected instead. */
  message: string;
  /** What to do about it, such as `Did you mean "format-collapse"?`. */
  hint?: string | undefined;
}

/** `content/essays/a.mdx:12:5`, or as much of it as is known. */
export function formatLocation({ file, line, column }: SourceLocation): string {
  if (line === undefined) return file;
  return column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
}

export function formatProblem(problem: Problem): string {
  const head = `${formatLocation(problem.location)}: ${problem.message}`;
  return problem.hint ? `${head}\n  ${problem.hint}` : head;
}

/**
 * An error in the content (not in the code). Carries every problem found in
 * one pass, so an author fixes them all at once instead of one per build.
 */
export class ContentError extends Error {
  readonly problems: readonly Problem[];
  /** Read by Astro's error printer and overlay. */
  readonly loc: { file: string; line?: number | undefined; column?: number | undefined } | undefined;
  /** Read by Astro's MDX plugin, which builds `loc` from them. */
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(title: string, problems: readonly Problem[]) {
    const body = problems.map(formatProblem).join('\n\n');
    super(problems.length > 1 ? `${title} (${problems.length} problems)\n\n${body}` : `${title}\n\n${body}`);
    this.name = 'ContentError';
    this.problems = problems;
    const first = problems[0];
    // Astro prints a location without a line as ":0:0"; the file's first line is at least a real place.
    this.loc = first ? { file: first.location.file, line: first.location.line ?? 1, column: first.location.column ?? 1 } : undefined;
    this.line = first?.location.line;
    this.column = first?.location.line === undefined ? undefined : (first.location.column ?? 1);
    // The stack points into the build tooling, never at the author's file: Astro
    // prints none when it is empty. Hints are in the message, one per problem.
    this.stack = '';
  }
}

/** Throws one ContentError for all the problems, if there are any. */
export function throwIfProblems(title: string, problems: readonly Problem[]): void {
  if (problems.length > 0) throw new ContentError(title, problems);
}
