// Margin notes without page loads. Every control is a link or a form that works without this script; here
// they fetch the same pages and post to the same URLs, and the answer is put in place:
// - "Add a note", "Reply" and "Edit" fetch the form page and show its form in place, with a Cancel button;
// - a sent form is answered by the article page (after the redirect): the paragraph's count and notes are
//   taken from it; a form with errors (400, 409) is answered by the form again, shown instead of this one;
// - "Delete" asks first, in place;
// - on narrow screens a paragraph's note count opens and closes its notes (a disclosure button).
// Focus always lands somewhere useful: the new note, the first field in error, or the control that opened
// a closed form.
//
// Other scripts use this one: passages.js opens the add form with a selected passage (addNoteOn), live.js
// puts in place what other readers wrote (refresh). After a paragraph's notes are replaced, its region gets a
// 'notes:updated' event; when an inline form closes, the document gets 'notes:formclosed'.

import { announce, isPlainClick, ownWrites, thisPageInItsOrder, withToken } from './page.js';
import { clampLongNotes, reveal } from './threads.js';
import { refreshShape } from './shape.js';

const DONE = { add: 'Note added', reply: 'Reply added', edit: 'Note saved', delete: 'Note deleted' };

/** Open inline forms: form element -> { action, opener, key, noteId, n } */
const inline = new WeakMap();
/** Which form is open for which control (action and URL), so that a second click focuses it. */
const openForms = new Map();
let formNumber = 0;

// With this script the notes of a paragraph open and close by their toggle alone (see site.css).
document.documentElement.classList.add('js-notes');
document.querySelectorAll('.reading a[data-notes-toggle]').forEach(initToggle);
window.addEventListener('hashchange', () => {
  const aside = document.querySelector('.notes:target, .notes:has(:target)');
  if (aside) setOpen(aside, true);
});

// ---- Narrow screens: the count link is a disclosure button for the paragraph's notes.

function initToggle(link) {
  const aside = document.getElementById(link.dataset.notesToggle);
  if (!aside) return;
  link.setAttribute('role', 'button');
  link.setAttribute('aria-controls', aside.id);
  if (aside.matches(':target, :has(:target)')) aside.classList.add('is-open');
  link.setAttribute('aria-expanded', String(aside.classList.contains('is-open')));
}

export function setOpen(aside, open) {
  aside.classList.toggle('is-open', open);
  if (open) clampLongNotes(aside);
  toggleOf(aside)?.setAttribute('aria-expanded', String(open));
}

function toggleOf(aside) {
  return document.querySelector(`[data-notes-toggle="${CSS.escape(aside.id)}"]`);
}

// ---- Fetching and sending

async function fetchPage(url, options = {}) {
  const response = await fetch(url, { credentials: 'same-origin', redirect: 'follow', ...options });
  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  adoptToken(page);
  return { response, page };
}

// A page for a reader without cookies carries no CSRF token (their first write needs none, and the page is
// shared by all of them). That write gives them cookies; every page fetched after it carries their token:
// keep the newest, for the next write.
function adoptToken(page) {
  for (const name of ['_csrf', '_csrf_header']) {
    const fetched = page.querySelector(`meta[name="${name}"]`);
    if (!fetched) continue;
    let meta = document.querySelector(`meta[name="${name}"]`);
    if (!meta) {
      meta = document.createElement('meta');
      meta.name = name;
      document.head.append(meta);
    }
    meta.content = fetched.content;
  }
}

function post(form) {
  const headers = withToken({ Accept: 'text/html' });
  return fetchPage(form.action, { method: 'POST', headers, body: new URLSearchParams(new FormData(form)) });
}

/**
 * A write answers with the article in the default order of its notes: on an article sorted otherwise (?sort=), the
 * article in this page's order, fetched again. @return the page to take the notes from
 */
async function inThisOrder(page) {
  if (!new URLSearchParams(window.location.search).has('sort') || !document.querySelector('main.reading')) return page;
  return (await fetchPage(thisPageInItsOrder())).page;
}

/** @return the first of the elements that takes focus */
function focusFirst(...candidates) {
  for (const element of candidates) {
    if (!element || !element.isConnected) continue;
    element.focus();
    if (document.activeElement === element) return element;
  }
  return null;
}

