/**
 * The search page's first script. Pagefind's Component UI and the page's search code (about 160 KB
 * before compression) load at once when the URL asks for a search (/search/?q=…, or a filter), and
 * otherwise on the reader's first focus or keystroke in the field, as the header's search does on
 * every other page: a visit that only reads the page, or lands on it without words, loads none of it.
 * Enter before the code is in submits the form, which opens /search/?q=… and so loads it at once.
 */

const form = document.querySelector<HTMLFormElement>('form[data-search-page]');
const input = form?.querySelector<HTMLInputElement>('input[name="q"]');

if (form && input) {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    import('./search-page.ts').catch((error: unknown) => {
      started = false;
      console.error('The search page could not load its search code.', error);
    });
  };
  // Any parameter with a value asks for a search; search-page.ts reads which. The words show in the
  // field at once (the field's name is the URL's parameter), before the code is in.
  const params = new URLSearchParams(window.location.search);
  if ([...params.values()].some((value) => value.trim() !== '')) {
    if (!input.value) input.value = (params.get(input.name) ?? '').trim();
    start();
  }
  input.addEventListener('focus', start);
  input.addEventListener('input', start);
}
