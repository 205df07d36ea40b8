// Enhancements only: every control here is a plain link that works without this script.

import { announce, copyText, isPlainClick } from './page.js';
import './notes.js';
import './passages.js';
import './live.js';
import './notices.js';
import './margin.js';
import './threads.js';
import './keys.js';
import './times.js';
import './search.js';
import './reactions.js';

export { announce };

// A paragraph's ¶ link copies the paragraph's share link instead of leaving the page.
document.addEventListener('click', async (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[data-permalink]') : null;
  if (!link || event.defaultPrevented || !isPlainClick(event)) return;
  event.preventDefault();
  const url = new URL(link.getAttribute('href'), window.location.href).href;
  if (await copyText(url)) {
    link.dataset.copied = 'true';
    announce('Link to the paragraph copied');
    window.setTimeout(() => { delete link.dataset.copied; }, 2000);
  } else {
    window.location.assign(url);
  }
});
