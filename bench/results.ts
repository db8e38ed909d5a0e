import type { BuildResult } from './measure-build.ts';
import type { DevResult } from './measure-dev.ts';
import type { LighthouseScores } from './measure-lighthouse.ts';
import type { SearchResult } from './measure-search.ts';
import type { SiteName } from './sites.ts';
import type { Weight } from './weight.ts';

/** What one bench run writes to bench/results/latest.json. */

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  /** 1-minute load average when the run started and ended: a busy machine makes the figures noisy. */
  loadStart: number;
  loadEnd: number;
}

export interface PageWeightSummary {
  url: string;
  requests: number;
  weight: Weight;
}

export type PageName = 'essay' | 'note' | 'search';

export interface LighthouseEntry {
  site: SiteName;
  page: PageName;
  url: string;
  scores: LighthouseScores | null;
  failing?: Record<string, string[]>;
  /** Why there are no scores, such as a page the site does not have. */
  reason?: string;
}

export interface SizeResult {
  size: number;
  /** The essay and note measured. */
  essay: string;
  note: string;
  /** Source files (notes + essays) in the corpus. */
  documents: number;
  build?: BuildResult;
  weight?: Partial<Record<SiteName, { essay: PageWeightSummary; note: PageWeightSummary }>>;
  search?: Partial<Record<SiteName, SearchResult>>;
  /** This site's dev server: cold start, first page, and (at N = 1,000) a note edit becoming visible. */
  dev?: DevResult;
}

export interface BenchResults {
  version: 1;
  startedAt: string;
  finishedAt: string;
  /** The parts run and sizes used. */
  parts: Part[];
  sizes: number[];
  buildRuns: number;
  queries: string[];
  machine: Machine;
  versions: Record<string, string>;
  results: SizeResult[];
  lighthouse?: { size: number; pages: LighthouseEntry[] };
}

export const PARTS = ['build', 'weight', 'search', 'lighthouse', 'dev'] as const;
export type Part = (typeof PARTS)[number];
