import type { ExcerptPart, FilterChip, ResultView } from './search-ui.ts';

/**
 * The DOM the search interface draws, shared by the header's list and the
 * search page: results, filter chips, and the "nothing found" suggestions.
 * Everything is built from text nodes (matched words in <mark>), never from
 * HTML strings, and carries no style attributes (the site's CSP forbids them).
 */

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function appendParts(parent: HTMLElement, parts: readonly ExcerptPart[]): void {
  for (const part of parts) parent.append(part.matched ? el('mark', 'search-match', part.text) : document.createTextNode(part.text));
}

/** The parts of a result inside its link or option: kind label, heading, detail line. */
function resultParts(view: ResultView): HTMLElement[] {
  const kind = el('span', `search-kind search-kind-${view.kind}`, view.kindLabel);
  const heading = el('span', 'search-result-heading');
  heading.dir = 'auto';
  appendParts(heading, view.heading);
  const detail = el('span', 'search-result-detail');
  detail.dir = 'auto';
  appendParts(detail, view.detail);
  return [kind, heading, detail];
}

/** One option of the header's listbox: a link (so it also opens in a new tab), kept out of the Tab order. */
export function resultOption(view: ResultView, id: string): HTMLAnchorElement {
  const option = el('a', 'search-result');
  option.id = id;
  option.href = view.url;
  option.tabIndex = -1;
  option.setAttribute('role', 'option');
  option.setAttribute('aria-selected', 'false');
  option.dataset['kind'] = view.kind;
  option.append(...resultParts(view));
  return option;
}

/** One result of the search page's list. */
export function resultItem(view: ResultView): HTMLLIElement {
  const item = el('li', 'search-result');
  item.dataset['kind'] = view.kind;
  const link = el('a', 'search-result-link');
  link.href = view.url;
  const [kind, heading, detail] = resultParts(view);
  link.append(heading!);
  item.append(kind!, link, detail!);
  return item;
}

/**
 * Draws the chips as toggle buttons. After a redraw, focus returns to the chip
 * the reader pressed (the buttons are new, so it would otherwise be lost).
 */
export function drawChips(container: HTMLElement, chips: readonly FilterChip[], onPress: (chip: FilterChip) => void): void {
  const focused = document.activeElement instanceof HTMLElement && container.contains(document.activeElement) ? chipKey(document.activeElement) : null;
  container.replaceChildren(
    ...chips.map((chip) => {
      const button = el('button', 'search-chip');
      button.type = 'button';
      button.setAttribute('aria-pressed', String(chip.pressed));
      button.dataset['filter'] = chip.filter;
      button.dataset['value'] = chip.value ?? '';
      button.append(el('span', 'search-chip-label', chip.label));
      if (chip.count !== null) {
        button.append(' ', el('span', 'search-chip-count', String(chip.count)));
      }
      button.addEventListener('click', () => onPress(chip));
      return button;
    }),
  );
  container.hidden = chips.length === 0;
  if (focused) {
    const again = [...container.querySelectorAll<HTMLElement>('.search-chip')].find((b) => chipKey(b) === focused);
    again?.focus();
  }
}

function chipKey(node: HTMLElement): string | null {
  return node.classList.contains('search-chip') ? `${node.dataset['filter']}:${node.dataset['value']}` : null;
}

/**
 * "No results for “x”", with the way on: the notes index, and the themes
 * closest to the words (each a link to the search page listing that theme).
 */
export function drawNoResults(container: HTMLElement, query: string, themes: readonly { theme: string; url: string }[], notesUrl: string): void {
  const said = el('p', 'search-empty-message');
  said.append(query ? `No results for “${query}”.` : 'No results.');
  const way = el('p', 'search-empty-way');
  const notes = el('a', undefined, 'Browse all notes');
  notes.href = notesUrl;
  way.append(notes);
  const nodes: HTMLElement[] = [said, way];
  if (themes.length > 0) {
    way.append(themes.length === 1 ? ', or try the theme' : ', or try a theme:');
    const list = el('ul', 'search-empty-themes');
    list.setAttribute('aria-label', 'Closest themes');
    for (const { theme, url } of themes) {
      const item = el('li');
      const link = el('a', 'search-theme-link', theme);
      link.href = url;
      item.append(link);
      list.append(item);
    }
    nodes.push(list);
  } else {
    way.append('.');
  }
  container.replaceChildren(...nodes);
}
