// The shape of the conversation (the density strip beside the text and the "Top passages" list after it) is rendered
// by the server with the page. When notes are put in place from a page fetched again (a reader's own write, or other
// readers' notes arriving live), the strip and the list are taken from that page too, unless the focus is in them.

/** Replaces the strip's bands and the top passages with those of an article page just fetched. */
export function refreshShape(page) {
  const strip = document.querySelector('.density-strip');
  const freshStrip = page.querySelector('.density-strip');
  if (strip && freshStrip && !strip.contains(document.activeElement)) {
    strip.replaceWith(document.importNode(freshStrip, true));
    const summary = document.querySelector('.density > p');
    const freshSummary = page.querySelector('.density > p');
    if (summary && freshSummary) summary.textContent = freshSummary.textContent;
  }
  const top = document.querySelector('.top-passages');
  const freshTop = page.querySelector('.top-passages');
  if (top?.contains(document.activeElement)) return;
  if (freshTop) {
    const imported = document.importNode(freshTop, true);
    if (top) top.replaceWith(imported);
    else document.querySelector('.density')?.after(imported);
  } else {
    top?.remove();
  }
}
