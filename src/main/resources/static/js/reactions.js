// "Useful" without a page load. The button is a plain form that works without this script (POST, then back to the
// page at the note); here it is sent in place, asking for JSON (the note's count and whether this reader pressed),
// and the button shows the answer: aria-pressed, its count, and what the next press asks for.
//
// The article page readers without a secret share cannot say who pressed what: its buttons have no aria-pressed.
// This script asks the server which notes this reader found useful (GET /articles/{slug}/reactions/mine, by
// their address) and marks those buttons, on load and whenever a paragraph's notes are replaced.

import { announce, ownWrites, withToken } from './page.js';

const FORMS = 'form[data-action="useful"]';
const slug = window.location.pathname.match(/^\/articles\/([^/]+)/)?.[1] ?? null;

/** Shows a note's state on its button: pressed or not, its count, and what the next press asks for. */
function show(form, useful, mine) {
  const button = form.querySelector('button');
  button.setAttribute('aria-pressed', String(mine));
  const count = button.querySelector('.useful-count');
  if (count) count.textContent = String(useful);
  const described = button.querySelector('.visually-hidden');
  if (described) {
    described.textContent = described.textContent.replace(/^, \d+ readers?/, `, ${useful === 1 ? '1 reader' : `${useful} readers`}`);
  }
  let pressed = form.querySelector('input[name="pressed"]');
  if (!pressed) {
    pressed = document.createElement('input');
    pressed.type = 'hidden';
    pressed.name = 'pressed';
    form.append(pressed);
  }
  pressed.value = String(!mine);
}

function problem(form, message) {
  let alert = form.querySelector('[role="alert"]');
  if (!alert) {
    alert = document.createElement('span');
    alert.className = 'field-error';
    alert.setAttribute('role', 'alert');
    form.append(alert);
  }
  alert.textContent = message;
}

async function press(form) {
  const button = form.querySelector('button');
  if (button.getAttribute('aria-busy') === 'true') return;
  button.setAttribute('aria-busy', 'true');
  form.querySelector('[role="alert"]')?.remove();
  const headers = withToken({ Accept: 'application/json' });
  let written = null;
  ownWrites.started();
  try {
    const response = await fetch(form.action, {
      method: 'POST', credentials: 'same-origin', headers, body: new URLSearchParams(new FormData(form)),
    });
    const answer = await response.json().catch(() => null);
    if (response.ok && answer) {
      show(form, answer.useful, answer.mine);
      if (answer.changed) written = answer.note; // its live event is this page's own
      announce(answer.mine ? 'Marked useful' : 'No longer marked useful');
    } else {
      problem(form, answer?.error ?? `Not saved (error ${response.status}). Reload the page and try again.`);
    }
  } catch {
    problem(form, 'Not sent. Check your connection and try again.');
  } finally {
    button.removeAttribute('aria-busy');
    ownWrites.ended([written]);
  }
}

/** Marks the buttons of a page that could not say which notes this reader found useful. */
async function markMine(root) {
  const unknown = [...root.querySelectorAll(`${FORMS} button:not([aria-pressed])`)].map((button) => button.form);
  if (!slug || unknown.length === 0) return;
  let mine;
  try {
    const response = await fetch(`/articles/${slug}/reactions/mine`, {
      credentials: 'same-origin', headers: { Accept: 'application/json' },
    });
    if (!response.ok) return;
    mine = new Set((await response.json()).useful);
  } catch {
    return; // the buttons still work: each press is the other of what it is
  }
  for (const form of unknown) {
    const id = form.closest('.note')?.id.replace(/^note-/, '');
    const count = Number(form.querySelector('.useful-count')?.textContent ?? 0);
    if (id && form.isConnected) show(form, count, mine.has(id));
  }
}

document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.matches(FORMS)) return;
  event.preventDefault();
  press(form);
});

document.addEventListener('notes:updated', (event) => {
  if (event.target instanceof Element) markMine(event.target);
});

markMine(document);
