// Small helpers shared by the page's scripts.

const announcer = document.querySelector('[data-announcer]');

/** Tells screen-reader users what just happened, politely. */
export function announce(message) {
  if (!announcer) return;
  announcer.textContent = '';
  window.setTimeout(() => { announcer.textContent = message; }, 50);
}

/** A click that means "follow this here": no modifier keys, main button. */
export function isPlainClick(event) {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}
