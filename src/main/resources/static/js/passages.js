// Passages: the words of a paragraph that notes are on, and the words a reader selects.
//
// - Selecting words inside one paragraph (mouse, touch or keyboard: caret browsing with Shift+arrows) shows a
//   small toolbar beside the selection, next in the Tab order after the paragraph: "Add a note" opens the
//   paragraph's add form (notes.js) with the passage filled in, "Copy link to passage" copies a link that
//   Chromium (and Safari, and Firefox from 131) highlights on arrival. Escape closes it.
// - The server marks the passages notes are on (<mark class="passage" data-notes="id id2">). Here they become
//   focusable, described by their notes; hovering or focusing one lights up its notes (and opens them on
//   narrow screens), clicking it or pressing Enter moves focus to its note. Hovering a note's quote lights
//   up its passage.
// - Arriving at #passage-{noteId} (a note's link to its passage) lights up the passage and its note.
// Without JavaScript none of this is here: the add form's Passage field takes the words instead.

import { announce, copyText, isPlainClick } from './page.js';
import { addNoteOn, setOpen } from './notes.js';

const wide = window.matchMedia('(min-width: 72rem)');
const coarse = window.matchMedia('(pointer: coarse)');

// ---- The paragraph's plain text, counted as the server counts it (Block.text(): whitespace runs collapsed
// to one space, trimmed; offsets in code points).

/** Java's \s, which the server collapses; JavaScript's \s would take more (no-break spaces, …). */
const SPACES = /[ \t\n\v\f\r]+/g;
const LEADING_SPACES = /^[ \t\n\v\f\r]*/;
/** What a block holds besides its text (a list item holds its controls). */
const CONTROLS = '.permalink, .note-count, .notes, .alias, .inline-note-form, .passage-toolbar, .passage-anchor';
const BLOCK_TEXT = '.article .block > [id]:first-child, .article li[id]';

const collapse = (text) => text.replace(SPACES, ' ');
const trim = (text) => text.replace(/^ | $/g, '');
const codePoints = (text) => [...text].length;

/** @return the block element (paragraph, heading, list item…) whose text holds this node, if any */
function textRoot(node) {
  const element = node instanceof Element ? node : node?.parentElement;
  const root = element?.closest(BLOCK_TEXT);
  if (!root) return null;
  const control = element.closest(CONTROLS);
  return control && root.contains(control) ? null : root;
}

/** @return the raw text of the root's own text nodes, within the range when one is given */
function rawText(root, range = null) {
  let text = '';
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (textRoot(node) !== root || (range && !range.intersectsNode(node))) continue;
    const from = range && node === range.startContainer ? range.startOffset : 0;
    const to = range && node === range.endContainer ? range.endOffset : node.data.length;
    text += node.data.slice(from, to);
  }
  return text;
}

/**
 * @return the passage a selection is on: { root, quote, start (code points), from, to (indices into text),
 * text (the paragraph's plain text) }, or null unless it lies within one paragraph
 */
function passageOf(selection) {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const root = textRoot(range.startContainer);
  if (!root || textRoot(range.endContainer) !== root) return null;
  const selected = rawText(root, range);
  const quote = trim(collapse(selected));
  if (!quote) return null;
  const before = document.createRange();
  before.setStart(root, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const text = trim(collapse(rawText(root)));
  let from = collapse(rawText(root, before) + selected.match(LEADING_SPACES)[0]).replace(/^ /, '').length;
  if (text.slice(from, from + quote.length) !== quote) from = nearest(text, quote, from);
  if (from < 0) return null;
  return { root, quote, start: codePoints(text.slice(0, from)), from, to: from + quote.length, text };
}

function nearest(text, words, wanted) {
  let best = -1;
  for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
    if (best < 0 || Math.abs(at - wanted) < Math.abs(best - wanted)) best = at;
  }
  return best;
}

