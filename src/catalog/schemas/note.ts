import { z } from 'astro/zod';
import { paperSchema } from './paper.ts';
import { questionSchema } from './question.ts';

/**
 * A note: one question about one paper (or, for a synthesis, a few), answered
 * by a summary. The summary is the note's body, so that it is written like any
 * Markdown and can hold claims; it must not be empty.
 */
export const noteSchema = z
  .strictObject({
    /** The note's question, which is its title. */
    title: questionSchema,
    /** One to six tags from the site's vocabulary of themes, lowercase, such as "exploration". Used by search filters. */
    themes: z
      .array(z.string().regex(/^[a-z][a-z0-9]*(?:[ -][a-z0-9]+)*$/, 'expected a lowercase theme such as "parameter sparsity"').max(32))
      .min(1)
      .max(6),
    /** The paper(s) the note summarises: one, unless `synthesis` is true. */
    papers: z.array(paperSchema).min(1).max(12),
    /** True when the note draws on several papers instead of summarising one. Default: false. */
    synthesis: z.boolean().default(false),
  })
  .refine((n) => n.synthesis || n.papers.length === 1, {
    path: ['papers'],
    message: 'A note that is not a synthesis summarises exactly one paper; set synthesis: true to list several',
  });

export const noteFieldHints = {
  title: 'title: the note\'s question, ending in "?", at most 200 characters, such as "Does RL training collapse format diversity in pretrained models?".',
  themes: 'themes: a list of one to six lowercase tags, such as [exploration, curriculum].',
  papers: 'papers: a list of papers, each with title, firstAuthor, year (a number) and arxiv (quoted, such as "2504.07912").',
  synthesis: 'synthesis: true when the note draws on several papers; leave it out otherwise.',
} as const;

export type NoteData = z.infer<typeof noteSchema>;
