import { defineCollection } from 'astro:content';
import { checkedGlob, type ContentFolders } from './loaders/checked-glob.ts';
import { ESSAY_SLUG, NOTE_SLUG } from './lib/slugs.ts';
import { essayFieldHints, essaySchema } from './schemas/essay.ts';
import { noteFieldHints, noteSchema } from './schemas/note.ts';

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
};