// ---- Inline forms

/**
 * Opens the form to add a note on a paragraph, with a passage of it chosen by the reader (the form's page
 * takes them as ?quote=…&quoteStart=…). @return whether the paragraph can take notes
 * @param region the paragraph's block (its .block, or its li)
 * @param passage { quote, start }: the words, and where they start in the paragraph's text in code points
 */
export function addNoteOn(region, passage) {
  const opener = region.querySelector(
    ':scope > .notes .notes-add a[data-action="add"], :scope > a.note-count:not([data-notes-toggle])');
  if (!opener) return false;
  openForm(opener, passage);
  return true;
}

function withPassage(href, passage) {
  const url = new URL(href, window.location.href);
  if (passage) {
    url.searchParams.set('quote', passage.quote);
    url.searchParams.set('quoteStart', String(passage.start));
  }
  return url.href;
}

/** Puts a passage into an add form that is already open. */
function fillPassage(form, passage) {
  const quote = form.querySelector('[name="quote"]');
  if (!quote) return;
  quote.value = passage.quote;
  let start = form.querySelector('input[name="quoteStart"]');
  if (!start) {
    start = document.createElement('input');
    start.type = 'hidden';
    start.name = 'quoteStart';
    quote.after(start);
  }
  start.value = String(passage.start);
}

async function openForm(opener, passage = null) {
  const action = opener.dataset.action || 'add';
  const key = `${action} ${opener.href}`;
  const open = openForms.get(key);
  if (open?.isConnected) {
    if (passage) fillPassage(open, passage);
    focusField(open);
    return;
  }
  if (opener.getAttribute('aria-busy') === 'true') return;
  opener.setAttribute('aria-busy', 'true');
  const href = withPassage(opener.href, passage);
  let form = null;
  try {
    const { response, page } = await fetchPage(href);
    form = response.ok ? page.querySelector('form.note-form') : null;
  } catch {
    form = null;
  } finally {
    opener.removeAttribute('aria-busy');
  }
  if (!form) {
    window.location.assign(href); // the form's own page says what went wrong
    return;
  }
  const wrapper = document.createElement('div');
  wrapper.className = 'inline-note-form';
  const block = opener.closest('.block');
  const aside = block?.querySelector(':scope > .notes');
  if (action === 'reply') {
    opener.closest('.thread').append(wrapper);
  } else if (action === 'edit') {
    opener.closest('.note').after(wrapper);
  } else if (aside) {
    aside.querySelector('.notes-add').before(wrapper);
    setOpen(aside, true);
  } else {
    opener.after(wrapper);
  }
  const noteId = action === 'edit' ? opener.closest('.note').id : null;
  const context = { action, opener, key, noteId, n: ++formNumber };
  wrapper.append(prepare(form, context));
  openForms.set(key, form);
  focusField(form);
}

/** Makes a fetched form ready to live in this page: unique ids, a Cancel button, known to the handlers. */
function prepare(form, context) {
  const renamed = new Map();
  for (const element of form.querySelectorAll('[id]')) {
    renamed.set(element.id, `${element.id}-${context.n}`);
    element.id = renamed.get(element.id);
  }
  const rename = (ids) => ids.split(/\s+/).map((id) => renamed.get(id) ?? id).join(' ');
  for (const element of [form, ...form.querySelectorAll('[for], [aria-describedby], a[href^="#"]')]) {
    for (const name of ['for', 'aria-describedby']) {
      if (element.hasAttribute(name)) element.setAttribute(name, rename(element.getAttribute(name)));
    }
    if (element.matches('a[href^="#"]')) element.setAttribute('href', `#${rename(element.getAttribute('href').slice(1))}`);
  }
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.className = 'secondary';
  cancel.dataset.cancel = '';
  cancel.textContent = 'Cancel';
  form.querySelector('.form-actions').append(cancel);
  inline.set(form, context);
  return form;
}

function focusField(form) {
  const field = focusFirst(form.querySelector('[aria-invalid="true"]'), form.querySelector('textarea'));
  if (field instanceof HTMLTextAreaElement) field.setSelectionRange(field.value.length, field.value.length);
}

