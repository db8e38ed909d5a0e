import { statSync } from 'node:fs';
import { listContentFiles, readContentFiles } from './content-files.ts';

/**
 * The notes a citation can point at, read straight from the notes folder: the
 * remark plugin runs inside the Markdown compiler, before any collection is
 * queried, so it cannot ask Astro. Reading is cached until a file in the folder
 * is added, removed or changed.
 */
export interface CatalogNote {
  id: string;
  /** The note's question, when its front matter has one. */
  title: string | undefined;
  file: string;
}

export type NoteCatalog = ReadonlyMap<string, CatalogNote>;

export function createNoteCatalog(dir: string, root: string): () => NoteCatalog {
  let signature = '';
  let catalog: NoteCatalog = new Map();
  return () => {
    const files = listContentFiles(dir);
    const next = files.map((f) => `${f}:${statSync(f).mtimeMs}`).join('\n');
    if (next !== signature) {
      catalog = new Map(
        readContentFiles(dir, root).map((f) => {
          const title = (f.split.data as { title?: unknown } | undefined)?.title;
          return [f.id, { id: f.id, title: typeof title === 'string' ? title : undefined, file: f.file }];
        }),
      );
      signature = next;
    }
    return catalog;
  };
}