// ---- Link to a passage: a text fragment (https://wicg.github.io/scroll-to-text-fragment/)
//
//   {article}#{paragraph id}:~:text=[{prefix}-,]{words}[,-{suffix}]
//
// The paragraph id comes first, so that a browser without text fragments still goes to the paragraph (and
// the page marks it by CSS :target). Browsers match the words whole, at word boundaries, case-insensitively,
// and take the first match in the page: so the words are widened to whole words, and where they occur more
// than once (in the paragraph or elsewhere in the page) a few words before and after are added, as many as
// make the match unique. Each part is percent-encoded, '-' , ',' and '&' included, since they are syntax.

const WORD = /[\p{L}\p{N}\p{M}'’]/u;
const isWord = (character) => character !== undefined && WORD.test(character);
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

function count(haystack, needle) {
  let found = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) found += 1;
  return found;
}

function wordsBefore(text, at, words) {
  let i = at;
  for (let n = 0; n < words && i > 0; n++) {
    while (i > 0 && text[i - 1] === ' ') i--;
    while (i > 0 && text[i - 1] !== ' ') i--;
  }
  return i;
}

function wordsAfter(text, at, words) {
  let i = at;
  for (let n = 0; n < words && i < text.length; n++) {
    while (i < text.length && text[i] === ' ') i++;
    while (i < text.length && text[i] !== ' ') i++;
  }
  return i;
}

export function passageLink(passage, base = window.location) {
  const { root, text } = passage;
  let { from, to } = passage;
  while (from > 0 && isWord(text[from - 1]) && isWord(text[from])) from--;
  while (to < text.length && isWord(text[to]) && isWord(text[to - 1])) to++;
  const words = text.slice(from, to);
  const lower = text.toLowerCase();
  const page = collapse(document.querySelector('main')?.textContent ?? '').toLowerCase();
  let prefix = '';
  let suffix = '';
  if (count(lower, words.toLowerCase()) > 1 || count(page, words.toLowerCase()) > 1) {
    for (let n = 1; n <= 5; n++) {
      const start = wordsBefore(text, from, n);
      const end = wordsAfter(text, to, n);
      // only the outer ends lose their punctuation: the inner ends must meet the words (spaces between only)
      prefix = trim(text.slice(start, from)).replace(/^[^\p{L}\p{N}]+/u, '');
      suffix = trim(text.slice(to, end)).replace(/[^\p{L}\p{N}]+$/u, '');
      const context = lower.slice(start, end).replace(EDGE_PUNCTUATION, '');
      if (count(lower, context) <= 1 && count(page, context) <= 1) break;
    }
  }
  const part = (value) => encodeURIComponent(value).replace(/-/g, '%2D');
  let directive = part(words);
  if (prefix) directive = `${part(prefix)}-,${directive}`;
  if (suffix) directive = `${directive},-${part(suffix)}`;
  return `${base.origin}${base.pathname}#${encodeURIComponent(root.id)}:~:text=${directive}`;
}

// ---- The toolbar beside a selection

let current = null; // the passage the toolbar is for
let dismissed = null; // the passage Escape closed the toolbar for: not offered again until the selection changes
let returnFocus = null; // where focus was before it went into the toolbar
let pointerDown = false;
let lastPointer = 'mouse';
let timer = 0;

const toolbar = document.querySelector('main.reading') ? makeToolbar() : null;

function makeToolbar() {
  const bar = document.createElement('div');
  bar.className = 'passage-toolbar';
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', 'Selected passage');
  bar.hidden = true;
  bar.append(toolButton('note', 'Add a note', ' on the selected passage'), toolButton('link', 'Copy link to passage', ''));
  return bar;
}

function toolButton(action, label, more) {
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.passageAction = action;
  button.textContent = label;
  if (more) {
    const hidden = document.createElement('span');
    hidden.className = 'visually-hidden';
    hidden.textContent = more;
    button.append(hidden);
  }
  return button;
}

const keyOf = (passage) => passage && `${passage.root.id} ${passage.start} ${passage.quote}`;

