// Relative times: each note's date ("5 Dec 2026", as the server wrote it in UTC for every reader) becomes "just
// now", "3 hours ago", "yesterday", "4 days ago", or the day ("2 Dec 2026") when older than a week, in the
// reader's own time zone, with the full date and time on hover. The article page is rendered once for many
// readers, so only the browser can say how long ago. Without this script the server's date stays.
//
// Times are written again every minute, when the page is shown again, and for notes put in place later (live
// updates and inline forms send 'notes:updated'). A printout gets the full date and time instead.

const lang = document.documentElement.lang || 'en';
const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
const month = new Intl.DateTimeFormat(lang, { month: 'short' });
const full = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' });

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Whole days between two moments, by the reader's calendar (yesterday at 23:59 is one day before today). */
function calendarDays(then, now) {
  const start = (date) => Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
  return Math.round((start(now) - start(then)) / DAY);
}

/** @return how long ago {@code then} was, in words, as seen at {@code now} */
export function describe(then, now = new Date()) {
  const ago = now - then;
  if (ago < MINUTE) return 'just now'; // a clock a little ahead of the server's is "just now" too
  if (ago < HOUR) return relative.format(-Math.floor(ago / MINUTE), 'minute');
  if (ago < DAY) return relative.format(-Math.floor(ago / HOUR), 'hour');
  const days = calendarDays(then, now);
  if (days < 7) return relative.format(-days, 'day');
  return `${then.getDate()} ${month.format(then)} ${then.getFullYear()}`;
}

/** Writes every relative time in {@code root} for this moment. */
export function update(root = document) {
  const now = new Date();
  for (const time of root.querySelectorAll('time[data-relative][datetime]')) {
    const then = new Date(time.getAttribute('datetime'));
    if (Number.isNaN(then.getTime())) continue;
    const text = describe(then, now);
    if (time.textContent !== text) time.textContent = text;
    const title = full.format(then);
    if (time.title !== title) time.title = title;
  }
}

update();
window.setInterval(() => update(), MINUTE);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') update();
});
window.addEventListener('pageshow', (event) => {
  if (event.persisted) update(); // back from the back-forward cache, perhaps days later
});
document.addEventListener('notes:updated', (event) => {
  if (event.target instanceof Element) update(event.target);
});
// on paper "3 hours ago" would soon be wrong: a printout says the date and time
window.addEventListener('beforeprint', () => {
  for (const time of document.querySelectorAll('time[data-relative][title]')) time.textContent = time.title;
});
window.addEventListener('afterprint', () => update());
