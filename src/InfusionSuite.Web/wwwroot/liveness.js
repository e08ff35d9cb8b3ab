// Whether what a page shows is live: one answer for the board (server-sent events) and the session page (polling).
// Live: "Live · 14:05". Lost: every card grey, countdowns stopped, link unknown, and since when in site time.
import { time, dateTime } from './api.js';
import { setLink } from './chair.js';

/**
 * Watches a page's connection line. live(asOf) after each fresh answer from the server (asOf: the server's
 * ISO instant); lost() when a request fails; quietLimitMs (a number, or a function giving it now) without a
 * live() also counts as lost.
 * cards(): the chair cards to stop. Returns { live, lost, isLost }.
 */
export function watchConnection(connection, cards, quietLimitMs) {
  let lastEventAt = Date.now();
  let lostSince;
  let lastAsOf = null;
  let isLost = false;

  const live = asOf => {
    lastEventAt = Date.now();
    lastAsOf = asOf ?? lastAsOf;
    if (isLost) {
      isLost = false;
      document.body.classList.remove('stale');
    }
    connection.textContent = 'Live · ' + time(lastAsOf);
    connection.classList.remove('lost');
  };

  const lost = () => {
    if (isLost) return;
    isLost = true;
    lostSince = lastAsOf;
    document.body.classList.add('stale');
    connection.classList.add('lost');
    connection.textContent = lostSince
      ? 'Connection to the server lost since ' + dateTime(lostSince) + ' (site time): nothing below is live. Reconnecting…'
      : 'No connection to the server: nothing below is live. Reconnecting…';
    for (const card of cards()) {
      const p = card.parts;
      if (!p.countdown.hidden) {
        p.countdownTime.textContent = '––:––';
        p.countdownCaption.textContent = 'stopped: no data since ' + (lostSince ? time(lostSince) : 'the connection broke');
      }
      setLink(p.link, '?', 'Not known', 'unknown');
    }
  };

  setInterval(() => {
    const limit = typeof quietLimitMs === 'function' ? quietLimitMs() : quietLimitMs;
    if (Date.now() - lastEventAt > limit) lost();
  }, 1000);
  return { live, lost, isLost: () => isLost };
}
