// Whether what a page shows is live: one answer for the board and a chair's page (server-sent events, board-stream.js)
// and the session page (polling). Live: "Live · 14:05". Lost: every card grey, countdowns stopped, link unknown, and
// since when in site time. Loading (a restarted server still rebuilding its sessions): the same grey, and it says so.
// Until the first live view, and while lost or loading, no session can be started (body.live and the Start buttons).
import { time, dateTime } from './api.js';
import { setLink } from './chair.js';

/**
 * Watches a page's connection line. live(asOf) after each fresh answer from the server (asOf: the server's
 * ISO instant); loading(asOf) when the server answers that it is still loading; lost() when a request fails;
 * quietLimitMs (a number, or a function giving it now) without a live() or loading() also counts as lost.
 * cards(): the chair cards to stop. Returns { live, lost, loading, isLost }.
 */
export function watchConnection(connection, cards, quietLimitMs) {
  let lastEventAt = Date.now();
  let lostSince;
  let lastAsOf = null;
  let isLost = false;
  let isLoading = false;

  const live = asOf => {
    lastEventAt = Date.now();
    lastAsOf = asOf ?? lastAsOf;
    isLost = false;
    isLoading = false;
    showLive(true);
    document.body.classList.remove('stale');
    connection.textContent = 'Live · ' + time(lastAsOf);
    connection.classList.remove('lost');
  };

  /** The cards on screen say nothing of now: grey, countdowns stopped, link unknown. */
  const stopCards = since => {
    document.body.classList.add('stale');
    for (const card of cards()) {
      const p = card.parts;
      if (!p.countdown.hidden) {
        p.countdownTime.textContent = '––:––';
        p.countdownCaption.textContent = 'stopped: no data since ' + (since ? time(since) : 'the connection broke');
      }
      setLink(p.link, '?', 'Not known', 'unknown');
    }
  };

  const loading = asOf => {
    lastEventAt = Date.now();
    if (isLoading) return;
    const since = lastAsOf;
    isLoading = true;
    isLost = false;
    showLive(false);
    connection.classList.add('lost');
    connection.textContent = 'Loading chairs… The server is starting and rebuilding its sessions: nothing below is live yet.';
    stopCards(since);
    lastAsOf = asOf ?? lastAsOf;
  };

  const lost = () => {
    if (isLost) return;
    isLost = true;
    isLoading = false;
    lostSince = lastAsOf;
    showLive(false);
    connection.classList.add('lost');
    connection.textContent = lostSince
      ? 'Connection to the server lost since ' + dateTime(lostSince) + ' (site time): nothing below is live. Reconnecting…'
      : 'No connection to the server: nothing below is live. Reconnecting…';
    stopCards(lostSince);
  };

  setInterval(() => {
    const limit = typeof quietLimitMs === 'function' ? quietLimitMs() : quietLimitMs;
    if (Date.now() - lastEventAt > limit) lost();
  }, 1000);
  return { live, lost, loading, isLost: () => isLost };
}

/** Whether the page shows the server's live view; the Start buttons follow (a chair not known free now is not started). */
function showLive(on) {
  document.body.classList.toggle('live', on);
  for (const start of document.querySelectorAll('button[data-action="start"]')) start.disabled = !on;
}
