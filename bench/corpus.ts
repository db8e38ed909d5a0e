import { seededRandom, type Random } from './random.ts';
import {
  agree, ADJECTIVES, BENCHMARKS, FIRST_NAMES, LAST_NAMES, METHODS, MODELS, OUTCOMES, SCALES, THEMES, VERBS_DOWN, VERBS_UP,
  type Term,
} from './vocabulary.ts';

/**
 * The bench's synthetic corpus: N notes in the style of the real ones (a
 * question as the title, themes, a paper, a summary of about 150 words) and
 * one essay for every 25 notes (five paragraphs, twelve claims that cite
 * them). Pure: the same seed and size give the same corpus, byte for byte.
 */

export interface Paper {
  title: string;
  firstAuthor: string;
  year: number;
  arxiv: string;
}

export interface Note {
  slug: string;
  title: string;
  themes: string[];
  papers: Paper[];
  synthesis: boolean;
  /** The summary, one paragraph. */
  body: string;
  /** What the note is about, for the essays that cite it (not written to the file). */
  topic: { method: Term; outcome: Term };
}

export interface Claim {
  id: string;
  /** The sentence without its citation. */
  text: string;
  /** Slugs of the notes it cites, at its end. */
  cites: string[];
}

export interface Paragraph {
  /** A sentence before the claims, not itself a claim (or ''). */
  lead: string;
  claims: Claim[];
}

export interface Essay {
  slug: string;
  title: string;
  standfirst: string;
  /** YYYY-MM-DD */
  published: string;
  paragraphs: Paragraph[];
}

export interface Corpus {
  notes: Note[];
  essays: Essay[];
}

export const NOTES_PER_ESSAY = 25;
export const CLAIMS_PER_PARAGRAPH = [3, 3, 2, 2, 2] as const;
export const NOTE_WORDS = { min: 140, max: 175 } as const;
export const DEFAULT_SEED = 20261129;

export function generateCorpus(size: number, seed = DEFAULT_SEED): Corpus {
  if (!Number.isInteger(size) || size < 1) throw new Error(`A corpus needs at least one note, not ${size}.`);
  const random = seededRandom(seed);
  const slugs = uniqueIds(60);
  const notes = Array.from({ length: size }, () => makeNote(random, slugs));
  const claimIds = uniqueIds(40);
  const essaySlugs = uniqueIds(60);
  const essays: Essay[] = [];
  for (let start = 0; start < notes.length; start += NOTES_PER_ESSAY) {
    essays.push(makeEssay(random, notes.slice(start, start + NOTES_PER_ESSAY), essays.length, essaySlugs, claimIds));
  }
  return { notes, essays };
}

