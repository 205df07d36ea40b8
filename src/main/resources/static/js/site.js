// Enhancements only: every control here is a plain link that works without this script.

import { announce, isPlainClick } from './page.js';
import './notes.js';

export { announce };

async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // permission refused: try the older way below
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'offscreen';
  document.body.append(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  return copied;
}

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
