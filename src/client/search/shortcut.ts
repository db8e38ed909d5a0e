/**
 * The keys that open search from anywhere: "/" (unless the reader is typing
 * in a field), and Ctrl+K or Cmd+K (also from a field: browsers use Ctrl+K for
 * their own search bar, which a site with its own search may take over). Kept
 * apart from src/client/search/search-ui.ts because every page loads it.
 */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export function isSearchShortcut(event: KeyPress, typingInField: boolean): boolean {
  if (event.altKey) return false;
  if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'k') return true;
  return event.key === '/' && !event.ctrlKey && !event.metaKey && !typingInField;
}
