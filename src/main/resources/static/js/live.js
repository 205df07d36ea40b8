// Live updates: the notes other readers add, edit and delete (and the moderator hides or shows again), and their
// counts of readers who found them useful, show up in an open article within a second,
// counts included, without a reload. The server tells the page what changed (Server-Sent Events from
// /api/articles/{slug}/events: which note, on which paragraph; a private note's reach only its author, without an
// id, so they leave lastEventId as it was and are not replayed after a reconnection); the page
// then fetches the article as the reader may see it and puts in place the notes of the paragraphs that changed.
//
// The reader is not disturbed: a paragraph with an open form, the focus, or the selection in it only has its
// count updated, and gets its notes once the reader is done there; the text being read stays where it is on
// screen (what changes above it is made up for by scrolling); changes are announced politely. Writes made in
// this page are already shown: their events are skipped (page.js ownWrites).

import { announce, blockLabel, ownWrites, thisPageInItsOrder } from './page.js';
import { refresh } from './notes.js';

const slug = document.querySelector('main.reading')
  ? window.location.pathname.match(/^\/articles\/([^/]+)\/?$/)?.[1] : null;

let source = null;
/** Starts where the page was rendered, so that nothing written before the stream opens is missed. */
let lastEventId = document.querySelector('meta[name="marginalia-last-event"]')?.content || null;
/** Events that came while this page's own write was on its way: handled once it is back. */
const waiting = [];
/** Regions to update: their key -> the events about them (none: only catching up after a deferral) */
let queued = new Map();
/** Regions that changed while the reader was busy in them (by key) */
const deferred = new Set();
let timer = 0;
let fetching = false;

const keyOf = (region) => (region.matches('.orphans') ? 'orphans' : region.firstElementChild?.id);
const regionOf = (key) => (key === 'orphans' ? document.querySelector('.orphans')
  : document.getElementById(key)?.closest('.block'));

function connect() {
  const url = new URL(`/api/articles/${slug}/events`, window.location.href);
  if (lastEventId) url.searchParams.set('lastEventId', lastEventId); // the page's, or the last seen (back-forward cache)
  source = new EventSource(url.href);
  source.addEventListener('note', received);
  // someone replied to this reader's note: the server decides it per stream; notices.js tells the reader
  source.addEventListener('reply', (message) => {
    try {
      document.dispatchEvent(new CustomEvent('live:reply', { detail: JSON.parse(message.data) }));
    } catch {
      // not an event of ours
    }
  });
  source.addEventListener('open', () => { document.documentElement.dataset.live = 'open'; });
  source.addEventListener('error', () => { document.documentElement.dataset.live = 'connecting'; });
}

function received(message) {
  if (message.lastEventId) lastEventId = message.lastEventId;
  let event;
  try {
    event = JSON.parse(message.data);
  } catch {
    return;
  }
  if (ownWrites.pending > 0) {
    waiting.push(event);
  } else {
    take(event);
  }
}

function take(event) {
  if (ownWrites.isOwn(event.note)) return;
  const note = document.getElementById(`note-${event.note}`);
  if (event.kind === 'added' && note) return; // shown already
  const parent = event.parent ? document.getElementById(`note-${event.parent}`) : null;
  const region = (event.kind !== 'added' && note?.closest('.block, .orphans'))
    || parent?.closest('.block, .orphans') // a reply goes where its note is (orphans too)
    || document.getElementById(event.block)?.closest('.block');
  if (!region) return;
  const key = keyOf(region);
  if (!queued.has(key)) queued.set(key, []);
  queued.get(key).push(event);
  schedule();
}

function schedule() {
  window.clearTimeout(timer);
  timer = window.setTimeout(update, 40);
}

/**
 * Whether the reader is doing something in this region: writing, confirming, selecting, or focused in it (on
 * wide screens even the note count hides once there are notes, so focus there waits too).
 */
function busy(region) {
  if (region.querySelector('.inline-note-form, .confirm')) return true;
  const active = document.activeElement;
  if (active && active !== document.body && region.contains(active)) return true;
  const selection = window.getSelection();
  return Boolean(selection && selection.rangeCount > 0 && !selection.isCollapsed
    && selection.getRangeAt(0).intersectsNode(region));
}