function update() {
  window.clearTimeout(timer);
  if (!toolbar) return;
  const selection = window.getSelection();
  const passage = passageOf(selection);
  if (!passage) {
    if (!toolbar.contains(document.activeElement)) hide();
    return;
  }
  const key = keyOf(passage);
  if (key === dismissed) return;
  dismissed = null;
  if (key === keyOf(current) && !toolbar.hidden) {
    place(selection.getRangeAt(0));
    return;
  }
  show(passage, selection.getRangeAt(0));
}

function schedule(delay) {
  window.clearTimeout(timer);
  timer = window.setTimeout(update, delay);
}

function show(passage, range) {
  current = passage;
  const { root } = passage;
  if (!toolbar.contains(document.activeElement)) {
    // next in the Tab order after the paragraph's text; positioned against the block
    if (root.matches('li')) {
      if (toolbar.parentElement !== root) root.append(toolbar);
    } else if (toolbar.previousElementSibling !== root) {
      root.after(toolbar);
    }
  }
  delete toolbar.querySelector('[data-passage-action="link"]').dataset.copied;
  toolbar.hidden = false;
  place(range);
}

/** Above the selection with a pointer; below it on touch screens, clear of the browser's own menu there. */
function place(range) {
  const rects = [...range.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0);
  const first = rects[0] ?? range.getBoundingClientRect();
  const last = rects.at(-1) ?? first;
  const host = toolbar.offsetParent ?? document.body;
  const origin = host.getBoundingClientRect();
  const size = toolbar.getBoundingClientRect();
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const touch = coarse.matches || lastPointer === 'touch';
  let top;
  let line;
  if (touch) {
    line = last;
    top = last.bottom + 2 * rem; // below the selection handles
    if (top + size.height > window.innerHeight && first.top - size.height - 3.5 * rem > 0) {
      line = first; // no room below: above, over the browser's menu, which stands higher up
      top = first.top - size.height - 3.5 * rem;
    }
  } else {
    line = first;
    top = first.top - size.height - 0.5 * rem;
    if (top < 0.25 * rem) {
      line = last;
      top = last.bottom + 0.5 * rem;
    }
  }
  const viewport = document.documentElement.clientWidth;
  let left = line.left + line.width / 2 - size.width / 2;
  left = Math.max(0.5 * rem, Math.min(left, viewport - size.width - 0.5 * rem));
  toolbar.style.left = `${Math.round(left - origin.left - host.clientLeft)}px`;
  toolbar.style.top = `${Math.round(top - origin.top - host.clientTop)}px`;
}

/** Hides the toolbar; focus in it goes back where it came from (or to the paragraph's ¶), unless told not to. */
function hide(giveBackFocus = true) {
  if (!toolbar || toolbar.hidden) return;
  const hadFocus = toolbar.contains(document.activeElement);
  toolbar.hidden = true;
  current = null;
  if (hadFocus && giveBackFocus) {
    const block = toolbar.closest('.block, li[id]');
    const back = returnFocus?.isConnected && returnFocus !== document.body ? returnFocus
      : block?.querySelector(':scope > .permalink');
    back?.focus();
  }
  returnFocus = null;
}

/**
 * Keeps the passage a note is being written on highlighted while its form is open, as the selection goes when
 * the form takes the focus (a CSS custom highlight: the paragraph's markup is not touched).
 */
function holdWhileWriting(selection) {
  if (!window.CSS?.highlights || !selection?.rangeCount) return;
  CSS.highlights.set('writing', new Highlight(selection.getRangeAt(0).cloneRange()));
}

document.addEventListener('notes:formclosed', () => window.CSS?.highlights?.delete('writing'));

async function act(action) {
  const passage = current;
  if (!passage?.root.isConnected) {
    hide();
    return;
  }
  if (action === 'note') {
    dismissed = keyOf(passage);
    holdWhileWriting(window.getSelection());
    hide(false); // the form takes the focus
    const region = passage.root.closest('.block') ?? passage.root;
    if (!addNoteOn(region, { quote: passage.quote, start: passage.start })) {
      const slugPath = window.location.pathname.replace(/\/$/, '');
      const url = new URL(`${slugPath}/p/${encodeURIComponent(passage.root.id)}/notes`, window.location.href);
      url.searchParams.set('quote', passage.quote);
      url.searchParams.set('quoteStart', String(passage.start));
      url.hash = 'new-note';
      window.location.assign(url.href);
    }
  } else if (action === 'link') {
    const link = passageLink(passage);
    const button = toolbar.querySelector('[data-passage-action="link"]');
    if (await copyText(link)) {
      button.dataset.copied = 'true';
      announce('Link to the passage copied');
      window.setTimeout(() => { delete button.dataset.copied; }, 2000);
    } else {
      window.location.assign(link);
    }
  }
}

