/**
 * `node bench/profile-build.ts [size] [clean|rebuild] [ours|starlight]`: one
 * build of this site (or of the Starlight peer) on the bench's corpus
 * (bench/work/n<size>/, made by an earlier bench run), with a timeline: every
 * half second (PROFILE_MS sets another interval), the resident memory and CPU use of the
 * build's processes and threads, beside the lines the build printed. It shows
 * where a build waits and where its memory peaks, which the bench's totals do
 * not: each line splits the memory by process (the build's own, with its worker
 * threads, then each program it started, such as Pagefind's). Not part of
 * `npm run bench`. With PROFILE_SMAPS=<file>, the build's own process's memory
 * map at the peak (/proc/<pid>/smaps) is written there: it tells V8's pages
 * from the allocators' regions.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpuTicks, processTree, rssBytes } from './process-tree.ts';
import { oursSite, starlightSite } from './sites.ts';
import { workspaceDir } from './workspace.ts';
import { join } from 'node:path';

const size = Number(process.argv[2] ?? 1000);
const kind = process.argv[3] ?? 'clean';
const dir = workspaceDir(size);
if (!existsSync(join(dir, 'content'))) throw new Error(`No corpus in ${dir}: run "npm run bench -- --only=build --sizes=${size} --runs=1" first.`);
const workspace = { size, dir, contentDir: join(dir, 'content'), starlightRoot: join(dir, 'starlight'), essay: '', note: '', pages: 0 };
const site = process.argv[4] === 'starlight' ? starlightSite(workspace) : oursSite(workspace);
if (kind === 'clean') site.clean();

const interval = Number(process.env.PROFILE_MS ?? 500);
const started = performance.now();
const at = () => ((performance.now() - started) / 1000).toFixed(1).padStart(6);
let pid: number | undefined;
let lastTicks = 0;
let peak = 0;
const timer = setInterval(() => {
  if (pid === undefined) return;
  const tree = processTree(pid);
  const sizes = tree.map(rssBytes);
  const rss = sizes.reduce((sum, size) => sum + size, 0);
  const ticks = tree.reduce((sum, p) => sum + (cpuTicks(p) ?? 0), 0);
  if (rss > peak && process.env.PROFILE_SMAPS) saveMemoryMap(pid, process.env.PROFILE_SMAPS);
  peak = Math.max(peak, rss);
  // CPU use over the last interval, in cores: 1.0 is one core busy.
  const cores = (ticks - lastTicks) / 100 / (interval / 1000);
  lastTicks = ticks;
  const each = tree.map((p, i) => `${commandOf(p)} ${mib(sizes[i]!)}`).join(' + ');
  console.log(`${at()} s  ${mib(rss).padStart(5)} MiB  ${cores.toFixed(2)} cores  ${each}`);
}, interval);
const result = await site.build((child) => {
  pid = child.pid;
  const print = (data: Buffer) => {
    for (const line of data.toString().split('\n')) if (line.trim() && !/^\s+(├|└)/.test(line)) console.log(`${at()} s  | ${line}`);
  };
  child.stdout?.on('data', print);
  child.stderr?.on('data', print);
});
clearInterval(timer);
console.log(`${at()} s  exit ${result.exitCode}, peak ${mib(peak)} MiB`);

function mib(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(0);
}

/** A process's name as Linux gives it ("MainThread" for the build's Node, "esbuild", "pagefind_extend"), or "?" once it has ended. */
function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '?';
  }
}

function saveMemoryMap(pid: number, file: string): void {
  try {
    writeFileSync(file, readFileSync(`/proc/${pid}/smaps`, 'utf8'));
  } catch {
    // The build has just ended.
  }
}