/** Number of words, as a reader counts them. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

// ---------------------------------------------------------------- notes

interface Topic {
  method: Term;
  outcome: Term;
  model: string;
  benchmark: string;
}

function makeNote(random: Random, slugs: UniqueIds): Note {
  const topic: Topic = { method: random.pick(METHODS), outcome: random.pick(OUTCOMES), model: random.pick(MODELS), benchmark: random.pick(BENCHMARKS) };
  const title = random.pick(NOTE_TITLES)(topic);
  const synthesis = random.chance(1 / 12);
  const papers = Array.from({ length: synthesis ? random.int(2, 3) : 1 }, () => makePaper(random, topic));
  return {
    slug: slugs.claim(`${topic.method.slug}-${topic.outcome.slug}`),
    title,
    themes: random.sample(THEMES, random.int(1, 3)),
    papers,
    synthesis,
    body: summary(random, topic),
    topic: { method: topic.method, outcome: topic.outcome },
  };
}

type Template = (t: Topic) => string;

const does = (t: Term) => agree(t, 'does');

const NOTE_TITLES: Template[] = [
  (t) => `${capital(does(t.method))} ${t.method.text} improve ${t.outcome.text} in ${t.model} models?`,
  (t) => `Why ${does(t.method)} ${t.method.text} hurt ${t.outcome.text} for small models?`,
  (t) => `How ${does(t.method)} ${t.method.text} change ${t.outcome.text} over long training runs?`,
  (t) => `Can ${t.method.text} be trusted to preserve ${t.outcome.text}?`,
  (t) => `What ${does(t.method)} ${t.method.text} actually change about ${t.outcome.text}?`,
  (t) => `${capital(agree(t.outcome, 'is'))} ${t.outcome.text} limited by the pretraining prior under ${t.method.text}?`,
  (t) => `Does the effect of ${t.method.text} on ${t.outcome.text} grow with model size?`,
];

function summary(random: Random, topic: Topic): string {
  const sentences: string[] = [];
  let words = 0;
  // The first sentence states the finding, as the real summaries do; the rest come in any order.
  const [first, ...rest] = SUMMARY_SENTENCES;
  const pool = [first!, ...random.sample(rest, rest.length)];
  for (const make of pool) {
    const sentence = make(topic, random);
    const count = countWords(sentence);
    if (words + count > NOTE_WORDS.max) continue;
    sentences.push(sentence);
    words += count;
    if (words >= NOTE_WORDS.min) break;
  }
  return sentences.join(' ');
}

type SentenceTemplate = (t: Topic, r: Random) => string;

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const SUMMARY_SENTENCES: SentenceTemplate[] = [
  (t, r) => `Controlled experiments on ${t.benchmark} show that ${t.method.text} ${agree(t.method, r.pick(VERBS_UP))} ${t.outcome.text} by ${r.int(3, 29)}% for ${t.model} at ${r.pick(SCALES)}, while ${r.pick(MODELS.filter((m) => m !== t.model))} shows no measurable change.`,
  (_t, r) => `The effect appears within the first ${r.int(20, 400)} training steps and then plateaus, which suggests it is ${r.pick(ADJECTIVES)} rather than cumulative.`,
  (t) => `Ablations that remove ${t.method.text} but keep the same compute budget lose most of the gain, so the change cannot be explained by longer training alone.`,
  (t, r) => `At the same time, ${t.method.text} ${agree(t.method, r.pick(VERBS_DOWN))} ${r.pick(OUTCOMES).text}, and the authors measure a ${r.int(2, 18)} point drop on held-out ${r.pick(BENCHMARKS)} problems.`,
  (t) => `The authors argue that the pretraining prior decides which behaviours optimisation can surface, and that ${t.method.text} mostly reweights strategies the base model already had.`,
  (_t, r) => `Sampling ${r.pick(['64', '128', '256', '1024'])} answers per problem narrows the gap with the base model, so the gain is largely one of sampling efficiency, not of new capability.`,
  (t) => `${capital(t.outcome.text)} ${agree(t.outcome, 'is')} measured both with exact-match grading and with a learned verifier, and the two disagree on roughly one problem in ten.`,
  (_t, r) => `Runs with ${r.int(2, 8)} random seeds update a structurally similar set of parameters, with overlap above ${r.int(60, 95)}%, which points to a consistent mechanism.`,
  () => `The paper releases its training code and checkpoints, which makes the result one of the easier ones in this area to reproduce.`,
  (_t, r) => `A caveat: every experiment uses ${r.pick(['verifiable maths problems', 'competition code', 'short-answer science questions', 'synthetic puzzles'])}, so it is unclear whether the finding carries over to open-ended tasks.`,
  (t, r) => `Entropy of the policy falls by ${r.int(10, 70)}% over training, and runs that keep it higher with ${r.pick(METHODS).text} end with better ${t.outcome.text}.`,
  (_t, r) => `Compared with ${r.pick(METHODS).text}, the method needs about ${r.int(2, 6)} times fewer rollouts to reach the same reward.`,
];

function makePaper(random: Random, topic: Topic): Paper {
  const year = random.int(2023, 2026);
  const month = String(random.int(1, 12)).padStart(2, '0');
  const number = String(random.int(1, 99999)).padStart(5, '0');
  return {
    title: random.pick(PAPER_TITLES)(topic),
    firstAuthor: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
    year,
    arxiv: `${String(year).slice(2)}${month}.${number}`,
  };
}

/** "reward model ensembles" → "Reward Model Ensembles", as paper titles are written. */
const titleCase = (text: string) => text.replace(/(^|[\s-])([a-z])([a-z]{2,})/g, (_m, lead: string, first: string, rest: string) => `${lead}${first.toUpperCase()}${rest}`);

const PAPER_TITLES: Template[] = [
  (t) => `Rethinking ${titleCase(t.method.text)} for ${titleCase(t.outcome.text)}`,
  (t) => `What ${titleCase(t.method.text)} Really Does to ${titleCase(t.outcome.text)}`,
  (t) => `${titleCase(t.method.text)} at Scale: Evidence from ${t.benchmark}`,
  (t) => `On the Limits of ${titleCase(t.method.text)} in Reasoning Models`,
  (t) => `Beyond ${titleCase(t.outcome.text)}: A Study of ${titleCase(t.method.text)}`,
];

// ---------------------------------------------------------------- essays