async function update() {
  if (fetching) {
    schedule();
    return;
  }
  const batch = queued;
  queued = new Map();
  if (batch.size === 0) return;
  fetching = true;
  let page;
  try {
    const response = await fetch(thisPageInItsOrder(), {
      credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'text/html' },
    });
    if (!response.ok) throw new Error(`status ${response.status}`);
    page = new DOMParser().parseFromString(await response.text(), 'text/html');
  } catch {
    // offline for a moment: try again with the next change (the events are in the server's log)
    batch.forEach((events, key) => deferred.add(key));
    return;
  } finally {
    fetching = false;
  }
  const messages = [];
  keepReadingPosition(() => {
    for (const [key, events] of batch) {
      const region = regionOf(key);
      if (!region) continue;
      if (busy(region)) {
        updateCount(region, page);
        deferred.add(key);
      } else {
        refresh(region, page);
        deferred.delete(key);
      }
      messages.push(...events.map((event) => describe(event, region)).filter(Boolean));
    }
  });
  if (messages.length) announce(messages.join(' '));
}

/** Only the count's words change: the element, its focus and what it opens stay as they are. */
function updateCount(region, page) {
  if (region.matches('.orphans')) return;
  const fresh = page.getElementById(region.firstElementChild.id)?.parentElement
    ?.querySelector(':scope > .note-count > .count-label');
  const label = region.querySelector(':scope > .note-count > .count-label');
  if (fresh && label) label.replaceChildren(...fresh.childNodes);
}

function describe(event, region) {
  if (event.kind === 'reacted') return null; // a count changed: shown, not announced
  const where = region.matches('.orphans') ? 'among the orphaned notes' : `on ${blockLabel(region) ?? 'a paragraph'}`;
  if (event.kind === 'added') return event.parent ? `New reply ${where}.` : `New note ${where}.`;
  if (event.kind === 'edited') return `A note ${where} was edited.`;
  if (event.kind === 'hidden') return `A note ${where} was hidden by the moderator.`;
  if (event.kind === 'unhidden') return `A note ${where} is shown again.`;
  return `A note ${where} was deleted.`;
}

/**
 * Makes a change without moving what the reader is reading: the paragraph or note at the reading line (a
 * quarter down the window), or the first below it, stays where it was on screen. The browser's own scroll
 * anchoring is held off meanwhile, not to count twice.
 */
function keepReadingPosition(change) {
  let anchor = null;
  const line = window.innerHeight / 4;
  for (const element of document.querySelectorAll('.article .block > [id]:first-child, .article .note[id], .orphans .note[id]')) {
    const box = element.getBoundingClientRect();
    if (box.height > 0 && box.bottom > line) {
      anchor = { id: element.id, top: box.top };
      break;
    }
  }
  const root = document.documentElement;
  root.classList.add('is-updating');
  try {
    change();
  } finally {
    const moved = anchor && document.getElementById(anchor.id);
    if (moved) {
      const shift = moved.getBoundingClientRect().top - anchor.top;
      if (Math.abs(shift) >= 1) window.scrollBy(0, shift);
    }
    window.requestAnimationFrame(() => root.classList.remove('is-updating'));
  }
}

/** A region the reader was busy in gets its notes once they leave it. */
function catchUp() {
  if (deferred.size === 0) return;
  window.setTimeout(() => {
    for (const key of [...deferred]) {
      const region = regionOf(key);
      if (!region) {
        deferred.delete(key);
      } else if (!busy(region) && !queued.has(key)) {
        deferred.delete(key);
        queued.set(key, []);
      }
    }
    if (queued.size) schedule();
  }, 0);
}

if (slug && 'EventSource' in window) {
  connect();
  document.addEventListener('marginalia:settled', () => waiting.splice(0).forEach(take));
  document.addEventListener('notes:formclosed', catchUp);
  document.addEventListener('focusin', catchUp);
  document.addEventListener('focusout', catchUp);
  document.addEventListener('selectionchange', catchUp);
  window.addEventListener('pagehide', () => {
    source?.close();
    source = null;
    document.documentElement.dataset.live = 'closed';
  });
  window.addEventListener('pageshow', (event) => {
    if (event.persisted && !source) connect();
  });
}