function closeForm(form) {
  const { opener, key } = inline.get(form);
  openForms.delete(key);
  const region = form.closest('.block, .orphans');
  form.closest('.inline-note-form').remove();
  focusFirst(opener, region?.querySelector('.note-count'), region?.querySelector('.note'));
  document.dispatchEvent(new CustomEvent('notes:formclosed'));
}

async function send(form) {
  const context = inline.get(form);
  if (form.getAttribute('aria-busy') === 'true') return;
  form.setAttribute('aria-busy', 'true');
  let written = null;
  ownWrites.started();
  try {
    const { response, page } = await post(form);
    const again = page.querySelector('form.note-form');
    if (response.ok && response.redirected) {
      openForms.delete(context.key);
      written = done(context.action, form, await inThisOrder(page), context.noteId);
    } else if ((response.status === 400 || response.status === 409) && again) {
      form.replaceWith(prepare(again, context));
      openForms.set(context.key, again);
      focusField(again);
    } else {
      problem(form, `Your note was not saved (error ${response.status}). Reload the page and try again.`);
    }
  } catch {
    problem(form, 'Your note could not be sent. Check your connection and try again.');
  } finally {
    form.removeAttribute('aria-busy');
    ownWrites.ended([written]);
  }
}

/** Says what went wrong, at the end of the form or of the delete question; focus stays where it is. */
function problem(where, message) {
  let alert = where.querySelector(':scope > [role="alert"]');
  if (!alert) {
    alert = document.createElement(where.matches('form') ? 'p' : 'span');
    alert.className = 'field-error';
    alert.setAttribute('role', 'alert');
    where.append(alert);
  }
  alert.textContent = message;
}

/**
 * Puts the notes of the article page just received in place of the ones around {@code element} (its
 * paragraph, or the orphaned notes), then moves focus to what changed. @return the id of the note written
 */
function done(action, element, page, focusId) {
  const region = element.closest('.block, .orphans');
  const before = new Set([...region.querySelectorAll('.note')].map((note) => note.id));
  const updated = refresh(region, page);
  const added = [...updated.querySelectorAll('.note')].find((note) => !before.has(note.id));
  const target = focusId ? document.getElementById(focusId) : added;
  const aside = updated.querySelector(':scope > .notes');
  if (aside) setOpen(aside, true);
  reveal(target);
  const focused = focusFirst(target, updated.querySelector('.note'), updated.querySelector('.note-count'),
      updated.querySelector('a, button'));
  if (focused === target && target) {
    target.classList.add('is-changed'); // marked like a note arrived at by its link, until the reader moves on
    target.addEventListener('focusout', () => target.classList.remove('is-changed'), { once: true });
  }
  announce(DONE[action]);
  document.dispatchEvent(new CustomEvent('notes:formclosed'));
  return (focusId ?? added?.id)?.replace(/^note-/, '') ?? null;
}

/**
 * Replaces a paragraph's note count, notes and passages (or the orphaned notes) with those of an article
 * page just fetched. @return the region, or what stands in its place
 */
export function refresh(region, page) {
  if (region.matches('.orphans')) {
    const fresh = page.querySelector('.orphans');
    refreshShape(page);
    if (fresh) {
      region.replaceWith(fresh);
      fresh.dispatchEvent(new CustomEvent('notes:updated', { bubbles: true }));
      return fresh;
    }
    const article = region.previousElementSibling;
    region.remove();
    return article;
  }
  const fresh = page.getElementById(region.firstElementChild.id)?.parentElement;
  const count = region.querySelector(':scope > .note-count');
  const freshCount = fresh?.querySelector(':scope > .note-count');
  const wasOpen = region.querySelector(':scope > .notes')?.classList.contains('is-open');
  region.querySelectorAll(':scope > .notes, :scope > .inline-note-form').forEach((element) => element.remove());
  if (fresh) {
    region.firstElementChild.replaceWith(fresh.firstElementChild); // the paragraph: its passages may have changed
    if (count && freshCount) {
      morph(count, freshCount); // the same element: it keeps the focus, if it has it
    } else {
      count?.remove();
      if (freshCount) region.append(freshCount);
    }
    const notes = fresh.querySelector(':scope > .notes');
    if (notes) {
      notes.classList.toggle('is-open', Boolean(wasOpen));
      region.append(notes);
    }
  } else {
    count?.remove();
  }
  region.querySelectorAll(':scope > a[data-notes-toggle]').forEach(initToggle);
  refreshShape(page);
  region.dispatchEvent(new CustomEvent('notes:updated', { bubbles: true }));
  return region;
}

