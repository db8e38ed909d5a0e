import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

// Starlight's standard docs collection (its manual setup guide).
export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
};
