/**
 * The child process that cuts the site's fonts (index.ts): subset-font runs
 * HarfBuzz and a WOFF2 encoder as WebAssembly, whose memory (about 100 MB for
 * these fonts) a process keeps for as long as it lives. In the build's own
 * process it stayed there to the end, a tenth of the clean build's peak at
 * N = 1,000; a worker thread gave back only part of it. This process ends once
 * the files are written. It reads the content's files for their characters
 * itself, while the build's main thread starts the content layer.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import subsetFont from 'subset-font';
import workerpool from 'workerpool';
import { fontCharacters } from '../../formats/web-fonts.ts';

/** One font to cut: its source file, the weight (one, or a range) of its variable axis to keep, and the file to write. */
export interface SubsetJob {
  source: string;
  weight: number | { min: number; max: number };
  file: string;
}

/** Cuts each font to the characters, keeping the features, and writes it; returns the files' sizes in bytes. */
async function subset(jobs: SubsetJob[], characters: string, features: string[]): Promise<number[]> {
  const sizes: number[] = [];
  for (const job of jobs) {
    const out = await subsetFont(readFileSync(job.source), characters, { targetFormat: 'woff2', variationAxes: { wght: job.weight }, keepFeatures: features });
    writeFileSync(job.file, out);
    sizes.push(out.length);
  }
  return sizes;
}

/** The characters of these content files (each read whole, front matter too, as the content index reads them). */
function contentCharacters(files: string[]): string {
  return fontCharacters(files.map((file) => readFileSync(file, 'utf8')));
}

workerpool.worker({ contentCharacters, subset });
