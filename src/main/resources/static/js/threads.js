// Threads that stay readable: a long note is cut to its first lines with a "Show more" button, and a note
// that focus or a link is sent to is never left inside closed replies. Without this script every note shows
// whole (and Chromium opens closed replies by itself when a link leads into them).

const CLAMPED = 'is-clamped';

/** Cuts the long notes under a root to their first lines, each with a button that shows the rest. */
export function clampLongNotes(root = document) {
  for (const body of root.querySelectorAll(':is(.reading, .notes-page) .note-body:not([data-clamp-checked])')) {
    if (body.getClientRects().length === 0) continue; // not shown (closed notes on a phone): checked when opened
    body.dataset.clampChecked = '';
    body.classList.add(CLAMPED);
    if (body.scrollHeight <= body.clientHeight + 2) {
      body.classList.remove(CLAMPED);
      continue;
    }
    const more = document.createElement('button');
    more.type = 'button';
    more.className = 'link-button show-more';
    more.textContent = 'Show more';
    more.setAttribute('aria-expanded', 'false');
    if (!body.id) body.id = `${body.closest('.note')?.id ?? 'note'}-body`;
    more.setAttribute('aria-controls', body.id);
    more.addEventListener('click', () => {
      const open = body.classList.toggle(CLAMPED);
      more.textContent = open ? 'Show more' : 'Show less';
      more.setAttribute('aria-expanded', String(!open));
    });
    body.after(more);
  }
}

/** Opens the closed replies (and the cut note) an element is in, so that it can be seen and focused. */
export function reveal(element) {
  for (let details = element?.closest('details:not([open])'); details; details = details.parentElement?.closest('details:not([open])')) {
    details.open = true;
  }
}

function revealTarget() {
  const id = decodeURIComponent(window.location.hash.slice(1)).split(':~:')[0];
  if (id) reveal(document.getElementById(id));
}

clampLongNotes(document.querySelector('main') ?? document);
revealTarget();
window.addEventListener('hashchange', revealTarget);
document.addEventListener('notes:updated', (event) => clampLongNotes(event.target));
