// The chair board: live over server-sent events (/api/board/stream), one card per chair, with the urgency
// strip on top. When the stream goes quiet the board says so: cards grey out and countdowns stop.
import { el, clear, time } from './api.js';
import { fillRecent } from './recent.js';
import { createChairCard, updateChairCard } from './chair.js';
import { followBoard } from './board-stream.js';
import { setUpStartDialog, setUpActionDialog } from './forms.js';
import { setUpSound } from './sound.js';
import { setUpStrip } from './strip.js';

const boardNode = document.getElementById('board');
const loadingNote = document.getElementById('board-loading');
const stripNode = document.getElementById('strip-items');
const stripSection = stripNode.closest('.strip');
const cards = new Map();
let latest = null;
let sessionsKey = null;

const asOf = () => latest?.asOf ?? new Date().toISOString();
const openStart = setUpStartDialog(asOf, () => refreshRecent(), () => latest?.chairs ?? []);
const openAction = setUpActionDialog(asOf, () => refreshRecent());
const sound = setUpSound(document.getElementById('sound-toggle'));
/** Opening or closing the whole strip changes the room left for the cards: fit them again. */
const strip = setUpStrip(stripNode, () => { shape = null; if (latest) refit(latest); });

/** On a phone the board scrolls down (one column): small cards from 7 chairs, smaller from 17. */
const phoneDensity = count => (count > 16 ? 'dense' : count > 6 ? 'compact' : 'roomy');

/** The narrowest card of each size whose name and main step fit side by side. */
const narrowest = { compact: 236, dense: 146 };

function layOut(density, cols) {
  boardNode.dataset.density = stripSection.dataset.density = density;
  if (cols) {
    boardNode.dataset.cols = String(cols);
    boardNode.style.setProperty('--cols', String(cols));
  } else {
    delete boardNode.dataset.cols;
    boardNode.style.removeProperty('--cols');
  }
  strip.fit(); // the strip's room depends on the density: what does not fit in it is counted, never cut
}

/** How far the lowest card reaches below the screen (0 or less: every card is on it). */
function overflow() {
  let bottom = 0;
  for (const card of boardNode.children) bottom = Math.max(bottom, card.getBoundingClientRect().bottom + window.scrollY);
  return bottom - window.innerHeight;
}

/** Whether a card's button or link sticks out of it (a name and a main step too wide for the column): that layout does not fit. */
function sticksOut() {
  for (const card of boardNode.children) {
    const box = card.getBoundingClientRect();
    for (const control of card.querySelectorAll('.actions > *, .chair-label a')) {
      if (control.getClientRects().length === 0) continue;
      const r = control.getBoundingClientRect();
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5) return true;
    }
  }
  return false;
}

/**
 * Fits the board to the screen: the largest cards with which every card is on screen without scrolling, measured with
 * what the cards carry now (alarms, prompts, clock notes, overtime) and the strip above, with every card's buttons and
 * name inside it: large cards, then small ones in as many columns as the width takes, then smaller ones; when even those do not fit, smaller ones in fewer, wider
 * columns (less wraps inside each), and at worst the layout that reaches least far below. On a phone the board
 * scrolls down instead.
 */
function fit(count) {
  if (window.innerWidth <= 600) {
    layOut(phoneDensity(count), null);
    return;
  }
  const width = boardNode.clientWidth;
  const most = (density, gap) => Math.max(1, Math.min(count, Math.floor((width + gap) / (narrowest[density] + gap))));
  const tries = [['roomy', null], ['compact', most('compact', 8)]];
  for (let cols = most('dense', 3); cols >= 1; cols--) tries.push(['dense', cols]);
  let best = null;
  for (const [density, cols] of tries) {
    layOut(density, cols);
    const over = overflow();
    const out = sticksOut();
    if (over <= 0 && !out) return;
    // Never a control outside its card if any layout avoids it; among those, the one that reaches least far below.
    if (!best || (best.out && !out) || (best.out === out && over < best.over)) best = { density, cols, over, out };
  }
  layOut(best.density, best.cols);
}

/** What changes the cards' heights: fitting again only then keeps the live refresh cheap and the layout steady. */
function shapeOf(view) {
  const chairs = view.chairs.map(c => [c.alarms.length, c.readyForInfusion, c.preCoolingTargetReached, c.removeCap, c.notCooling,
    Boolean(c.clockWarning), c.remainingSeconds !== null && c.remainingSeconds !== undefined, (c.overtimeSeconds ?? c.remainingSeconds ?? 0) >= 3600,
    Boolean(c.patient), Boolean(c.sessionId), c.actions[0] ?? '', Boolean(c.controller)].join(','));
  return [window.innerWidth, window.innerHeight, document.body.classList.contains('stale'), JSON.stringify(view.urgent), ...chairs].join('|');
}

let shape = null;

function refit(view) {
  const now = shapeOf(view);
  if (now !== shape) {
    shape = now;
    fit(view.chairs.length);
  }
}

function render(view) {
  latest = view;
  loadingNote.hidden = true;
  const seen = new Set();
  let index = 0;
  for (const chair of view.chairs) {
    seen.add(chair.controllerId);
    let card = cards.get(chair.controllerId);
    if (!card) {
      card = createChairCard(chair.controllerId);
      card.id = 'chair-' + chair.controllerId;
      cards.set(chair.controllerId, card);
    }
    updateChairCard(card, chair, {
      canAct: view.runsSessions,
      onAction: (kind, c) => openAction(kind, c),
      onStart: c => openStart(c.controllerId),
    });
    if (boardNode.children[index] !== card) {
      boardNode.insertBefore(card, boardNode.children[index] ?? null); // only when the order changed, so focus stays put
    }
    index++;
  }
  for (const [id, card] of cards) {
    if (!seen.has(id)) {
      card.remove();
      cards.delete(id);
    }
  }
  renderStrip(view.urgent);
  renderRefused(view.refused);
  refit(view);
  const key = view.chairs.map(c => c.sessionId + ':' + c.status).join('|');
  if (key !== sessionsKey) {
    sessionsKey = key;
    refreshRecent(); // a session started or changed status: the list below follows
  }
}

/** For engineers and admins: controllers refused since the start (not configured, over the self-registration limit). */
function renderRefused(refused) {
  const section = document.getElementById('refused');
  section.hidden = !refused;
  if (!refused) {
    return;
  }
  const count = refused.controllers.length;
  document.getElementById('refused-summary').textContent =
    `${refused.messages} message${refused.messages === 1 ? '' : 's'} from ${count} controller${count === 1 ? '' : 's'} not configured were refused: ` +
    `at most ${refused.limit} new controllers register themselves after a start. Add a chair under NurseStation:Chairs to admit one.`;
  const list = document.getElementById('refused-list');
  clear(list);
  for (const c of refused.controllers) {
    list.append(el('li', `${c.controllerId}: ${c.messages} message${c.messages === 1 ? '' : 's'}, last at ${time(c.lastAt)}`));
  }
}

/** The strip (strip.js): what needs a nurse now, most urgent first; a new alarm or prompt sounds when sound is on. */
function renderStrip(items) {
  if (strip.render(items)) sound.notice(items);
}

function refreshRecent() {
  return fillRecent(document.querySelector('#recent tbody'), { asOf: latest?.asOf });
}

followBoard(document.getElementById('connection'), () => cards.values(), render);
setInterval(refreshRecent, 60000);
// A turned tablet, a resized window or a lost connection (its notice takes room above the cards): fit again.
window.addEventListener('resize', () => latest && refit(latest));
setInterval(() => latest && refit(latest), 1000);
