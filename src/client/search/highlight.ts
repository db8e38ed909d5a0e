import { HIGHLIGHT_PARAM } from '../../site/search-options.ts';

/**
 * Marks the searched words on a page opened from a search result, with
 * Pagefind's own highlighter (pagefind-highlight.js, which wraps mark.js): the
 * result's URL carries them as ?highlight=word&highlight=word. Only the
 * content (data-pagefind-body) is marked, never what the index left out. Its
 * own style sheet stays off (the site's CSP allows no inline styles);
 * global.css styles mark.search-highlight.
 */
interface PagefindHighlightOptions {
  highlightParam: string;
  addStyles: boolean;
  markOptions: { className: string };
}

export async function highlightSearchedWords(bundle: string): Promise<void> {
  const url = `${bundle}pagefind-highlight.js`;
  try {
    const module = (await import(/* @vite-ignore */ url)) as { default: new (options: PagefindHighlightOptions) => unknown };
    new module.default({ highlightParam: HIGHLIGHT_PARAM, addStyles: false, markOptions: { className: 'search-highlight' } });
  } catch (error) {
    console.error(`The searched words could not be highlighted: ${url} did not load.`, error);
  }
}
