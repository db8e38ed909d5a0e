import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { checkedGlob, type ContentFolders } from './catalog/loaders/checked-glob.ts';
import { claimRegistryLoader } from './catalog/loaders/claim-registry.ts';
import { ESSAY_SLUG, NOTE_SLUG } from './catalog/slugs.ts';
import { essayFieldHints, essaySchema } from './catalog/schemas/essay.ts';
import { noteFieldHints, noteSchema } from './catalog/schemas/note.ts';

/** Each content folder, what its entries are called in messages, and what they must hold. */
const folders: ContentFolders = {
  essays: {
    label: 'essay',
    slug: ESSAY_SLUG,
    schema: essaySchema,
    fieldHints: essayFieldHints,
    bodyRequired: 'Write the essay\'s paragraphs after the front matter.',
  },
  notes: {
    label: 'note',
    slug: NOTE_SLUG,
    schema: noteSchema,
    fieldHints: noteFieldHints,
    bodyRequired: 'A note\'s body is its summary: write what the paper found, in a paragraph or two.',
  },
};

export const collections = {
  essays: defineCollection({ loader: checkedGlob('essays', folders), schema: essaySchema }),
  notes: defineCollection({ loader: checkedGlob('notes', folders), schema: noteSchema }),
  /** content/claims.json: published claim ids, and what became of those that are gone. */
  claimRegistry: defineCollection({
    loader: claimRegistryLoader(),
    schema: z.object({
      doc: z.string(),
      moved: z.string().optional(),
      retired: z.string().optional(),
      nearest: z.string().optional(),
      line: z.number().optional(),
      file: z.string(),
    }),
  }),
};
