import { readdirSync, readFileSync } from 'node:fs';

/**
 * Memory of a process and everything it started (Astro's workers, Pagefind's
 * binary), read from /proc on Linux. The peak is the largest sum of resident
 * set sizes seen across the tree at one sample.
 */

const PAGE_SIZE = 4096;

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function tasksOf(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
}

/** The pid and its descendants that are alive now. */
export function processTree(pid: number): number[] {
  const all: number[] = [];
  const queue = [pid];
  while (queue.length > 0 && all.length < 10_000) {
    const current = queue.shift()!;
    all.push(current);
    for (const task of tasksOf(current)) {
      const children = read(`/proc/${current}/task/${task}/children`);
      if (children) queue.push(...children.trim().split(/\s+/).filter(Boolean).map(Number));
    }
  }
  return all;
}

/** Resident set size of one process in bytes (0 once it has ended). */
export function rssBytes(pid: number): number {
  const statm = read(`/proc/${pid}/statm`);
  const pages = statm ? Number(statm.split(' ')[1]) : 0;
  return Number.isFinite(pages) ? pages * PAGE_SIZE : 0;
}

export interface MemorySampler {
  /** Stops sampling and returns the peak in bytes. */
  stop(): number;
}

/** Samples the tree under `pid` every `intervalMs` until stopped. */
export function sampleTreeMemory(pid: number, intervalMs = 50): MemorySampler {
  let peak = 0;
  const sample = () => {
    const total = processTree(pid).reduce((sum, p) => sum + rssBytes(p), 0);
    if (total > peak) peak = total;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      sample();
      clearInterval(timer);
      return peak;
    },
  };
}
