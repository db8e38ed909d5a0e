import { z } from 'astro/zod';

/** A paper a note summarises or draws on, as given by the paper itself. */
export const paperSchema = z.strictObject({
  /** The paper's title, as printed on it. */
  title: z.string().trim().min(1).max(400),
  /** The paper's first author, full name. The site writes "et al." after it: the papers have more authors. */
  firstAuthor: z.string().trim().min(1).max(120),
  /** Year of the version cited. */
  year: z.number().int().min(1900).max(2100),
  /** arXiv identifier without the "arXiv:" prefix, such as "2504.07912". Quote it, or YAML reads a number. */
  arxiv: z.string().regex(/^\d{4}\.\d{4,5}(v\d+)?$/, 'expected an arXiv id such as "2504.07912"'),
});

export type Paper = z.infer<typeof paperSchema>;