/** Makes an element like another (attributes and content), keeping the element itself. */
function morph(element, model) {
  for (const { name } of [...element.attributes]) {
    if (!model.hasAttribute(name)) element.removeAttribute(name);
  }
  for (const { name, value } of [...model.attributes]) element.setAttribute(name, value);
  element.replaceChildren(...model.childNodes);
}

// ---- Delete, after asking

function confirmDelete(form) {
  const asking = form.nextElementSibling;
  if (asking?.matches('.confirm')) {
    focusFirst(asking.querySelector('button'));
    return;
  }
  const box = document.createElement('span');
  box.className = 'confirm';
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', 'Delete this note?');
  const question = document.createElement('span');
  question.textContent = 'Delete this note?';
  const yes = button('Yes, delete', () => remove(form, box));
  const no = button('No, keep it', () => keep(form, box));
  yes.dataset.confirm = '';
  box.append(question, yes, no);
  form.after(box);
  yes.focus();
  form.hidden = true;
}

function button(label, onClick) {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = 'link-button';
  element.textContent = label;
  element.addEventListener('click', onClick);
  return element;
}

function keep(form, box) {
  form.hidden = false;
  box.remove();
  focusFirst(form.querySelector('button'));
}

async function remove(form, box) {
  if (box.getAttribute('aria-busy') === 'true') return;
  box.setAttribute('aria-busy', 'true');
  let written = null;
  ownWrites.started();
  try {
    const { response, page } = await post(form);
    if (response.ok && response.redirected) {
      written = done('delete', form, await inThisOrder(page), form.closest('.note').id);
      return;
    }
    problem(box, `The note was not deleted (error ${response.status}). Reload the page and try again.`);
  } catch {
    problem(box, 'The note could not be deleted. Check your connection and try again.');
  } finally {
    box.removeAttribute('aria-busy');
    ownWrites.ended([written]);
  }
}

// ---- Events, delegated: the notes of a paragraph are replaced after every change.

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  if (!target || event.defaultPrevented || !isPlainClick(event)) return;
  const toggle = target.closest('.reading a[data-notes-toggle]');
  const hide = target.closest('.reading .notes-close');
  const opener = target.closest('.reading a[data-action], .reading a.note-count:not([data-notes-toggle])');
  const cancel = target.closest('.inline-note-form [data-cancel]');
  const jump = target.closest('.inline-note-form .form-errors a[href^="#"]');
  if (toggle) {
    const aside = document.getElementById(toggle.dataset.notesToggle);
    if (aside) setOpen(aside, !aside.classList.contains('is-open'));
  } else if (hide) {
    const aside = hide.closest('.notes');
    setOpen(aside, false);
    focusFirst(toggleOf(aside));
  } else if (opener) {
    openForm(opener);
  } else if (cancel) {
    closeForm(cancel.form);
  } else if (jump) {
    focusFirst(document.getElementById(jump.getAttribute('href').slice(1)));
  } else {
    return;
  }
  event.preventDefault();
});

document.addEventListener('keydown', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  if (event.key === ' ' && target?.matches('a[data-notes-toggle][role="button"]')) {
    event.preventDefault();
    target.click();
  } else if (event.key === 'Escape' && target?.closest('.inline-note-form')) {
    closeForm(target.closest('form'));
  } else if (event.key === 'Escape' && target?.closest('.confirm')) {
    const box = target.closest('.confirm');
    keep(box.previousElementSibling, box);
  }
});

document.addEventListener('submit', (event) => {
  const form = event.target;
  if (inline.has(form)) {
    event.preventDefault();
    send(form);
  } else if (form.matches('.reading form[data-action="delete"]')) {
    event.preventDefault();
    confirmDelete(form);
  }
});
