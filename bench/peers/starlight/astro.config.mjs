// @ts-check
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';

// Starlight in its default configuration: only the required title. The bench
// builds each corpus from this folder with the corpus's own source, cache and
// output folders (bench/work/n<N>/starlight/), so sizes never share a cache.
const work = process.env.STARLIGHT_WORK;
export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  ...(work ? { srcDir: `${work}/src`, cacheDir: `${work}/cache`, outDir: `${work}/dist` } : {}),
  integrations: [starlight({ title: 'Research Explainers' })],
});
