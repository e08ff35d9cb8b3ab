// The board's live stream, one module for the board and a chair's page: the server-sent events of /api/board/stream
// (the browser reconnects by itself), the connection line ("Live · 14:05", "lost since …", every card grey) and the
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
  const source = new EventSource('/api/board/stream');
  source.addEventListener('board', event => {
    const view = JSON.parse(event.data);
    if (view.loading) {
      watch.loading(view.asOf);
      return;
    }
    watch.live(view.asOf);
    onView(view);
  });
  source.addEventListener('error', () => watch.lost());
  return watch;
}
