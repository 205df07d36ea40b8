// Reply notices: while the article is open, a reply another reader writes to one of this reader's notes is told in
// a small notice ("Ann replied to your note on paragraph 3"), with a link to the reply and a Dismiss button. The
// server decides which replies are this reader's (live.js passes on its `reply` events); the notices go in a polite
// live region that the page has from the start, so that screen readers say them without taking the focus.
// Escape in a notice dismisses it too; the focus then goes to the next notice, or back to where the reader was.

import { blockLabel } from './page.js';

const region = document.querySelector('[data-reply-notices]');
/** Replies already told (a stream that reconnects may send one again). */
const told = new Set();
/** Where the focus was before it went into the notices, to give it back. */
let before = null;

function show(reply) {
  if (!region || typeof reply?.note !== 'string' || told.has(reply.note)) return;
  told.add(reply.note);
  const where = blockLabel(document.getElementById(reply.block)?.closest('.block'));
  const notice = document.createElement('div');
  notice.className = 'reply-notice';
  notice.dataset.reply = reply.note;
  const text = document.createElement('p');
  text.textContent = `${reply.author || 'Someone'} replied to your note${where ? ` on ${where}` : ''}.`;
  const link = document.createElement('a');
  link.href = typeof reply.href === 'string' && reply.href.startsWith('/') ? reply.href : `#note-${reply.note}`;
  link.textContent = 'Read the reply';
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.className = 'secondary';
  dismiss.textContent = 'Dismiss';
  const which = document.createElement('span');
  which.className = 'visually-hidden';
  which.textContent = ` the notice of ${reply.author || 'someone'}’s reply`;
  dismiss.append(which);
  dismiss.addEventListener('click', () => close(notice));
  const actions = document.createElement('p');
  actions.className = 'reply-notice-actions';
  actions.append(link, ' ', dismiss);
  notice.append(text, actions);
  region.append(notice);
}

function close(notice) {
  const hadFocus = notice.contains(document.activeElement);
  const next = notice.nextElementSibling || notice.previousElementSibling;
  notice.remove();
  if (!hadFocus) return;
  const target = next?.querySelector('button') || (before?.isConnected ? before : null);
  target?.focus();
}

if (region) {
  document.addEventListener('live:reply', (event) => show(event.detail));
  region.addEventListener('focusin', (event) => {
    if (!(event.relatedTarget instanceof Node) || !region.contains(event.relatedTarget)) before = event.relatedTarget;
  });
  region.addEventListener('keydown', (event) => {
    const notice = event.target instanceof Element ? event.target.closest('.reply-notice') : null;
    if (event.key === 'Escape' && notice) {
      event.preventDefault();
      close(notice);
    }
  });
}