if (toolbar) {
  document.addEventListener('pointerdown', (event) => {
    lastPointer = event.pointerType || 'mouse';
    if (toolbar.contains(event.target)) {
      event.preventDefault(); // keep the selection (and no compatibility mousedown to clear it)
    } else {
      pointerDown = true;
    }
  }, true);
  document.addEventListener('mousedown', (event) => {
    if (toolbar.contains(event.target)) event.preventDefault();
  }, true);
  const released = () => {
    if (!pointerDown) return;
    pointerDown = false;
    schedule(10);
  };
  document.addEventListener('pointerup', released, true);
  document.addEventListener('pointercancel', released, true);
  // while a pointer drags, wait for its release; keyboard and touch handles settle after a moment
  document.addEventListener('selectionchange', () => {
    if (window.getSelection()?.isCollapsed) dismissed = null;
    if (!pointerDown) schedule(250);
  });
  document.addEventListener('keyup', (event) => {
    if (event.shiftKey || event.key === 'Shift') schedule(10);
  });
  toolbar.addEventListener('focusin', (event) => {
    if (!toolbar.contains(event.relatedTarget)) returnFocus = event.relatedTarget;
  });
  toolbar.addEventListener('focusout', (event) => {
    if (!toolbar.contains(event.relatedTarget) && event.relatedTarget && !passageOf(window.getSelection())) hide();
  });
  toolbar.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-passage-action]') : null;
    if (button) act(button.dataset.passageAction);
  });
  document.addEventListener('keydown', (event) => {
    if (toolbar.hidden) return;
    if (event.key === 'Escape') {
      dismissed = keyOf(current);
      hide();
    } else if (event.key === 'Tab' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey
      && !toolbar.contains(document.activeElement) && keyOf(passageOf(window.getSelection())) === keyOf(current)) {
      // words are selected: the toolbar for them is the next stop, wherever the browser would start from
      // (a selection made with the keyboard, caret browsing, does not move the Tab starting point)
      event.preventDefault();
      returnFocus = document.activeElement;
      toolbar.querySelector('button').focus();
    }
  });
  window.addEventListener('resize', () => {
    if (!toolbar.hidden) schedule(50);
  });
}

// ---- Passages and their notes

const marksOf = (noteId) => document.querySelectorAll(`mark.passage[data-notes~="${CSS.escape(noteId)}"]`);
const idsOf = (mark) => (mark.dataset.notes ?? '').split(/\s+/).filter(Boolean);
const noteOf = (noteId) => document.getElementById(`note-${noteId}`);

/** Marks become focusable, each described by the author and text of its note(s). */
function initMarks(scope) {
  for (const mark of scope.querySelectorAll('mark.passage[data-notes]')) {
    const described = [];
    for (const id of idsOf(mark)) {
      const note = noteOf(id);
      if (!note) continue;
      for (const [part, suffix] of [['.note-author', 'by'], ['.note-body', 'text']]) {
        const element = note.querySelector(`:scope > .note-meta ${part}, :scope > ${part}`);
        if (!element) continue;
        if (!element.id) element.id = `note-${id}-${suffix}`;
        described.push(element.id);
      }
    }
    mark.tabIndex = 0;
    if (described.length) mark.setAttribute('aria-describedby', described.join(' '));
    else mark.removeAttribute('aria-describedby');
  }
}

