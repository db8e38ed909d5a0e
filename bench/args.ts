import { DEFAULT_SIZES } from './config.ts';
import { PARTS, type Part } from './results.ts';

/**
 * `npm run bench -- --only=weight,build --sizes=13,1000 --runs=1`. A run of
 * every part on the default sizes with three build runs is a full run: only
 * it rewrites bench/results/latest.* and bench/README.md, unless --save is given.
 * Pure.
 */

export interface BenchOptions {
  parts: Part[];
  sizes: number[];
  runs: number;
  /** Queries to run, at most the bench's list. */
  queries: number;
  save: boolean;
  full: boolean;
}

export const DEFAULT_RUNS = 3;
export const MIN_QUERIES = 20;

export function parseArgs(argv: readonly string[]): BenchOptions {
  const values = new Map<string, string>();
  let save = false;
  for (const arg of argv) {
    if (arg === '--save') {
      save = true;
      continue;
    }
    const match = /^--(only|sizes|runs|queries)=(.+)$/.exec(arg);
    if (!match) throw new Error(`Unknown argument "${arg}". Use --only=${PARTS.join(',')} --sizes=13,1000,5000 --runs=3 --queries=24 --save.`);
    values.set(match[1]!, match[2]!);
  }
  const list = (key: string) => values.get(key)?.split(',').map((s) => s.trim()).filter(Boolean);
  const parts = list('only') ?? [...PARTS];
  for (const part of parts) {
    if (!(PARTS as readonly string[]).includes(part)) throw new Error(`Unknown part "${part}"; the parts are ${PARTS.join(', ')}.`);
  }
  const sizes = (list('sizes') ?? DEFAULT_SIZES.map(String)).map((s) => {
    const n = Number(s.replace(/[_,]/g, ''));
    if (!Number.isInteger(n) || n < 1) throw new Error(`A size is a whole number of notes, not "${s}".`);
    return n;
  });
  const number = (key: string, fallback: number, min: number) => {
    const raw = values.get(key);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${key} takes a whole number of at least ${min}, not "${raw}".`);
    return n;
  };
  const runs = number('runs', DEFAULT_RUNS, 1);
  const queries = number('queries', Number.POSITIVE_INFINITY, 1);
  const uniqueSizes = [...new Set(sizes)].sort((a, b) => a - b);
  const full = PARTS.every((p) => parts.includes(p)) && DEFAULT_SIZES.every((s) => uniqueSizes.includes(s)) && runs >= DEFAULT_RUNS && queries >= MIN_QUERIES;
  return { parts: PARTS.filter((p) => parts.includes(p)), sizes: uniqueSizes, runs, queries, save: save || full, full };
}
