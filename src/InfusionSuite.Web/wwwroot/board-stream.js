// The board's live stream, one module for the board and a chair's page: the server-sent events of /api/board/stream
// (the browser reconnects by itself after a lost connection; a refused stream is opened again here), the connection line ("Live · 14:05", "lost since …", every card grey) and the
// loading state. A page shows only what the server sent: before its first loaded view, and while a restarted server
// is still rebuilding its sessions, nothing is shown as free and no session can be started.
import { watchConnection } from './liveness.js';

/**
 * Follows the board. onView(view) gets each loaded view; cards() gives the chair cards to grey and stop when the
 * connection is lost. Returns the connection watch ({ live, lost, loading, isLost }).
 */
export function followBoard(connection, cards, onView) {
  /** No board event for 5 s (the server sends one at least every second) means the screen is not live. */
  const watch = watchConnection(connection, cards, 5000);
  let retryMs = 1000;
  const open = () => {
    const source = new EventSource('/api/board/stream');
    source.addEventListener('board', event => {
      retryMs = 1000;
      const view = JSON.parse(event.data);
      if (view.loading) {
        watch.loading(view.asOf);
        return;
      }
      watch.live(view.asOf);
      onView(view);
    });
    source.addEventListener('error', () => {
      watch.lost();
      if (source.readyState !== EventSource.CLOSED) return; // the browser reconnects by itself (network lost, stream ended)
      // An answer that is no stream (503 while the database is away, 502 from a proxy, 401 once signed out) closes an
      // EventSource for good: open a new one later, and go to sign-in if that is why (issue 18 trial: the board stayed
      // "lost" after a database outage until someone reloaded the page).
      source.close();
      setTimeout(async () => {
        try {
          const me = await fetch('/api/me', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
          if (me.status === 401) {
            location.assign('/signin?returnUrl=' + encodeURIComponent(location.pathname));
            return;
          }
        } catch {
          // the server is away: try the stream again anyway
        }
        retryMs = Math.min(retryMs * 2, 10000);
        open();
      }, retryMs);
    });
  };
  open();
  return watch;
}
