import { defineCollection } from 'astro:content';
import { indexedCollection } from './catalog/loaders/indexed.ts';
import { CONTENT_FOLDERS } from './catalog/collections.ts';

/**
 * The essays and notes, as the content index read and validated them
 * (src/catalog/content-index.ts). The schemas give the entries their types;
 * the index has already applied them. The claim registry is part of the index
 * too (src/site/corpus.ts reads it there).
 */
export const collections = {
  essays: defineCollection({ loader: indexedCollection('essays'), schema: CONTENT_FOLDERS.essays.schema }),
  notes: defineCollection({ loader: indexedCollection('notes'), schema: CONTENT_FOLDERS.notes.schema }),
};
