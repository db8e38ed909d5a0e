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

/** User and system CPU time of one process, all its threads, in clock ticks (undefined once it has ended). */
export function cpuTicks(pid: number): number | undefined {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  // The fields after the command name (which may hold spaces, in parentheses): utime and stime are the 14th and 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? ticks : undefined;
}

/** Clock ticks a second (USER_HZ): 100 on Linux. */
const TICKS_PER_SECOND = 100;

export interface MemorySampler {
  /** Stops sampling and returns the peak in bytes. */
  stop(): number;
  /**
   * CPU seconds the tree used, summed over every process seen (each one's last sample): on a shared machine
   * a steadier measure of the work done than wall time. A process that ends between samples loses its last 50 ms.
   */
  cpuSeconds(): number;
}

/** Samples the tree under `pid` every `intervalMs` until stopped. */
export function sampleTreeMemory(pid: number, intervalMs = 50): MemorySampler {
  let peak = 0;
  const cpu = new Map<number, number>();
  const sample = () => {
    let total = 0;
    for (const p of processTree(pid)) {
      total += rssBytes(p);
      const ticks = cpuTicks(p);
      if (ticks !== undefined) cpu.set(p, ticks);
    }
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
    cpuSeconds: () => [...cpu.values()].reduce((sum, t) => sum + t, 0) / TICKS_PER_SECOND,
  };
}