/** Lights up (or down) notes and all the marks of their passages. */
function relate(ids, on) {
  for (const id of ids) {
    noteOf(id)?.classList.toggle('is-related', on);
    marksOf(id).forEach((mark) => mark.classList.toggle('is-related', on));
  }
}

/** On narrow screens, opens the notes the passage is on (below its paragraph). */
function openNotesOf(ids) {
  if (wide.matches) return;
  for (const id of ids) {
    const aside = noteOf(id)?.closest('.notes');
    if (aside && !aside.classList.contains('is-open')) setOpen(aside, true);
  }
}

function goToNote(mark) {
  const ids = idsOf(mark);
  const notes = ids.map(noteOf).filter(Boolean);
  if (!notes.length) return;
  openNotesOf(ids);
  const note = notes[0];
  note.focus();
  if (document.activeElement === note) {
    notes.forEach((each) => each.classList.add('is-target'));
    note.addEventListener('focusout', () => notes.forEach((each) => each.classList.remove('is-target')), { once: true });
  }
}

function quoteNoteId(element) {
  return element?.closest('.note-quote')?.closest('.note')?.id.replace(/^note-/, '') ?? null;
}

function over(event, on) {
  const target = event.target instanceof Element ? event.target : null;
  const mark = target?.closest('.reading mark.passage');
  if (mark) {
    if (mark.contains(event.relatedTarget)) return;
    relate(idsOf(mark), on);
    if (on) openNotesOf(idsOf(mark));
    return;
  }
  const quote = target?.closest('.reading .note-quote');
  if (quote && !quote.contains(event.relatedTarget)) {
    const id = quoteNoteId(quote);
    if (id) relate([id], on);
  }
}

document.addEventListener('mouseover', (event) => over(event, true));
document.addEventListener('mouseout', (event) => over(event, false));
document.addEventListener('focusin', (event) => over(event, true));
document.addEventListener('focusout', (event) => over(event, false));

// Chromium starts no text selection from a press on a focusable element: while a pointer is down on a mark,
// the mark is not focusable, so that a reader can still select words in it.
document.addEventListener('pointerdown', (event) => {
  const mark = event.target instanceof Element ? event.target.closest('.reading mark.passage[tabindex]') : null;
  if (!mark) return;
  mark.removeAttribute('tabindex');
  const restore = () => {
    mark.tabIndex = 0;
    document.removeEventListener('pointerup', restore, true);
    document.removeEventListener('pointercancel', restore, true);
  };
  document.addEventListener('pointerup', restore, true);
  document.addEventListener('pointercancel', restore, true);
}, true);

document.addEventListener('click', (event) => {
  const mark = event.target instanceof Element ? event.target.closest('.reading mark.passage') : null;
  if (!mark || event.defaultPrevented || !isPlainClick(event) || mark.closest('a')) return;
  if (!window.getSelection().isCollapsed) return; // the reader was selecting words, not asking for the note
  goToNote(mark);
});

document.addEventListener('keydown', (event) => {
  const mark = event.target instanceof Element ? event.target.closest('.reading mark.passage') : null;
  if (mark && event.key === 'Enter' && !event.altKey && !event.ctrlKey && !event.metaKey && !mark.closest('a')) {
    event.preventDefault();
    goToNote(mark);
  }
});

document.addEventListener('notes:updated', (event) => {
  if (event.target instanceof Element) initMarks(event.target);
});

// ---- Arriving at a passage: #passage-{noteId}

function arrive() {
  document.querySelectorAll('mark.passage.is-arrived, .note.is-arrived')
    .forEach((element) => element.classList.remove('is-arrived'));
  let target = '';
  try {
    target = decodeURIComponent(window.location.hash.slice(1));
  } catch {
    return;
  }
  if (!target.startsWith('passage-')) return;
  const id = target.slice('passage-'.length);
  marksOf(id).forEach((mark) => mark.classList.add('is-arrived'));
  const note = noteOf(id);
  if (note) {
    note.classList.add('is-arrived');
    openNotesOf([id]);
  }
}

if (document.querySelector('main.reading')) {
  initMarks(document);
  arrive();
  window.addEventListener('hashchange', arrive);
}
