import { existsSync, readFileSync, statSync } from 'node:fs';
import { parseRegistry, type Registry } from './claim-registry.ts';

/**
 * Reads content/claims.json, cached until the file changes. Missing file:
 * an empty registry (nothing published yet). The remark plugin reads it
 * leniently for same-page aliases; the registry loader reports its problems.
 */
export function createRegistryReader(path: string, displayPath: string): () => Registry {
  let stamp = '';
  let registry: Registry = new Map();
  return () => {
    const next = existsSync(path) ? String(statSync(path).mtimeMs) : 'missing';
    if (next !== stamp) {
      registry = next === 'missing' ? new Map() : parseRegistry(readFileSync(path, 'utf8'), displayPath).registry;
      stamp = next;
    }
    return registry;
  };
}
