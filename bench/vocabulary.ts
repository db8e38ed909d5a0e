/**
 * Words for the generated corpus, in the field of the real notes (RL training
 * of language models). Each term has a short slug for file names and claim
 * ids. Nothing here may hold characters MDX treats specially ({, }, <, [).
 */
export interface Term {
  text: string;
  slug: string;
  /** A plural noun ("KL penalties"), so its verbs drop their -s. */
  plural: boolean;
}

/** Terms written as `text|slug`, plural ones marked with a trailing `|plural`. */
const terms = (list: string[]): Term[] =>
  list.map((entry) => {
    const [text = '', slug = '', plural] = entry.split('|');
    return { text, slug, plural: plural === 'plural' };
  });

/** A present-tense verb agreeing with its subject: "raises" after a singular term, "raise" after a plural one. */
export function agree(term: Term, verb: string): string {
  if (!term.plural) return verb;
  const irregular: Record<string, string> = { does: 'do', Does: 'Do', is: 'are', has: 'have' };
  if (irregular[verb]) return irregular[verb];
  if (/(ss|sh|ch)es$/.test(verb)) return verb.slice(0, -2);
  return verb.replace(/s$/, '');
}

export const METHODS = terms([
  'RLVR|rlvr', 'GRPO|grpo', 'PPO|ppo', 'reward shaping|reward-shaping',
  'entropy regularisation|entropy-bonus', 'curriculum learning|curriculum',
  'process reward models|process-rewards|plural', 'outcome rewards|outcome-rewards|plural',
  'self-verification|self-verification', 'rejection sampling|rejection-sampling',
  'KL penalties|kl-penalty|plural', 'long chain-of-thought training|long-cot',
  'tool-use rollouts|tool-rollouts|plural', 'policy distillation|distillation', 'off-policy replay|replay',
  'asynchronous rollouts|async-rollouts|plural', 'length penalties|length-penalty|plural',
  'verifier feedback|verifier-feedback', 'multi-turn RL|multi-turn',
  'reward model ensembles|reward-ensembles|plural', 'spurious rewards|spurious-rewards|plural',
  'imitation warm-starts|imitation-warm-start|plural', 'difficulty filtering|difficulty-filtering',
  'token-level credit assignment|credit-assignment', 'advantage normalisation|advantage-norm',
  'self-play|self-play', 'critique fine-tuning|critique-tuning',
  'sparse parameter updates|sparse-updates|plural',
]);

export const OUTCOMES = terms([
  'reasoning depth|reasoning-depth', 'pass at large k|pass-at-k', 'calibration|calibration',
  'answer diversity|answer-diversity', 'sample efficiency|sample-efficiency',
  'out-of-domain transfer|transfer', 'format adherence|format', 'code accuracy|code-accuracy',
  'proof validity|proof-validity', 'exploration|exploration', 'entropy|entropy',
  'response length|response-length', 'reward hacking|reward-hacking', 'training stability|stability',
  'instruction following|instruction-following', 'the capability boundary|capability-boundary',
  'faithful reasoning traces|faithfulness|plural', 'throughput|throughput', 'forgetting|forgetting',
  'generalisation|generalisation',
]);

export const THEMES = [
  'exploration', 'curriculum', 'entropy', 'reward signal', 'pretraining prior', 'parameter sparsity',
  'mechanisms', 'training dynamics', 'evaluation', 'reasoning boundary', 'sampling efficiency',
  'infrastructure', 'asynchronous training', 'reward hacking', 'format diversity', 'imitation learning',
  'multi-task', 'sample difficulty', 'reasoning quality', 'tool use', 'distillation', 'calibration',
];

export const MODELS = ['Qwen2.5-Math', 'Qwen3', 'Llama 3.1', 'OLMo 2', 'DeepSeek-R1-Distill', 'Mistral', 'Phi-4', 'Gemma 2'];
export const BENCHMARKS = ['MATH-500', 'AIME 2024', 'GSM8K', 'LiveCodeBench', 'GPQA', 'Minerva', 'OlympiadBench', 'HumanEval'];
export const SCALES = ['1.5B', '3B', '7B', '8B', '14B', '32B', '70B'];

export const FIRST_NAMES = ['Rosie', 'Sagnik', 'Yang', 'Rulin', 'Wei', 'Yihe', 'Derek', 'Yue', 'Xinyu', 'Haozhe', 'Yiping', 'Soumya', 'Amara', 'Tomás', 'Ingrid', 'Kenji', 'Leila', 'Mateo', 'Priya', 'Jonas', 'Chiara', 'Nikolai', 'Aisha', 'Hyun-woo'];
export const LAST_NAMES = ['Zhao', 'Mukherjee', 'Yue', 'Shao', 'Fu', 'Deng', 'Li', 'Cheng', 'Zhu', 'Wang', 'Samineni', 'Okafor', 'Herrera', 'Lindqvist', 'Tanaka', 'Haddad', 'Rossi', 'Patel', 'Becker', 'Novak', 'Kim', 'Dubois', 'Nakamura', 'Costa'];

export const ADJECTIVES = ['consistent', 'fragile', 'early', 'delayed', 'scale-dependent', 'task-specific', 'surprisingly small', 'large', 'transient', 'lasting'];
export const VERBS_UP = ['raises', 'improves', 'sharpens', 'stabilises', 'concentrates'];
export const VERBS_DOWN = ['narrows', 'erodes', 'suppresses', 'destabilises', 'flattens'];

/**
 * Search queries for the bench, chosen from the words above so they find
 * results in every generated corpus: single words, pairs, and names.
 */
export const SEARCH_QUERIES = [
  'entropy', 'reward hacking', 'curriculum', 'calibration', 'verifier feedback', 'exploration',
  'distillation', 'format adherence', 'KL penalties', 'asynchronous', 'proof validity',
  'sample efficiency', 'rejection sampling', 'Qwen', 'Llama', 'AIME', 'sparse parameter',
  'spurious rewards', 'length penalties', 'self-verification', 'pretraining prior', 'forgetting',
  'throughput', 'credit assignment',
];
