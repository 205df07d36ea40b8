// Small helpers shared by the page's scripts.

const announcer = document.querySelector('[data-announcer]');

/** Tells screen-reader users what just happened, politely. */
export function announce(message) {
  if (!announcer) return;
  announcer.textContent = '';
  window.setTimeout(() => { announcer.textContent = message; }, 50);
}

/** @return the address of this page as the scripts fetch it again: its path and the order of its notes (?sort=) */
export function thisPageInItsOrder() {
  const url = new URL(window.location.pathname, window.location.href);
  const sort = new URLSearchParams(window.location.search).get('sort');
  if (sort) url.searchParams.set('sort', sort);
  return url.href;
}

/** @return the headers of a write from this page: these, and the CSRF token of the newest page seen (if any) */
export function withToken(headers) {
  const token = document.querySelector('meta[name="_csrf"]')?.content;
  const header = document.querySelector('meta[name="_csrf_header"]')?.content;
  return token && header ? { ...headers, [header]: token } : headers;
}

/** A click that means "follow this here": no modifier keys, main button. */
export function isPlainClick(event) {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/** Puts text on the clipboard. @return whether it worked */
export async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // permission refused: try the older way below
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'offscreen';
  const focused = document.activeElement;
  document.body.append(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  if (focused instanceof HTMLElement && focused.isConnected) focused.focus({ preventScroll: true });
  return copied;
}

/** How a reader is told which block this is, from its note count ("… on paragraph 6"): "paragraph 6", "heading 1". */
export function blockLabel(region) {
  const label = region?.querySelector(':scope > .note-count .visually-hidden')?.textContent ?? '';
  return label.match(/\bon (.+)$/)?.[1].trim() ?? null;
}

/**
 * The writes this page makes itself (notes.js), so that the live updates (live.js) do not show or announce
 * them a second time: while one is on its way, events wait; each note written here is skipped once.
 */
export const ownWrites = {
  pending: 0,
  /** note id -> how many of its coming events are this page's own */
  notes: new Map(),
  started() {
    this.pending += 1;
  },
  /** @param ids the notes written (added, replied to, edited or deleted), when the write succeeded */
  ended(ids = []) {
    ids.filter(Boolean).forEach((id) => this.notes.set(id, (this.notes.get(id) ?? 0) + 1));
    this.pending = Math.max(0, this.pending - 1);
    if (this.pending === 0) document.dispatchEvent(new CustomEvent('marginalia:settled'));
  },
  /** @return whether an event about this note is the echo of a write made here (then it is used up) */
  isOwn(id) {
    const count = this.notes.get(id) ?? 0;
    if (count === 0) return false;
    if (count === 1) this.notes.delete(id); else this.notes.set(id, count - 1);
    return true;
  },
};
