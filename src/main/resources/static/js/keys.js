// The keyboard's way through a long article: J moves to the next paragraph, K to the one before (as in many
// readers), so that paragraph 11 is ten presses away whatever the notes between; Tab then goes on from there
// (its link, its notes). Keys typed into a field, or with a modifier, are left alone. The skip links at the head
// of each paragraph's notes do the same without this script.

const PARAGRAPHS = '.reading .article .block > :first-child[id]';

function paragraphs() {
  return [...document.querySelectorAll(PARAGRAPHS)];
}

function isTyping(target) {
  return target instanceof Element && Boolean(target.closest('input, textarea, select, [contenteditable]'));
}

function current(all) {
  const focused = document.activeElement?.closest?.('.block')?.firstElementChild;
  const at = all.indexOf(focused);
  if (at >= 0) return at;
  // nothing focused in the article: the first paragraph whose top is in view
  const index = all.findIndex((paragraph) => paragraph.getBoundingClientRect().bottom > 0);
  return index < 0 ? -1 : index - 1;
}

document.addEventListener('keydown', (event) => {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
  const step = { j: 1, k: -1 }[event.key];
  if (!step) return;
  const all = paragraphs();
  if (all.length === 0) return;
  const next = all[Math.max(0, Math.min(all.length - 1, current(all) + step))];
  if (!next.hasAttribute('tabindex')) next.setAttribute('tabindex', '-1');
  next.focus();
  event.preventDefault();
});
