import { fileURLToPath } from 'node:url';

/**
 * The project's folder. Astro's own `root` can point elsewhere (a fixture
 * build keeps its generated files apart), but code, content defaults and the
 * paths in error messages are always relative to the project.
 */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
