// The search box of the article page filters the margin as the reader types: the threads beside the paragraphs that
// do not have every typed word (in their notes, authors, tags or passages) are set aside, and a paragraph whose
// notes all are is left without them. Enter still sends the form: the results page searches every note, not only
// the newest few the margin shows. Without this script the box is a plain search form.

import { announce } from './page.js';

const box = document.querySelector('.reading [data-search-box]');
const input = box?.querySelector('input[name="q"]');
const status = box?.querySelector('[data-search-status]');
const idle = status?.textContent ?? '';
const THREADS = '.reading .article .block > .notes';
let timer = 0;

/** A typed word as the margin matches it: lower case, a plural or -ing, -ed ending left off ("notes" finds "note"). */
function stem(word) {
  return word.length > 4 ? word.replace(/(?:ies|es|s|ing|ed)$/, '') : word;
}

function words() {
  return (input?.value ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(stem);
}

function filter() {
  const wanted = words();
  let matching = 0;
  let shown = 0;
  for (const aside of document.querySelectorAll(THREADS)) {
    let any = false;
    for (const thread of aside.querySelectorAll(':scope > .threads > .thread')) {
      shown += 1;
      const text = thread.textContent.toLowerCase();
      const match = wanted.every((word) => text.includes(word));
      thread.classList.toggle('is-filtered-out', !match);
      if (match) matching += 1;
      any ||= match;
    }
    aside.classList.toggle('is-filtered-out', wanted.length > 0 && !any);
  }
  if (status) {
    status.textContent = wanted.length === 0 ? idle
      : `${matching} of the ${shown} notes in the margin ${matching === 1 ? 'matches' : 'match'}. Press Enter to search every note.`;
  }
  document.dispatchEvent(new CustomEvent('notes:filtered'));
  return { wanted, matching };
}

if (input) {
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      const { wanted, matching } = filter();
      if (wanted.length > 0) announce(`${matching} ${matching === 1 ? 'note matches' : 'notes match'} in the margin`);
    }, 200);
  });
  // notes that arrive live, or forms that change a thread, are filtered as the rest
  document.addEventListener('notes:updated', () => { if (words().length > 0) filter(); });
  if (input.value) filter();
}
