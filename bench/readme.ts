import { count } from './format.ts';
import { busyNote, machineLine, targetsMarkdown } from './report.ts';
import type { BenchResults } from './results.ts';
import type { TargetResult } from './targets.ts';

/** The results section of bench/README.md, rewritten by each full bench run between two marker comments. Pure. */

export const START = '<!-- bench:start -->';
export const END = '<!-- bench:end -->';

export function replaceBetweenMarkers(text: string, content: string): string {
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < 0 || end < start) {
    throw new Error(`bench/README.md has no "${START}" … "${END}" pair to write the bench results between.`);
  }
  return `${text.slice(0, start + START.length)}\n${content.trim()}\n${text.slice(end)}`;
}

/** What goes between the markers: when and where it ran, the targets table, the chart. */
export function readmeSection(results: BenchResults, targets: readonly TargetResult[], chartPath: string): string {
  const scope = `${results.parts.join(', ')} at N = ${results.sizes.map(count).join(', ')}`;
  const busy = busyNote(results.machine);
  const hasBuild = results.results.some((r) => r.build);
  return [
    `Last saved run (${scope}): ${machineLine(results.machine, results.finishedAt)}.${busy ? ` ${busy}` : ''} Every figure below comes from that run: [all figures](results/latest.md), [raw data](results/latest.json).`,
    targetsMarkdown(targets),
    hasBuild ? `![Build time against the number of notes, this site and Starlight](${chartPath})` : '',
  ].filter(Boolean).join('\n\n');
}