function makeEssay(random: Random, notes: readonly Note[], index: number, slugs: UniqueIds, claimIds: UniqueIds): Essay {
  const method = random.pick(METHODS);
  const outcome = random.pick(OUTCOMES);
  const claimCount = CLAIMS_PER_PARAGRAPH.reduce((a, b) => a + b, 0);
  // Every note of the essay is cited: note i goes to claim i mod 12.
  const cites: string[][] = Array.from({ length: claimCount }, () => []);
  notes.forEach((note, i) => cites[i % claimCount]!.push(note.slug));
  // A claim left without a note (fewer than 12 notes) cites one at random.
  for (const list of cites) if (list.length === 0) list.push(random.pick(notes).slug);
  let next = 0;
  const leads = random.sample(ESSAY_LEADS, ESSAY_LEADS.length);
  const paragraphs = CLAIMS_PER_PARAGRAPH.map((count, i) => ({
    lead: random.chance(0.6) ? leads[i % leads.length]!(method, outcome) : '',
    claims: Array.from({ length: count }, () => {
      const cited = cites[next++]!;
      const note = notes.find((n) => n.slug === cited[0])!;
      const words = note.slug.split('-').slice(0, 3).join('-');
      const text = random.pick(CLAIM_SENTENCES)(note, random);
      return { id: claimIds.claim(words), text, cites: cited };
    }),
  }));
  const title = random.pick(ESSAY_TITLES)(method, outcome);
  const day = new Date(Date.UTC(2026, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
  return {
    slug: slugs.claim(`${method.slug}-and-${outcome.slug}`),
    title,
    standfirst: `This essay asks what the notes say about ${method.text} and ${outcome.text}: where the evidence agrees, where it rests on a single paper, and what it does not yet show. The short answer is that the effects are real but narrower than the headlines suggest.`,
    published: day,
    paragraphs,
  };
}

const ESSAY_TITLES: ((m: Term, o: Term) => string)[] = [
  (m, o) => `How does ${m.text} shape ${o.text} in reasoning models?`,
  (m, o) => `${capital(does(m))} ${m.text} really improve ${o.text}?`,
  (m, o) => `What do we know about ${m.text} and ${o.text}?`,
  (m, o) => `When ${does(m)} ${m.text} help ${o.text}, and when ${does(m)} ${m.plural ? 'they' : 'it'} hurt?`,
];

const ESSAY_LEADS: ((m: Term, o: Term) => string)[] = [
  (m, o) => `The question is whether ${m.text} ${agree(m, 'changes')} ${o.text} or only how often the model finds what it already knew.`,
  () => `Several notes point the same way, though none isolates the variable cleanly.`,
  (m) => `The picture changes once ${m.text} runs for longer than a few hundred steps.`,
  () => `There is a second thread in the corpus worth following.`,
  (_m, o) => `It helps to separate what is measured from what is claimed about ${o.text}.`,
];

const CLAIM_SENTENCES: ((n: Note, r: Random) => string)[] = [
  (n, r) => `${capital(n.topic.method.text)} ${agree(n.topic.method, r.pick(VERBS_UP))} ${n.topic.outcome.text} in the first few hundred steps, and the effect holds across seeds`,
  (n, r) => `The evidence that ${n.topic.method.text} ${agree(n.topic.method, r.pick(VERBS_DOWN))} ${n.topic.outcome.text} is ${r.pick(ADJECTIVES)}, and it depends on model scale more than on the method`,
  (n) => `Most of what ${n.topic.method.text} ${does(n.topic.method)} to ${n.topic.outcome.text} comes from reweighting what the base model already does`,
  (n, r) => `Work on ${n.themes[0]} suggests that ${((m) => `${m.text} ${agree(m, 'matters')}`)(r.pick(METHODS))} less for ${n.topic.outcome.text} than the order in which tasks are seen`,
  (n) => `The strongest result on ${n.topic.method.text} comes from ${n.papers[0]!.firstAuthor} and colleagues, who track ${n.topic.outcome.text} over the whole run`,
  (n, r) => `Runs that push ${n.topic.method.text} harder end up ${r.pick(['sharper', 'narrower', 'less stable', 'more verbose'])} in ${n.topic.outcome.text}, not better at reasoning`,
];

// ---------------------------------------------------------------- ids

interface UniqueIds {
  /** A unique id made from `base`. */
  claim(base: string): string;
}

/** Hands out slugs that are unique and at most `maxLength` long, adding -2, -3… on collision. */
function uniqueIds(maxLength: number): UniqueIds {
  const used = new Set<string>();
  return {
    claim(base) {
      for (let n = 1; ; n++) {
        const suffix = n === 1 ? '' : `-${n}`;
        const stem = base.slice(0, maxLength - suffix.length).replace(/-+$/, '');
        const id = `${stem}${suffix}`;
        if (!used.has(id)) {
          used.add(id);
          return id;
        }
      }
    },
  };
}

// ---------------------------------------------------------------- files

/** The note as this site's MDX file. */
export function noteMdx(note: Note): string {
  const papers = note.papers
    .map((p) => `  - title: ${JSON.stringify(p.title)}\n    firstAuthor: ${p.firstAuthor}\n    year: ${p.year}\n    arxiv: "${p.arxiv}"\n`)
    .join('');
  return `---\ntitle: ${JSON.stringify(note.title)}\nthemes: [${note.themes.join(', ')}]\npapers:\n${papers}${note.synthesis ? 'synthesis: true\n' : ''}---\n\n${note.body}\n`;
}

/** The essay as this site's MDX file, with claims and citations. */
export function essayMdx(essay: Essay): string {
  const paragraphs = essay.paragraphs.map((p) => {
    const claims = p.claims.map((c) => `<Claim id="${c.id}">${c.text} [${c.cites.map((s) => `@${s}`).join('; ')}].</Claim>`);
    return [p.lead, ...claims].filter(Boolean).join(' ');
  });
  return `---\ntitle: ${JSON.stringify(essay.title)}\nstandfirst: ${JSON.stringify(essay.standfirst)}\npublished: ${essay.published}\n---\n\n${paragraphs.join('\n\n')}\n`;
}
