// The margin on wide screens, laid out like the sidenotes of a well-made book (Tufte CSS, gwern.net).
//
// Without this script each paragraph's notes sit level with it, cut to its height (site.css). Here the cut is
// lifted and the margin is laid out in document order: every margin item (a paragraph's notes, its "Add a
// note", an open form) starts level with its paragraph, or just below the item before it when they would
// collide; an item moved down gets a leader back to its paragraph; an item that would run far past its
// paragraph is collapsed to its first lines, with a button that opens it. The text column is never moved:
// the items are out of its flow. The layout is redone when the page's size or fonts change, when notes
// arrive or change, and when a form opens or closes.

const WIDE = window.matchMedia('(min-width: 72rem)');
const ITEMS = '.article .block > .notes, .article .block > .note-count.is-empty, .article .block > .inline-note-form';
/** Space between two margin items, in px. */
const GAP = 12;
/** How far past its paragraph an item may run before it is collapsed, in px. */
const RUN_PAST = 160;

const root = document.documentElement;
let scheduled = false;

function schedule() {
  if (scheduled) return;
  scheduled = true;
  window.requestAnimationFrame(() => {
    scheduled = false;
    layout();
  });
}

function items() {
  return [...document.querySelectorAll(ITEMS)].filter((item) => item.getClientRects().length > 0);
}

function reset(item) {
  item.style.removeProperty('top');
  item.style.removeProperty('--displaced');
  item.classList.remove('is-displaced');
}

function layout() {
  const all = [...document.querySelectorAll(ITEMS)];
  if (!WIDE.matches) {
    root.classList.remove('margin-laid-out');
    all.forEach(reset);
    return;
  }
  root.classList.add('margin-laid-out');
  all.forEach(reset);
  const shown = items();
  shown.forEach(collapseIfLong);
  // read everything first, then write: the items are out of the flow, so moving one moves nothing else
  const measured = shown.map((item) => {
    const top = item.parentElement.getBoundingClientRect().top + window.scrollY;
    return { item, top, wanted: wantedTop(item, top), height: item.getBoundingClientRect().height };
  });
  let floor = -Infinity;
  for (const { item, top, wanted, height } of measured) {
    const placed = Math.max(wanted, floor);
    const shift = Math.round(placed - top);
    if (shift > 0) {
      item.style.top = `${shift}px`;
      item.style.setProperty('--displaced', `${shift}px`);
      item.classList.add('is-displaced');
    }
    floor = placed + height + GAP;
  }
}

/** Collapses a paragraph's notes that would run far past it, and gives them a button that opens them. */
function collapseIfLong(aside) {
  if (!aside.matches('.notes') || aside.classList.contains('is-expanded')) return;
  const threads = aside.querySelector(':scope > .threads');
  if (!threads) return;
  const paragraph = aside.parentElement.getBoundingClientRect().height;
  aside.classList.remove('is-collapsed');
  const limit = Math.max(paragraph, 0) + RUN_PAST;
  if (aside.scrollHeight <= limit + RUN_PAST / 2) {
    aside.querySelector(':scope > .notes-more')?.remove();
    return;
  }
  threads.style.setProperty('--collapsed-height', `${Math.round(Math.max(limit - threads.offsetTop, 48))}px`);
  aside.classList.add('is-collapsed');
  if (!aside.querySelector(':scope > .notes-more')) {
    const more = document.createElement('button');
    more.type = 'button';
    more.className = 'link-button notes-more';
    const count = aside.querySelector('.notes-head a')?.textContent.trim() ?? 'the notes';
    more.textContent = `More: show all of ${count === '1 note' ? 'the note' : count}`;
    more.addEventListener('click', () => {
      aside.classList.add('is-expanded');
      aside.classList.remove('is-collapsed');
      more.remove();
      threads.querySelector('.note')?.focus();
      schedule();
    });
    threads.after(more);
  }
}

/**
 * Where a margin item would start: level with its paragraph, or, for notes whose first thread is on a passage,
 * level with the line the passage starts on.
 */
function wantedTop(item, blockTop) {
  const first = item.matches('.notes') ? item.querySelector('.threads > .thread > .note') : null;
  const anchor = first?.querySelector('.note-quote') ? document.getElementById(`passage-${first.id.slice(5)}`) : null;
  const line = anchor?.nextElementSibling ?? anchor;
  return line ? Math.max(blockTop, line.getBoundingClientRect().top + window.scrollY) : blockTop;
}

const resized = new ResizeObserver(schedule);
function observe() {
  resized.disconnect();
  const article = document.querySelector('.article');
  if (article) resized.observe(article);
  document.querySelectorAll(ITEMS).forEach((item) => resized.observe(item));
}

const article = document.querySelector('.reading .article');
if (article) {
  observe();
  // elements added or removed (notes arriving, forms opening) may be new margin items; text changes (the notes'
  // relative times, every minute) are not, and a size they change is the ResizeObserver's
  const elementsIn = (nodes) => [...nodes].some((node) => node.nodeType === Node.ELEMENT_NODE);
  new MutationObserver((changes) => {
    if (!changes.some((change) => elementsIn(change.addedNodes) || elementsIn(change.removedNodes))) return;
    observe();
    schedule();
  }).observe(article, { childList: true, subtree: true });
  WIDE.addEventListener('change', schedule);
  document.fonts?.ready.then(schedule);
  document.addEventListener('notes:formclosed', schedule);
  document.addEventListener('notes:filtered', schedule); // the search box set threads aside (search.js)
  document.addEventListener('toggle', schedule, true); // a <details> of replies opened or closed
  schedule();
}
