/**
 * "Cite this": a work as CSL-JSON, BibTeX and an APA-style reference, made at
 * build time by Citation.js (the CSL processor behind many reference tools),
 * so that escaping, BibTeX's braces and APA's ordering are the library's
 * well-tested work rather than string templates. Nothing of it ships to the
 * browser: pages carry the finished text.
 */
import { createHash } from 'node:crypto';
import { Cite, plugins, type CSL } from '@citation-js/core';
import core from '@citation-js/core/package.json' with { type: 'json' };
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import csl from '@citation-js/plugin-csl/package.json' with { type: 'json' };
import citeproc from 'citeproc/package.json' with { type: 'json' };
import type { CitableWork } from '../site/citable-work.ts';
import { nameParts, type Contributor } from '../catalog/site-config.ts';
import { SITE_LANGUAGE } from '../site/identity.ts';

export interface CitationFormats {
  /** APA 7th edition, plain text. */
  apa: string;
  bibtex: string;
  /** One CSL-JSON item in an array, as reference managers import it. */
  cslJson: string;
  /** The BibTeX key, also the CSL-JSON item's id. */
  key: string;
}

/** "prolonged_rl_training_2026": letters, digits and underscores, which every BibTeX tool accepts. */
export function citationKey(work: Pick<CitableWork, 'kind' | 'id' | 'published' | 'revision'>): string {
  const slug = work.id.replace(/[^A-Za-z0-9]+/g, '_');
  const prefix = work.kind === 'claim' ? 'claim_' : '';
  const revision = work.revision ? `_v${work.revision.number}` : '';
  return `${prefix}${slug}${revision}${work.published ? `_${work.published.getUTCFullYear()}` : ''}`;
}

function dateParts(date: Date): { 'date-parts': [[number, number, number]] } {
  return { 'date-parts': [[date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]] };
}

/**
 * The work as one CSL item. An essay or note is a web page whose website is
 * the site; a claim is an entry in its essay (CSL's "entry": a part of a
 * larger work, cited with its own link). A team is named whole (CSL's
 * `literal`), a person by family and given names.
 */
export function cslItem(work: CitableWork): CSL {
  const key = citationKey(work);
  const item: CSL = {
    id: key,
    'citation-key': key,
    type: work.kind === 'claim' ? 'entry' : 'webpage',
    title: work.title,
    'container-title': work.kind === 'claim' && work.partOf ? work.partOf.title : work.publisher,
    publisher: work.publisher,
    URL: work.url,
    language: SITE_LANGUAGE,
  };
  if (work.authors.length > 0) item.author = work.authors.map(cslName);
  if (work.editors && work.editors.length > 0) item.editor = work.editors.map(cslName);
  if (work.published) item.issued = dateParts(work.published);
  // BibTeX's @misc has no field for the work a part belongs to; a note keeps
  // the claim's essay in the BibTeX entry too.
  if (work.kind === 'claim' && work.partOf) item.note = `A claim in the ${work.partOf.kind} “${work.partOf.title}”`;
  // A recorded wording of a claim: dated the day it was published, and saying which revision it is.
  if (work.revision) item.note = `Revision ${work.revision.number}${work.partOf ? ` of a claim in the ${work.partOf.kind} “${work.partOf.title}”` : ' of a claim'}; latest wording at ${work.revision.of}`;
  return item;
}

function cslName(person: Contributor): { literal: string } | { family: string; given: string } {
  const { given, family } = nameParts(person);
  return given ? { family, given } : { literal: family };
}

type Formatter = (name: string, options?: Record<string, unknown>) => unknown;

/**
 * APA as Citation.js ships it, less its disambiguation: every work of the site
 * has the same authors, and in one batch the CSL processor would tell them
 * apart as "2026a", "2026b"… Each reference is cited alone, so it reads as it
 * would alone. Its other two ways (more names, given names) change nothing in
 * a reference read alone, but the processor tried them across each batch: they
 * took 55% of its time (2.8 ms a work in batches of 64, 1.3 ms without).
 * Less the bibliography's sort, too: each reference is looked up by its id,
 * so the order of the list is never used, and sorting a thousand works took
 * the processor a third of its time.
 */
const APA_ALONE = 'apa-alone';
const cslConfig = plugins.config.get('@csl') as {
  styles: { get(name: string): string; has(name: string): boolean; add(name: string, xml: string): void };
  /** The CSL engine of a style and language, as citation-js keeps it for the next call. */
  engine(data: CSL[], style: string, lang: string, format: string): object;
};
if (!cslConfig.styles.has(APA_ALONE)) cslConfig.styles.add(APA_ALONE, apaAlone(cslConfig.styles.get('apa')));

/** APA_ALONE's style from citation-js's APA (exported for its test). */
export function apaAlone(apa: string): string {
  const bibliography = apa.indexOf('<bibliography');
  const unsorted = apa.slice(bibliography).replace(/<sort>[\s\S]*?<\/sort>/, '');
  const style = apa.slice(0, bibliography).replace(/(disambiguate-add-(?:year-suffix|names|givenname))="true"/g, '$1="false"') + unsorted;
  if (/disambiguate-add-[a-z-]+="true"/.test(style) || unsorted.includes('<sort>')) throw new Error('citation-js\'s APA style has changed: src/formats/citation-formats.ts can no longer turn off its disambiguation and its bibliography\'s sort.');
  return style;
}

/**
 * The item APA is given: without its publisher, which APA would print a
 * second time after the website's name (the container title), or put in the
 * author's place on a work without authors.
 */
