import { z } from 'astro/zod';
import { questionSchema } from './question.ts';

const dateSchema = z.coerce.date({ error: 'expected a date written as YYYY-MM-DD' });

/** An essay: the answer to one research question, whose claims cite notes. */
export const essaySchema = z
  .strictObject({
    /** The question the essay answers, which is its title. */
    title: questionSchema,
    /** One paragraph under the title that frames the answer. Plain text. */
    standfirst: z.string().trim().min(1).max(1200),
    /** Date first published, as YYYY-MM-DD. */
    published: dateSchema,
    /** Date of the last substantive revision, as YYYY-MM-DD. Optional. */
    updated: dateSchema.optional(),
    /**
     * Section headings in reading order, for an essay whose body is divided by "##"
     * headings. Optional; when given, the build checks the body against it, so a
     * section (and the links people shared to it) cannot vanish unnoticed.
     */
    sections: z.array(z.string().trim().min(1)).optional(),
    /**
     * A draft: shown by `npm run dev`, left out of `npm run build` (no page, no
     * feed, sitemap or search entry), and its claims left out of the registry
     * by `npm run claims:publish`, so their ids stay free to change. Default false.
     */
    draft: z.boolean().optional(),
    /**
     * Who wrote the essay, when not the site's authors (site.config.ts): each a
     * name, or { name, orcid }. Its notes and claims are credited to them too. Optional.
     */
    authors: z
      .array(z.union([z.string().trim().min(1).transform((name) => ({ name })), z.strictObject({ name: z.string().trim().min(1), orcid: z.string().regex(/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/).optional() })]))
      .min(1)
      .optional(),
  })
  .refine((e) => !e.updated || e.updated >= e.published, {
    path: ['updated'],
    message: 'The updated date is before the published date',
  });

export const essayFieldHints = {
  title: 'title: the question the essay answers, ending in "?", at most 200 characters.',
  standfirst: 'standfirst: one paragraph of plain text that frames the answer.',
  published: 'published: the date first published, as YYYY-MM-DD, such as 2026-11-29.',
  updated: 'updated: the date of the last revision, as YYYY-MM-DD, not before published.',
  sections: 'sections: the "##" headings of the body, in order, such as ["What changes early", "What compounds"].',
  draft: 'draft: true while the essay is a draft (shown by npm run dev only), false or left out to publish it.',
  authors: 'authors: a list of names, such as [Ada Lovelace], or of { name, orcid }, such as [{ name: Ada Lovelace, orcid: 0000-0002-1825-0097 }].',
} as const;

export type EssayData = z.infer<typeof essaySchema>;
