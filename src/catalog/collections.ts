import type { CollectionRules } from './content-files.ts';
import { ESSAY_SLUG, NOTE_SLUG } from './slugs.ts';
import { essayFieldHints, essaySchema } from './schemas/essay.ts';
import { noteFieldHints, noteSchema } from './schemas/note.ts';

/**
 * The content folders, what their entries are called in messages, and what
 * they must hold. The content index checks every folder with these rules, and
 * src/content.config.ts gives Astro the same schemas for the entries' types.
 */
export const CONTENT_FOLDERS = {
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
} as const satisfies Record<string, CollectionRules>;

export type ContentFolder = keyof typeof CONTENT_FOLDERS;

/** The name of a folder's loader (src/catalog/loaders/indexed.ts), by which the dev server asks Astro to run it again. */
export const loaderName = (folder: ContentFolder) => `indexed-${folder}`;
