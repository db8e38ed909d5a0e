import { relative, sep } from 'node:path';
import type { Text } from 'mdast';
import { location } from 'vfile-location';
import { findCitations, type CitationToken } from './citation-syntax.ts';
import type { SourceLocation } from '../catalog/problems.ts';

/**
 * Maps citations found in a text node back to their line and column in the
 * author's file. A text node's value can differ from its source (escapes,
 * smart quotes), so when it does, the source slice is searched again and
 * matched token by token; a citation written `\[@id]` is marked literal.
 */

interface FileLike {
  path: string;
  value: unknown;
}

export interface LocatedToken {
  token: CitationToken & { literal?: boolean | undefined };
  line: number;
  column: number;
}

export function sourceLocator(file: FileLike, root: string) {
  const source = String(file.value ?? '');
  const relativeFile = file.path ? relative(root, file.path).split(sep).join('/') : '<unknown file>';
  const points = location(source);
  const position = (offset: number): { line: number; column: number } => {
    const point = points.toPoint(offset);
    return { line: point?.line ?? 1, column: point?.column ?? 1 };
  };

  return {
    file: relativeFile,
    at(line: number, column: number): SourceLocation {
      return { file: relativeFile, line, column };
    },
    tokens(node: Text, tokens: readonly CitationToken[]): LocatedToken[] {
      const start = node.position?.start;
      const end = node.position?.end;
      if (start?.offset === undefined || end?.offset === undefined) {
        return tokens.map((token) => ({ token, line: start?.line ?? 1, column: start?.column ?? 1 }));
      }
      const slice = source.slice(start.offset, end.offset);
      if (slice === node.value) {
        return tokens.map((token) => ({ token, ...position(start.offset! + token.start) }));
      }
      const inSource = findCitations(slice);
      if (inSource.length !== tokens.length) {
        return tokens.map((token) => ({ token, line: start.line, column: start.column }));
      }
      return tokens.map((token, i) => {
        const match = inSource[i]!;
        const literal = slice[match.start - 1] === '\\';
        return { token: literal ? { ...token, literal } : token, ...position(start.offset! + match.start) };
      });
    },
  };
}
