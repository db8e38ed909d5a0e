import { defineCollection } from 'astro:content';
import { checkedGlob } from './loaders/checked-glob.ts';
import { essayFieldHints, essaySchema } from './schemas/essay.ts';
import { noteFieldHints, noteSchema } from './schemas/note.ts';
import { ESSAY_SLUG, NOTE_SLUG } from './lib/slugs.ts';

const essays = defineCollection({
  loader: checkedGlob('essays', {
    label: 'essay',
    slug: ESSAY_SLUG,
    schema: essaySchema,
    fieldHints: essayFieldHints,
    bodyRequired: 'Write the essay\'s paragraphs after the front matter.',
  }),
  schema: essaySchema,
});

const notes = defineCollection({
  loader: checkedGlob('notes', {
    label: 'note',
    slug: NOTE_SLUG,
    schema: noteSchema,
    fieldHints: noteFieldHints,
    bodyRequired: 'A note\'s body is its summary: write what the paper found, in a paragraph or two.',
  }),
  schema: noteSchema,
});

export const collections = { essays, notes };