function apaItem(item: CSL): CSL {
  const { publisher: _publisher, ...withoutPublisher } = item;
  return item.type === 'webpage' ? withoutPublisher : item;
}

/**
 * APA references for many works, in their order, from one run of the CSL
 * processor: a run per page cost 8 ms a page, a few seconds for a thousand notes.
 */
export function apaReferences(works: readonly CitableWork[]): string[] {
  return formatApa(apaItems(works));
}

/** The works' items as APA is given them, with ids for finding each one's reference in the list. */
function apaItems(works: readonly CitableWork[]): CSL[] {
  return works.map((work, i) => ({ ...apaItem(cslItem(work)), id: `work-${i}` }));
}

/** References made in earlier builds: each work's, by a hash of what APA is given for it, and the engine they were made by. */
export interface KeptReferences {
  engine: string;
  references: Record<string, string>;
}

/** What formats APA here: the versions of citation-js and of the CSL processor under it, and the style's own text. */
const APA_ENGINE = `citation-js ${core.version}, plugin-csl ${csl.version}, citeproc ${citeproc.version}, ${APA_ALONE} ${createHash('sha256').update(cslConfig.styles.get(APA_ALONE)).digest('hex').slice(0, 12)}`;

/** Formats CSL items as APA references, in their order: `formatApa` here, or the same in a worker thread (src/integrations/apa-references/). */
export type ApaFormatter = (items: CSL[]) => Promise<string[]>;

/** The references of a batch of works (keptApaReferences). */
export interface ApaBatch {
  /** Each work's reference, in the works' order, each as soon as its chunk is formatted. */
  references: Promise<string>[];
  /** Every reference, and what to keep for the next build, once all are made. */
  done: Promise<{ references: string[]; kept: KeptReferences }>;
  /** How many works are formatted now (the others' references were kept). */
  made: number;
}

/**
 * apaReferences, reusing each work's reference from `kept` when it was made
 * for exactly that work by the same engine: the CSL processor takes about
 * 2 ms a work, seconds for a thousand notes, and a rebuild after one note's
 * title changes would make them all again. Each reference reads as it would
 * alone (no "2026a", see APA_ALONE), so a work's reference does not depend on
 * the others. The ones missing are formatted in chunks, in the works' order,
 * so that a page can have its reference before the whole batch is done.
 */
export function keptApaReferences(works: readonly CitableWork[], kept: KeptReferences | undefined, format: ApaFormatter = async (items) => formatApa(items), chunk = 64): ApaBatch {
  const items = apaItems(works);
  const keys = items.map(({ id: _id, ...item }) => createHash('sha256').update(JSON.stringify(item)).digest('hex').slice(0, 32));
  const known = kept?.engine === APA_ENGINE ? kept.references : {};
  const missing = items.filter((_, i) => known[keys[i]!] === undefined);
  const made = new Map<string, Promise<string>>();
  for (let start = 0; start < missing.length; start += chunk) {
    const part = missing.slice(start, start + chunk);
    const formatted = format(part);
    part.forEach((item, i) => made.set(String(item.id), formatted.then((texts) => texts[i] ?? '')));
  }
  const references = items.map((item, i) => {
    const reference = known[keys[i]!];
    return reference !== undefined ? Promise.resolve(reference) : made.get(String(item.id))!;
  });
  const done = Promise.all(references).then((texts) => ({
    references: texts,
    kept: { engine: APA_ENGINE, references: Object.fromEntries(keys.map((key, i) => [key, texts[i]!])) },
  }));
  return { references, done, made: missing.length };
}

/** The APA references of CSL items, in their order, from one run of the CSL processor. */
export function formatApa(items: CSL[]): string[] {
  if (items.length === 0) return [];
  const cite = new Cite(items);
  const entries = (cite.format.bind(cite) as Formatter)('bibliography', { format: 'text', template: APA_ALONE, lang: 'en-US', asEntryArray: true }) as [string, string][];
  const byId = new Map(entries.map(([id, text]) => [id, withoutDanglingRetrieved(text.trim())]));
  return items.map((item) => byId.get(String(item.id)) ?? '');
}

/**
 * Lets go of the APA engine. citation-js keeps the CSL engine of each style for
 * its next call, and APA's compiled style holds about 90 MB of heap, which a
 * build would carry through every page it renders after its one batch. The
 * engine is emptied and stops being a `CSL.Engine`, so that citation-js makes
 * a new one (a second or more) if another batch comes: it checks with `instanceof`.
 */
export function releaseApaEngine(): void {
  const engine = cslConfig.engine([], APA_ALONE, 'en-US', 'text') as Record<string, unknown>;
  for (const key of Object.keys(engine)) delete engine[key];
  Object.setPrototypeOf(engine, null);
}

/** All three formats of a work; pass its APA reference when it was made in a batch (apaReferences). */
export function citationFormats(work: CitableWork, apa?: string): CitationFormats {
  const item = cslItem(work);
  const cite = new Cite([item]);
  return {
    key: String(item.id),
    apa: apa ?? apaReferences([work])[0]!,
    bibtex: String((cite.format.bind(cite) as Formatter)('bibtex', { format: 'text' })).trim(),
    cslJson: JSON.stringify([item], null, 2),
  };
}

/**
 * APA asks for a retrieval date on an undated page, and the APA style writes
 * "Retrieved" before the URL even when there is none to give. The site gives
 * none (a build date is not when a reader retrieved it), so the word goes.
 */
function withoutDanglingRetrieved(apa: string): string {
  return apa.replace(/ Retrieved (?=https?:\/\/\S+$)/, ' ');
}
