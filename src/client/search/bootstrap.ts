import { isSearchShortcut } from './shortcut.ts';

/**
 * The only search code a reading page runs before the reader searches (a few
 * hundred bytes): it turns the header's field into a combobox, answers the
 * shortcuts ("/", Ctrl+K, Cmd+K), and on the reader's first focus or keystroke
 * in the field imports the search module, which then loads Pagefind. A page
 * opened from a search result (with ?highlight=) loads the highlighter.
 */

const form = document.querySelector<HTMLFormElement>('form[data-header-search]');
const input = form?.querySelector<HTMLInputElement>('input[name="q"]');

if (form && input) {
  // The combobox roles only make sense once the script that drives them can run.
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', 'site-search-listbox');
  // The submit button is for readers without script; with it, Enter does the same.
  const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (submit) submit.hidden = true;
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    import('./header-search.ts').then((m) => m.enhanceHeaderSearch(form), (error: unknown) => {
      started = false;
      console.error('The search module could not load.', error);
    });
  };
  input.addEventListener('focus', start);
  input.addEventListener('input', start);
}

document.addEventListener('keydown', (event) => {
  if (!isSearchShortcut(event, isTypingIn(event.target))) return;
  // The search page's own field, where there is one; else the header's.
  const target = document.querySelector<HTMLInputElement>('[data-search-shortcut="page"]') ?? document.querySelector<HTMLInputElement>('[data-search-shortcut]');
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.select();
});

function isTypingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

const { searchBundle, searchHighlight } = document.documentElement.dataset;
if (searchBundle && searchHighlight && new URLSearchParams(window.location.search).has(searchHighlight)) {
  void import('./highlight.ts').then((m) => m.highlightSearchedWords(searchBundle));
}
